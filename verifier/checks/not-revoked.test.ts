import { describe, expect, it } from 'vitest';
import { RevocationReason } from '../../contracts/registry.ts';
import { runChecks } from './check.ts';
import type { LedgerEvidence } from './ledger-evidence.ts';
import { notRevoked } from './not-revoked.ts';
import type { CredentialSubject } from './subjects.ts';
import { answerOf, evidenceOf, factsOf, registryNamed, unlisted, unreachableAnswer } from './testing/ledger-facts.ts';

/**
 * The not revoked check on ledger evidence as the reader hands it over, one outcome at a time
 * (ledger-evidence.test.ts gives the same outcomes from a real node).
 */
const a = registryNamed('a');
const b = registryNamed('b');
const check = async (evidence: LedgerEvidence) =>
  (await runChecks([notRevoked], { evidence } as CredentialSubject))[0]!;
const revokedAt = 1_900_000_000;
const revoked = (trusted: typeof a, reason: number) => factsOf(trusted, { revocation: { revokedAt, reason } });

describe('not revoked check', () => {
  it('is valid when every registry listing the issuer says not revoked', async () => {
    expect(await check(evidenceOf([answerOf(factsOf(a)), answerOf(unlisted(b))]))).toEqual({
      check: 'not_revoked',
      status: 'valid',
      reason: 'not_revoked',
      message: expect.any(String),
    });
  });

  it('is invalid when any registry listing the issuer holds a revocation, naming its reason or code', async () => {
    const at = new Date(revokedAt * 1000).toISOString();
    expect(await check(evidenceOf([answerOf(factsOf(a)), answerOf(revoked(b, RevocationReason.fraud))]))).toEqual({
      check: 'not_revoked',
      status: 'invalid',
      reason: 'revoked',
      message: expect.any(String),
      params: { revokedAt: at, reasonName: 'fraud' },
      details: { revokedAt: at, reasonCode: RevocationReason.fraud, registry: 'b' },
    });
    expect(await check(evidenceOf([answerOf(revoked(a, 9))]))).toMatchObject({
      params: { reasonName: 'code 9' },
      details: { reasonCode: 9 },
    });
    // Even when another registry could not be asked.
    expect(await check(evidenceOf([unreachableAnswer(b), answerOf(revoked(a, 0))]))).toMatchObject({
      status: 'invalid',
      reason: 'revoked',
      params: { reasonName: 'unspecified' },
    });
  });

  it('ignores a revocation entry on a registry that does not list the issuer', async () => {
    const stray = factsOf(b, { issuerInstitutionId: 0, revocation: { revokedAt, reason: 1 } });
    expect(await check(evidenceOf([answerOf(factsOf(a)), answerOf(stray)]))).toMatchObject({
      status: 'valid',
      reason: 'not_revoked',
    });
  });

  it('cannot tell when a registry could not be asked and no successor answered for it', async () => {
    expect(await check(evidenceOf([answerOf(factsOf(a)), unreachableAnswer(b)]))).toMatchObject({
      status: 'unverifiable',
      reason: 'ledger_unreachable',
      details: { detail: 'b: connect ECONNREFUSED' },
    });
    const successor = factsOf({ ...a, migratedFrom: [{ chainId: b.chainId, registry: b.registry }] });
    expect(await check(evidenceOf([unreachableAnswer(b), answerOf(successor)]))).toMatchObject({
      status: 'valid',
      reason: 'not_revoked',
    });
  });

  it('is skipped when no registry lists the issuer: only its institution could revoke', async () => {
    expect(await check(evidenceOf([answerOf(unlisted(a))]))).toMatchObject({
      check: 'not_revoked',
      status: 'skipped',
      reason: 'revocation_needs_issuer',
    });
  });
});
