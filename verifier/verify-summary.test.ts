import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conformancePath } from '../test/support/conformance.ts';
import { fragment } from './fragment.ts';
import { summarise } from './verify-summary.ts';

const ISSUER = 'did:key:z6MkInstitution';
const credential = {
  issuer: { id: ISSUER, name: 'A name the credential gives itself' },
  credentialSubject: {
    name: 'Amina Yusuf',
    qualification: {
      title: 'National Certificate in Electrical Installation',
      level: { framework: 'EQF', value: '4' },
      occupation: { title: 'Electrician', code: '7411', framework: 'ISCO-08' },
      awardedOn: '2026-06-30',
    },
  },
};
const signed = fragment('signature', 'valid', 'signature_valid', { issuer: ISSUER });
const accredited = fragment(
  'issuer_accredited',
  'valid',
  'issuer_accredited',
  { name: 'Mombasa Technical Institute' },
  { registry: 'Kenya TVET registry', institutionId: 3, name: 'Mombasa Technical Institute', status: 'Accredited' },
);

describe('summarise', () => {
  it('says who, what and when, and names the institution as the registry does', () => {
    expect(summarise(credential, ISSUER, [signed, accredited])).toEqual({
      learnerName: 'Amina Yusuf',
      qualificationTitle: 'National Certificate in Electrical Installation',
      level: 'EQF 4',
      occupation: 'Electrician',
      awardedOn: '2026-06-30',
      institution: { name: 'Mombasa Technical Institute', registry: 'Kenya TVET registry' },
      issuerDid: ISSUER,
    });
  });

  it('never names the institution from the credential or by its DID when no registry lists it', () => {
    const unlisted = fragment('issuer_accredited', 'invalid', 'issuer_not_accredited', { issuer: ISSUER });
    const summary = summarise(credential, ISSUER, [signed, unlisted]);
    expect(summary?.institution).toBeUndefined();
    expect(summary?.issuerDid).toBe(ISSUER);
    expect(JSON.stringify(summary)).not.toContain('gives itself');
  });

  it('summarises nothing whose signature does not hold', () => {
    const forged = fragment('signature', 'invalid', 'signature_invalid');
    expect(summarise(credential, ISSUER, [forged, accredited])).toBeUndefined();
    expect(summarise(credential, ISSUER, [accredited])).toBeUndefined();
  });

  it('leaves out what the credential does not state, and reads the first of several subjects', () => {
    const sparse = { credentialSubject: [{ qualification: { title: 'Welding' } }, { name: 'Someone else' }] };
    expect(summarise(sparse, ISSUER, [signed])).toEqual({ qualificationTitle: 'Welding', issuerDid: ISSUER });
  });
});

describe('summarise, Open Badges 3.0 from any issuer (1EdTech examples, ../shared/conformance/openbadges/)', () => {
  const example = (file: string) =>
    JSON.parse(readFileSync(conformancePath('openbadges', file), 'utf8')) as Record<string, unknown>;

  it("shows the achievement's name and criteria, and the issuer profile's name as the credential writes it", () => {
    expect(summarise(example('simple.json'), ISSUER, [signed])).toEqual({
      qualificationTitle: 'Teamwork',
      criteria:
        'Team members are nominated for this badge by their peers and recognized upon review by Example Corp management.',
      issuerProfileName: 'Example Corp',
      awardedOn: '2010-01-01',
      issuerDid: ISSUER,
    });
  });

  it('lists the skills the achievement describes, once each; the registry still names the institution', () => {
    const summary = summarise(example('complete.json'), ISSUER, [signed, accredited]);
    expect(summary).toMatchObject({
      qualificationTitle: '1EdTech University Degree',
      skills: ['Final Project Grade', 'Project Status'],
      issuerProfileName: '1EdTech University',
      institution: { name: 'Mombasa Technical Institute', registry: 'Kenya TVET registry' },
    });
    expect(summary?.criteria).toMatch(/^# Degree Requirements/);
  });

  it('nothing of a badge whose signature does not hold', () => {
    expect(summarise(example('simple.json'), ISSUER, [])).toBeUndefined();
  });
});
