import { describe, expect, it } from 'vitest';
import { runChecks } from './check.ts';
import { issuerAccredited } from './issuer-accredited.ts';
import type { LedgerEvidence } from './ledger-evidence.ts';
import type { CredentialSubject } from './subjects.ts';
import { answerOf, evidenceOf, factsOf, registryNamed, unlisted, unreachableAnswer } from './testing/ledger-facts.ts';

/**
 * The issuer accredited check on ledger evidence as the reader hands it over, one outcome at a
 * time (ledger-evidence.test.ts gives the same outcomes from a real node).
 */
const ISSUER = 'did:example:college';
const a = registryNamed('a');
const b = registryNamed('b');
const check = async (evidence: LedgerEvidence) =>
  (await runChecks([issuerAccredited], { credential: { issuer: ISSUER }, evidence } as CredentialSubject))[0]!;
const since = '2027-01-15T08:00:00.000Z';
const suspended = (trusted = a) =>
  factsOf(trusted, { issuerStatus: 'Suspended', issuerStatusSince: Date.parse(since) / 1000 });

describe('issuer accredited check', () => {
  it('is valid for an issuer a trusted registry lists as accredited, naming the registry and institution', async () => {
    expect(await check(evidenceOf([answerOf(unlisted(b)), answerOf(factsOf(a))]))).toEqual({
      check: 'issuer_accredited',
      status: 'valid',
      reason: 'issuer_accredited',
      message: expect.any(String),
      params: { name: 'College' },
      details: {
        registry: 'a',
        institutionId: 1,
        name: 'College',
        status: 'Accredited',
        statusSince: new Date(1_800_000_000 * 1000).toISOString(),
      },
    });
  });

  it('is valid "then" for a suspended institution that anchored the credential, invalid "now" otherwise', async () => {
    const anchoredByIt = factsOf(a, { ...suspended(), anchor: { institutionId: 1, anchoredAt: 1, batchSize: 1 } });
    expect(await check(evidenceOf([answerOf(suspended())], anchoredByIt))).toMatchObject({
      status: 'valid',
      reason: 'issuer_accredited_then',
      params: { name: 'College', status: 'suspended' },
      details: { statusSince: since },
    });
    const anchoredByAnother = factsOf(a, { ...suspended(), anchor: { institutionId: 2, anchoredAt: 1, batchSize: 1 } });
    for (const evidence of [
      evidenceOf([answerOf(suspended())]),
      evidenceOf([answerOf(suspended())], anchoredByAnother),
    ]) {
      expect(await check(evidence)).toMatchObject({
        status: 'invalid',
        reason: 'issuer_not_accredited_now',
        params: { name: 'College', status: 'suspended' },
      });
    }
  });

  it('is invalid for an issuer no trusted registry lists, naming it', async () => {
    expect(await check(evidenceOf([answerOf(unlisted(a)), answerOf(unlisted(b))]))).toMatchObject({
      status: 'invalid',
      reason: 'issuer_not_accredited',
      params: { issuer: ISSUER },
    });
  });

  it('cannot tell when a registry that might list the issuer could not be asked', async () => {
    expect(await check(evidenceOf([answerOf(unlisted(a)), unreachableAnswer(b)]))).toMatchObject({
      check: 'issuer_accredited',
      status: 'unverifiable',
      reason: 'ledger_unreachable',
      details: { detail: 'b: connect ECONNREFUSED' },
    });
    // One registry listing the issuer is enough, whatever another could not say.
    expect(await check(evidenceOf([unreachableAnswer(b), answerOf(factsOf(a))]))).toMatchObject({
      status: 'valid',
      reason: 'issuer_accredited',
    });
  });
});
