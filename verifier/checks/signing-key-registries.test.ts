import { describe, expect, it } from 'vitest';
import { fragment } from '../fragment.ts';
import type { IssuerAnswer, RegistryFacts } from '../ledger-reader.ts';
import type { TrustedRegistry } from '../trust.ts';
import type { LedgerEvidence } from './ledger.ts';
import { checkSigningKey } from './signing-key.ts';

/**
 * Several trusted registries reporting the issuer's key compromised at different times: the
 * earliest report counts. The answers are given as the ledger reader hands them over
 * (signing-key.test.ts reads them from a real node).
 */
const registry = (name: string): TrustedRegistry => ({ name, chainId: 31337, registry: `0x${name.charCodeAt(0).toString(16).padStart(40, '0')}`, rpcUrls: ['http://127.0.0.1:1'] });

function facts(trusted: TrustedRegistry, compromisedSince: number, anchoredAt = 0): RegistryFacts {
  return {
    trusted,
    anchor: { institutionId: anchoredAt ? 1 : 0, anchoredAt, batchSize: anchoredAt ? 1 : 0 },
    issuerInstitutionId: 1,
    issuerStatus: 'Accredited',
    issuerStatusSince: 1,
    issuerName: 'College',
    revocation: { revokedAt: 0, reason: 0 },
    issuerDidCompromisedSince: compromisedSince,
  };
}

function evidence(anchor: RegistryFacts, answers: IssuerAnswer[]): LedgerEvidence {
  return { receipt: { ok: false, fragment: fragment('anchored', 'invalid', 'receipt_missing') }, anchor: Promise.resolve({ ok: true, facts: anchor }), issuer: Promise.resolve(answers) };
}

describe('checkSigningKey across registries', () => {
  const a = registry('a');
  const b = registry('b');
  const EARLY = 1_900_000_000;
  const LATE = EARLY + 1000;

  it('counts the earliest compromise any registry reports', async () => {
    // Anchored between the two reports: after the earliest, so the key may already have been stolen.
    const anchoredAt = EARLY + 500;
    for (const answers of [
      [{ trusted: a, facts: facts(a, LATE) }, { trusted: b, facts: facts(b, EARLY) }],
      [{ trusted: b, facts: facts(b, EARLY) }, { trusted: a, facts: facts(a, LATE) }],
    ]) {
      expect(await checkSigningKey(evidence(facts(a, LATE, anchoredAt), answers))).toMatchObject({
        check: 'signing_key',
        status: 'invalid',
        reason: 'signing_key_compromised_before_anchor',
        params: { compromisedSince: new Date(EARLY * 1000).toISOString() },
      });
    }
  });

  it('a registry reporting no compromise does not clear another’s report', async () => {
    const answers = [{ trusted: a, facts: facts(a, 0) }, { trusted: b, facts: facts(b, EARLY) }];
    expect(await checkSigningKey(evidence(facts(a, 0, EARLY - 1), answers))).toMatchObject({ status: 'valid', reason: 'signing_key_compromised_after_anchor' });
  });
});
