import { describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { signVcJose } from '../../core/formats/vc-jose-2.0/sign.ts';
import { nodeJoseSigner } from '../../core/jose/signer.ts';
import { credentialToSign } from '../credential-to-sign.ts';
import { certificateContentOf } from './certificate-content.ts';
import { testCredential } from './test-credential.ts';

describe('the words of a certificate', () => {
  it('come from the credential: name, qualification, level, occupation, competencies, award date', () => {
    const { credential, qrText } = testCredential({
      name: 'Amina Yusuf',
      qualification: {
        title: 'National Certificate in Electrical Installation',
        level: { framework: 'EQF', value: '4' },
        occupation: { title: 'Electrician', code: '7411', framework: 'ISCO-08' },
        competencies: [{ title: 'Install low-voltage wiring' }, { title: 'Test and inspect circuits' }],
        awardedOn: '2026-06-30',
      },
    });
    const claim = { code: 'K7QF-9X2M-4TBD-8RWP-3HNC', url: 'http://127.0.0.1:4100/claims/K7QF-9X2M-4TBD-8RWP-3HNC' };
    expect(
      certificateContentOf(credential, { institution: 'Demo Training Centre', shortId: '3f1c2b7e', qrText, claim }),
    ).toEqual({
      institution: 'Demo Training Centre',
      learner: 'Amina Yusuf',
      qualification: 'National Certificate in Electrical Installation',
      level: 'EQF 4',
      occupation: 'Electrician (ISCO-08 7411)',
      competencies: ['Install low-voltage wiring', 'Test and inspect circuits'],
      awardedOn: '30 June 2026',
      shortId: '3f1c2b7e',
      qrText,
      claim,
    });
  });

  it("leave out what the credential does not say, and name the learner by the institution's reference when it gives no name", () => {
    const { credential, qrText } = testCredential({
      learnerReference: 'STU-2026-0042',
      qualification: { title: 'Welding', awardedOn: '2026-01-05' },
    });
    const content = certificateContentOf(credential, { institution: 'X', shortId: '3f1c2b7e', qrText });
    expect(content).toEqual({
      institution: 'X',
      learner: 'STU-2026-0042',
      qualification: 'Welding',
      competencies: [],
      awardedOn: '5 January 2026',
      shortId: '3f1c2b7e',
      qrText,
    });
  });

  it('refuse a text that is no credential, rather than print an empty certificate', () => {
    expect(() =>
      certificateContentOf('not a credential', { institution: 'X', shortId: '3f1c2b7e', qrText: 'SM1:X' }),
    ).toThrow(/cannot be read/);
  });
});

describe('the words of an Open Badge the issuer drew from a qualification', () => {
  it("are the qualification's: the achievement, the skills, the level and occupation it aligns to, the day the activity ended", async () => {
    const seed = Buffer.alloc(32, 3);
    const did = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
    const { credential } = await credentialToSign(
      {
        openBadge: true,
        credential: {
          type: ['VerifiableCredential', 'QualificationCredential'],
          credentialSubject: {
            name: 'Amina Yusuf',
            learnerReference: 'STU-1',
            qualification: {
              title: 'National Certificate in Electrical Installation',
              level: { framework: 'EQF', value: '4' },
              occupation: { title: 'Electrician', code: '7411', framework: 'ISCO-08' },
              competencies: [{ title: 'Install low-voltage wiring' }],
              awardedOn: '2026-06-30',
            },
          },
        },
      },
      did,
      new Date('2026-07-01T00:00:00Z'),
    );
    const token = await signVcJose(credential, nodeJoseSigner(ed25519PrivateKey(seed), `${did}#${did.slice(8)}`));
    expect(certificateContentOf(token, { institution: 'X', shortId: '3f1c2b7e', qrText: 'SM1:' })).toMatchObject({
      learner: 'Amina Yusuf',
      qualification: 'National Certificate in Electrical Installation',
      level: 'EQF 4',
      occupation: 'Electrician (ISCO-08 7411)',
      competencies: ['Install low-voltage wiring'],
      awardedOn: '30 June 2026',
    });
  });
});
