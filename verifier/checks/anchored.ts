import { fragment } from '../fragment.ts';
import type { NodeHead } from '../ledger-reader.ts';
import type { TrustedRegistry } from '../trust.ts';
import type { Check } from './check.ts';
import { anchoredByIssuer, iso } from './ledger-evidence.ts';
import type { CredentialSubject } from './subjects.ts';

/** How old a node's latest block may be, by our clock, before the node counts as behind. */
export const DEFAULT_MAX_HEAD_AGE_SECONDS = 60;

/**
 * Whether a node that lacks a root may just be behind, judged only from what the node reports
 * about itself (never from the receipt, which the presenter writes): it says it is still syncing,
 * or its latest block is older than the registry's `maxHeadAgeSeconds` (0: a chain that makes
 * blocks only on demand, whose head is current however old).
 */
function nodeIsBehind(head: NodeHead, trusted: TrustedRegistry, now: Date): boolean {
  if (head.syncing) return true;
  const maxAge = trusted.maxHeadAgeSeconds ?? DEFAULT_MAX_HEAD_AGE_SECONDS;
  return maxAge > 0 && now.getTime() / 1000 - head.time > maxAge;
}

/** The credential's receipt holds and its root is on a trusted registry, anchored by the issuer's institution. */
export const anchored: Check<CredentialSubject> = {
  name: 'anchored',
  async verify({ evidence, now }) {
    if (!evidence.receipt.ok) return evidence.receipt.fragment;
    const receipt = evidence.receipt.receipt;
    const result = (await evidence.anchor)!;
    if (!result.ok) return result.fragment;
    const f = result.facts;
    if (f.anchor.institutionId === 0) {
      if (f.head && nodeIsBehind(f.head, f.trusted, now)) {
        return fragment(
          'anchored',
          'unverifiable',
          'ledger_lagging',
          { blockNumber: f.head.blockNumber, headAt: iso(f.head.time) },
          { syncing: f.head.syncing },
        );
      }
      return fragment('anchored', 'invalid', 'root_not_anchored', {}, { merkleRoot: receipt.merkleRoot });
    }
    if (!anchoredByIssuer(f))
      return fragment(
        'anchored',
        'invalid',
        'anchored_by_another_institution',
        {},
        { anchoredBy: f.anchor.institutionId },
      );
    const anchoredAt = iso(f.anchor.anchoredAt);
    return fragment(
      'anchored',
      'valid',
      'anchored',
      { chainId: receipt.chainId, anchoredAt },
      {
        chainId: receipt.chainId,
        registry: receipt.registry,
        merkleRoot: receipt.merkleRoot,
        anchoredAt,
        batchSize: f.anchor.batchSize,
      },
    );
  },
};
