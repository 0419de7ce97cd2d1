import { describe, expect, it } from 'vitest';
import type { CheckFragment } from '../fragment.ts';
import { runChecks } from './check.ts';
import { holderBinding } from './holder-binding.ts';
import type { PresentationSubject } from './subjects.ts';

/**
 * The holder binding check of a presentation by `holder` whose credentials are about
 * `subjectsPerCredential` (one list per credential), run as the verifier runs it; asserting that a
 * check it makes names itself.
 */
async function checkHolderBinding(
  holder: string,
  subjectsPerCredential: string[][],
  unsupportedCredentials: unknown[] = [],
): Promise<CheckFragment> {
  const presentation = { holder, credentialTokens: subjectsPerCredential.map(() => 'token'), unsupportedCredentials };
  const [f] = await runChecks([holderBinding], {
    presentation,
    credentialSubjects: Promise.resolve(subjectsPerCredential),
  } as unknown as PresentationSubject);
  if (f!.status !== 'skipped') expect(f!.check).toBe('holder_binding');
  return f!;
}

const HOLDER = 'did:example:holder';

describe('holder binding check', () => {
  it('is valid when every credential is about the holder, among its subjects', async () => {
    expect(await checkHolderBinding(HOLDER, [[HOLDER], ['did:example:other', HOLDER]])).toEqual({
      check: 'holder_binding',
      status: 'valid',
      reason: 'holder_is_subject',
      message: expect.any(String),
      details: { holder: HOLDER },
    });
    // Only credentials in a format this verifier cannot read: nothing it can read is about someone else.
    expect(await checkHolderBinding(HOLDER, [], [{ mediaType: 'application/dc+sd-jwt' }])).toMatchObject({
      check: 'holder_binding',
      status: 'valid',
    });
  });

  it('is skipped for a presentation holding no credential at all, saying so under "credentials"', async () => {
    expect(await checkHolderBinding(HOLDER, [])).toEqual({
      check: 'credentials',
      status: 'skipped',
      reason: 'no_credentials',
      message: expect.any(String),
    });
  });

  it('is invalid when any credential is about someone else, naming its first subject', async () => {
    for (const subjects of [[['did:example:other']], [[HOLDER], ['did:example:other', 'did:example:third']]]) {
      expect(await checkHolderBinding(HOLDER, subjects)).toMatchObject({
        status: 'invalid',
        reason: 'holder_is_not_subject',
        params: { holder: HOLDER, subject: 'did:example:other' },
      });
    }
    const long = `did:example:${'h'.repeat(300)}`;
    expect((await checkHolderBinding(long, [[`${long}x`]])).params).toEqual({
      holder: long.slice(0, 200),
      subject: long.slice(0, 200),
    });
  });

  it('is invalid when a credential names no subject DID, wherever it is', async () => {
    expect(await checkHolderBinding(HOLDER, [[HOLDER], []])).toMatchObject({
      status: 'invalid',
      reason: 'subject_has_no_did',
    });
  });
});
