/**
 * The wallet shows an Open Badges 3.0 credential from any issuer as it shows a qualification: the
 * achievement as the title, the skills it lists as competencies, and its criteria.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { signVcJose } from '../core/formats/vc-jose-2.0/sign.ts';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import { conformancePath } from '../test/support/conformance.ts';
import { describeEntry } from './describe.ts';

const seed = Buffer.alloc(32, 5);
const issuer = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));

async function stored(file: string) {
  const { proof: _, ...badge } = JSON.parse(readFileSync(conformancePath('openbadges', file), 'utf8'));
  const credential = await signVcJose(
    { ...badge, issuer: { ...badge.issuer, id: issuer } },
    nodeJoseSigner(ed25519PrivateKey(seed), `${issuer}#${issuer.slice('did:key:'.length)}`),
  );
  return {
    number: 1,
    stored: { id: 'abcd1234', credentialHash: '0x', credential, receivedAt: '2026-11-30T12:00:00Z', source: 'test' },
  };
}

describe('an Open Badge in the wallet', () => {
  it("1EdTech's complete example: the achievement, its skills once each, its criteria on one line, the day the activity ended, the issuer as it names itself", async () => {
    const d = describeEntry(await stored('complete.json'), new Date('2026-11-30T12:00:00Z'));
    expect(d).toMatchObject({
      title: '1EdTech University Degree',
      competencies: ['Final Project Grade', 'Project Status'],
      criteria: expect.stringMatching(/^# Degree Requirements Students must complete/),
      awardedOn: '2010-01-02',
      institution: { name: '1EdTech University', namedBy: 'credential' },
      issuer,
    });
  });

  it('the simple example: the achievement and its criteria', async () => {
    expect(describeEntry(await stored('simple.json'))).toMatchObject({
      title: 'Teamwork',
      competencies: [],
      criteria: expect.stringContaining('nominated for this badge by their peers'),
    });
  });
});
