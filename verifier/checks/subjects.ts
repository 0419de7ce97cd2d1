import type { ReadCredential, ReadPresentation } from '../../core/formats/index.ts';
import type { ChallengeStore } from '../challenges.ts';
import type { DidKeyResolver } from '../did-key-resolver.ts';
import type { FetchBudget } from '../did-methods/fetch-budget.ts';
import type { LedgerReader } from '../ledger-reader.ts';
import type { StatusListFetcher } from '../status-list-fetch.ts';
import type { LedgerEvidence } from './ledger-evidence.ts';

/** What the checks of one request share: the key resolver, its one fetch budget, and the clock. */
interface RequestScope {
  keys: DidKeyResolver;
  /** The DID-document fetches this request may still cause, shared by the holder and every credential. */
  budget: FetchBudget;
  now: Date;
  clockSkewSeconds: number;
}

/** A credential read into its normalised form, with what the ledger says about it. */
export interface CredentialSubject extends RequestScope {
  credential: ReadCredential;
  credentialHash: string;
  evidence: LedgerEvidence;
  /** The trusted registries, for what the evidence does not hold (status list commitments). */
  ledger: LedgerReader;
  /** Fetches the status lists credentials name; absent, status lists cannot be checked. */
  statusLists?: StatusListFetcher;
}

/** A presentation read into its normalised form, with what the caller expects of it. */
export interface PresentationSubject extends RequestScope {
  presentation: ReadPresentation;
  /** What the caller pinned: a challenge this verifier issued, and the caller's domain. */
  expected: { challenge?: string; domain?: string };
  challenges: ChallengeStore;
  /** Who each presented credential is about, once it is verified (alongside the presentation's own checks). */
  credentialSubjects: Promise<readonly (readonly string[])[]>;
}
