import type { AnchorReceipt } from '../../../core/receipt.ts';
import { type CheckFragment, fragment } from '../../fragment.ts';
import { type IssuerAnswer, LedgerUnreachableError, type RegistryFacts } from '../../ledger-reader.ts';
import type { TrustedRegistry } from '../../trust.ts';
import type { LedgerEvidence } from '../ledger-evidence.ts';

/**
 * Ledger evidence as the ledger reader hands it over, for the unit tests of the checks that read
 * it (ledger-evidence.test.ts reads it from a real node).
 */
export const registryNamed = (name: string): TrustedRegistry => ({
  name,
  chainId: 31337,
  registry: `0x${name.charCodeAt(0).toString(16).padStart(40, '0')}`,
  rpcUrls: ['http://127.0.0.1:1'],
});

/** What a registry says: by default, the issuer is institution 1, accredited, nothing anchored, revoked or reported. */
export function factsOf(trusted: TrustedRegistry, overrides: Partial<RegistryFacts> = {}): RegistryFacts {
  return {
    trusted,
    anchor: { institutionId: 0, anchoredAt: 0, batchSize: 0 },
    issuerInstitutionId: 1,
    issuerStatus: 'Accredited',
    issuerStatusSince: 1_800_000_000,
    issuerName: 'College',
    revocation: { revokedAt: 0, reason: 0 },
    issuerDidCompromisedSince: 0,
    ...overrides,
  };
}

/** A registry that does not list the issuer. */
export const unlisted = (trusted: TrustedRegistry): RegistryFacts =>
  factsOf(trusted, { issuerInstitutionId: 0, issuerStatus: 'Unknown', issuerName: '' });

export const answerOf = (facts: RegistryFacts): IssuerAnswer => ({ trusted: facts.trusted, facts });
export const unreachableAnswer = (trusted: TrustedRegistry): IssuerAnswer => ({
  trusted,
  error: new LedgerUnreachableError(`${trusted.name}: connect ECONNREFUSED`, [trusted]),
});

export const receiptOn = (trusted: TrustedRegistry): AnchorReceipt => ({
  type: 'SkillmarkAnchorReceipt',
  credentialHash: `0x${'11'.repeat(32)}`,
  hashAlgorithm: 'sha256',
  merkleRoot: `0x${'22'.repeat(32)}`,
  proof: [],
  chainId: trusted.chainId,
  registry: trusted.registry,
  transactionHash: `0x${'33'.repeat(32)}`,
  blockNumber: 7,
  anchoredAt: '2031-01-01T00:00:00.000Z',
});

/**
 * The evidence for a credential: `anchor` is the registry's answer for the receipt's root (facts,
 * or the fragment saying why it could not be read); without it, the receipt is missing.
 */
export function evidenceOf(answers: IssuerAnswer[], anchor?: RegistryFacts | CheckFragment): LedgerEvidence {
  if (anchor === undefined)
    return {
      receipt: { ok: false, fragment: fragment('anchored', 'invalid', 'receipt_missing') },
      issuer: Promise.resolve(answers),
    };
  const trusted = 'trusted' in anchor ? anchor.trusted : registryNamed('a');
  return {
    receipt: { ok: true, receipt: receiptOn(trusted) },
    anchor: Promise.resolve('trusted' in anchor ? { ok: true, facts: anchor } : { ok: false, fragment: anchor }),
    issuer: Promise.resolve(answers),
  };
}
