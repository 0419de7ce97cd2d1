import type { ParsedJws } from '../jose/compact-jws.ts';
import type { JoseSigner } from '../jose/signer.ts';
import type { KeyLookup, ProofOutcome } from './proof.ts';

/**
 * A credential format: one way of securing a W3C credential (VC-JWT 1.1, VC 2.0 + JOSE, later
 * SD-JWT VC; Data Integrity is read only, a ReadOnlyCredentialFormat). Each is one folder under core/formats/ exporting one of these, and
 * one line in the list in core/formats/index.ts. The issuer signs with it, the verifier and the
 * wallet read with it, and what it reads brings its own proof check.
 */
export interface CredentialFormat<Name extends string = string> extends ReadOnlyCredentialFormat<Name> {
  /** Signs a credential of this format's data model (already validated) as `issuerDid`. */
  sign(credential: Record<string, unknown>, issuerDid: string, signer: JoseSigner): Promise<string>;
  /** Why this format cannot sign `credential` (e.g. it binds a holder key the subject lacks); the issuer answers it as a 422. */
  signingProblem?(credential: Record<string, unknown>): string | undefined;
}

/**
 * A format the project reads but does not sign (Data Integrity: the issuer signs JOSE only). Its
 * folder exports one of these, listed in READ_ONLY_FORMATS in core/formats/index.ts.
 */
export interface ReadOnlyCredentialFormat<Name extends string = string> {
  /** Its name in configuration (CREDENTIAL_FORMAT) and in answers, e.g. `vc-jose-2.0`. */
  readonly name: Name;
  /** The media type of a credential in this format (an envelope's `data:` URL, a VC API answer). */
  readonly mediaType: string;
  /** The VC Data Model version it signs: decides the base @context and the names of the dates. */
  readonly dataModel: DataModelVersion;
  /** Whether this format reads `token`, judged from its outer shape only; the first in the list that does, reads it. */
  recognises(token: SecuredToken): boolean;
  /** Reads the credential's structure (never its proof or the clock); throws a FormatError saying what is wrong. */
  read(token: SecuredToken): ReadCredential;
  /** The presentation format of the same family. */
  readonly presentation: PresentationFormat;
}

export interface PresentationFormat {
  readonly name: string;
  /** The media type of a presentation in this format (an enveloped presentation's `data:` URL). */
  readonly mediaType: string;
  recognises(token: SecuredToken): boolean;
  read(token: SecuredToken): PresentationAsRead;
}

export type DataModelVersion = '1.1' | '2.0';

/**
 * A token as it arrives, parsed once as a compact JWS where it is one, or as a JSON object (a
 * credential or presentation with an embedded proof; the verifier sends its JCS form, see
 * data-integrity/token.ts).
 * `problem` says why it is neither (or why its header is refused): the answer when no format
 * recognises the token.
 */
export interface SecuredToken {
  text: string;
  jws?: ParsedJws;
  json?: Record<string, unknown>;
  problem?: { reason: ReadFailureReason; detail: string };
}

/** A credential as read, in one normalised form whatever its format; nothing in it is verified yet. */
export interface ReadCredential {
  /** The name of the format that read it. */
  format: string;
  /** The credential in W3C JSON form (1.1: the vc claim with the JWT claims mapped back; 2.0: the payload). */
  credential: Record<string, unknown>;
  /** The issuer: a DID, or (VC 2.0 / VC 1.1 allow it) another URL, which no DID resolver will accept. */
  issuer: string;
  /** The credentialSubject id(s). */
  subjectIds: string[];
  /** When it becomes valid: the later of the data model's date and the securing mechanism's (nbf). */
  validFrom?: Date;
  /** When it stops being valid: the earlier of the data model's date and the securing mechanism's (exp). */
  validUntil?: Date;
  /**
   * For a format with selective disclosure: where each disclosed claim is (e.g.
   * `credentialSubject.name`); what was not disclosed is absent from `credential`.
   */
  disclosed?: string[];
  /** The issuer's proof over it, checked with a key the issuer's DID lists for assertionMethod. */
  checkProof(keys: KeyLookup): Promise<ProofOutcome>;
}

export interface ReadPresentation {
  /** The name of the presentation format that read it. */
  format: string;
  /** A DID, or (as the VC-JOSE-COSE vectors have it) another URL. */
  holder: string;
  /** The credentials inside that a registered format reads, in order; each is still to be read and verified on its own. */
  credentialTokens: string[];
  /** Secured credentials inside in a format none registered reads (SD-JWT, COSE…); never silently dropped. */
  unsupportedCredentials: { index: number; mediaType: string }[];
  nonce?: string;
  audience: string[];
  anchorReceipts: unknown[];
  /** The presentation in W3C JSON form. */
  presentation: Record<string, unknown>;
  validFrom?: Date;
  validUntil?: Date;
  /** When the holder made the key-binding proof (an SD-JWT's KB-JWT `iat`): a stale one is refused. */
  keyBoundAt?: Date;
  /** The holder's proof over it, checked with a key the holder's DID lists for authentication. */
  checkProof(keys: KeyLookup): Promise<ProofOutcome>;
}

/** A presentation as its format reads it, before the credentials inside are sorted by whether a format reads them. */
export type PresentationAsRead = Omit<ReadPresentation, 'credentialTokens' | 'unsupportedCredentials'> & {
  credentials: EnvelopedCredentialToken[];
};

/** A credential carried in a presentation. */
export interface EnvelopedCredentialToken {
  /** Position in the presentation's verifiableCredential list. */
  index: number;
  /** Lower case, e.g. `application/vc+jwt`; a bare JWT in a VC 1.1 presentation counts as `application/jwt`. */
  mediaType: string;
  token: string;
}

export type ReadFailureReason = 'malformed_jws' | 'malformed_credential' | 'malformed_presentation';
export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: ReadFailureReason; detail: string };
