import { ZeroHash } from 'ethers';
import {
  type IssuerAnswer,
  LedgerReader,
  type LedgerReaderOptions,
  LedgerUnreachableError,
  type RegistryFacts,
  type StatusListAnswer,
} from '../ledger-reader.ts';
import type { TrustConfig, TrustedRegistry } from '../trust.ts';
import type { TrustBundleIndex } from './bundle-index.ts';
import { standingOf, type TrustBundlePolicy, type TrustBundleStanding } from './standing.ts';

/** Facts answered by the trust bundle instead of the ledger, with how the bundle stood then. */
export type BundleFacts = RegistryFacts & { trustBundle: TrustBundleStanding };

/** The ledger was out of reach and the bundle could not answer either (too old, or silent on the issuer). */
export class TrustBundleUnanswered extends LedgerUnreachableError {
  constructor(
    message: string,
    registries: readonly TrustedRegistry[],
    readonly trustBundle: TrustBundleStanding,
  ) {
    super(message, registries);
  }
}

const day = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * The ledger first; when a registry cannot be reached, the trust bundle answers for it as of its
 * date (docs/trust-bundle.md). The checks see the same reader interface; facts from the bundle
 * carry its standing so the answer can say where it came from.
 */
export class BundleBackedLedgerReader extends LedgerReader {
  constructor(
    trust: TrustConfig,
    readonly bundle: TrustBundleIndex,
    readonly policy: TrustBundlePolicy,
    readonly now: () => Date,
    options: LedgerReaderOptions = {},
  ) {
    super(trust, options);
  }

  override async factsAt(chainId: number, address: string, root: string, issuerDid: string, credentialHash: string) {
    try {
      return await super.factsAt(chainId, address, root, issuerDid, credentialHash);
    } catch (error) {
      if (!(error instanceof LedgerUnreachableError)) throw error;
      const answers = error.registries.map((trusted) =>
        this.#fromBundle(trusted, error, root, issuerDid, credentialHash),
      );
      const facts = answers.filter((a): a is BundleFacts => !(a instanceof Error));
      const found = facts.find((f) => f.anchor.institutionId !== 0) ?? facts[0];
      if (found) return found;
      throw answers.find((a) => a instanceof TrustBundleUnanswered) ?? error;
    }
  }

  override async issuerFactsOnEach(
    issuerDid: string,
    credentialHash: string,
    known: readonly (RegistryFacts | LedgerUnreachableError)[] = [],
  ): Promise<IssuerAnswer[]> {
    const answers = await super.issuerFactsOnEach(issuerDid, credentialHash, known);
    return answers.map((answer) => {
      if (!('error' in answer) || answer.error instanceof TrustBundleUnanswered) return answer;
      const fromBundle = this.#fromBundle(answer.trusted, answer.error, ZeroHash, issuerDid, credentialHash);
      return fromBundle instanceof Error
        ? { trusted: answer.trusted, error: fromBundle }
        : { trusted: answer.trusted, facts: fromBundle };
    });
  }

  /**
   * The registries' commitments to the issuer's status list; for a registry out of reach, the
   * bundle's, as of its date (the list may have been published again since: the check knows).
   */
  override async statusListOnEach(issuerDid: string, listKey: string): Promise<StatusListAnswer[]> {
    const answers = await super.statusListOnEach(issuerDid, listKey);
    return answers.map((answer) => {
      if (!('error' in answer)) return answer;
      const usable = this.#usableBundle(answer.trusted, answer.error);
      if (usable instanceof Error) return { trusted: answer.trusted, error: usable };
      const found = this.bundle.statusList(answer.trusted, issuerDid, listKey);
      if (!found || !('commitment' in found))
        return {
          trusted: answer.trusted,
          error: new TrustBundleUnanswered(
            `${answer.error.message}; ${usable.of} ${
              found && 'unknownIssuer' in found
                ? `does not list ${issuerDid} on ${answer.trusted.name}`
                : 'holds no status lists (it was made by an older version: make a new one)'
            }`,
            [answer.trusted],
            usable.standing,
          ),
        };
      return { trusted: answer.trusted, commitment: found.commitment, asOf: usable.standing.issuedAt };
    });
  }

  /** The bundle's standing, if it holds the registry and is not past its use; else why it cannot answer. */
  #usableBundle(
    trusted: TrustedRegistry,
    unreachable: LedgerUnreachableError,
  ): { standing: TrustBundleStanding; of: string } | LedgerUnreachableError {
    if (!this.bundle.covers(trusted)) return unreachable;
    const standing = standingOf(this.bundle.payload, this.policy, this.now());
    const of = `the trust bundle of ${day(standing.issuedAt)}`;
    if (standing.state === 'too_old')
      return new TrustBundleUnanswered(
        `${unreachable.message}; ${of} is past its use since ${day(standing.unusableFrom)}`,
        [trusted],
        standing,
      );
    return { standing, of };
  }

  #fromBundle(
    trusted: TrustedRegistry,
    unreachable: LedgerUnreachableError,
    root: string,
    issuerDid: string,
    credentialHash: string,
  ): BundleFacts | LedgerUnreachableError {
    const usable = this.#usableBundle(trusted, unreachable);
    if (usable instanceof Error) return usable;
    const { standing, of } = usable;
    const answer = this.bundle.answer(trusted, root, issuerDid, credentialHash);
    if (!answer || 'unknownIssuer' in answer)
      return new TrustBundleUnanswered(
        `${unreachable.message}; ${of} does not list ${issuerDid} on ${trusted.name} (it may have been registered since)`,
        [trusted],
        standing,
      );
    return { ...answer.facts, trusted, trustBundle: standing };
  }
}
