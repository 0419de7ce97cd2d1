import { credentialHash } from '../core/credential-hash.ts';
import { checkAnchored, checkIssuerAccredited, checkNotRevoked, gatherLedgerEvidence } from './checks/ledger.ts';
import { checkSchema } from './checks/schema.ts';
import { checkSignature } from './checks/signature.ts';
import { checkValidityPeriod } from './checks/validity.ts';
import { credentialFromJwtPayload } from './credential-form.ts';
import type { DidKeyResolver } from './did-keys.ts';
import { fragment, verdictOf, type CheckFragment, type Verdict } from './fragment.ts';
import { JwsFormatError, parseCompactJws, type ParsedJws } from './jws.ts';
import type { LedgerReader } from './ledger-reader.ts';

export interface VerifierContext {
  keys: DidKeyResolver;
  ledger: LedgerReader;
  now: () => Date;
  clockSkewSeconds: number;
}

export interface CredentialResult {
  verdict: Verdict;
  checks: CheckFragment[];
  /** The credential in W3C form, when it could be read. */
  credential?: Record<string, unknown>;
  credentialHash?: string;
}

const DID = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/;

/** A readable VC-JWT: the parsed token, its W3C form and its issuer; or why it is not one. */
export function readCredentialJwt(jwt: string): { ok: true; jws: ParsedJws; credential: Record<string, unknown>; issuer: string } | { ok: false; fragment: CheckFragment } {
  let jws: ParsedJws;
  try {
    jws = parseCompactJws(jwt);
  } catch (error) {
    if (!(error instanceof JwsFormatError)) throw error;
    return { ok: false, fragment: fragment('structure', 'invalid', 'malformed_jws', { detail: error.message }) };
  }
  const credential = credentialFromJwtPayload(jws.payload);
  if (!credential) return { ok: false, fragment: fragment('structure', 'invalid', 'malformed_credential', { detail: 'there is no "vc" claim with a credentialSubject' }) };
  const types = credential.type;
  if (!Array.isArray(types) || !types.includes('VerifiableCredential')) {
    return { ok: false, fragment: fragment('structure', 'invalid', 'malformed_credential', { detail: '"type" does not include VerifiableCredential' }) };
  }
  const issuer = jws.payload.iss;
  if (typeof issuer !== 'string' || issuer.length > 500 || !DID.test(issuer)) {
    return { ok: false, fragment: fragment('structure', 'invalid', 'malformed_credential', { detail: 'the issuer ("iss") is not a DID' }) };
  }
  return { ok: true, jws, credential, issuer };
}

/**
 * Verifies one VC-JWT with its anchor receipt. The checks run concurrently and each explains
 * itself; the verdict is derived from them.
 */
export async function verifyCredentialJwt(jwt: string, receipt: unknown, ctx: VerifierContext): Promise<CredentialResult> {
  const read = readCredentialJwt(jwt);
  if (!read.ok) return { verdict: 'invalid', checks: [read.fragment] };
  const { jws, credential, issuer } = read;
  const hash = credentialHash(jwt);
  const evidence = gatherLedgerEvidence(receipt, issuer, hash, ctx.ledger);
  const checks = await Promise.all([
    fragment('structure', 'valid', 'well_formed'),
    checkSignature('signature', jws, issuer, ctx.keys),
    checkIssuerAccredited(evidence, issuer),
    checkAnchored(evidence),
    checkNotRevoked(evidence),
    checkValidityPeriod(jws.payload, ctx.now(), ctx.clockSkewSeconds),
    checkSchema(credential),
  ]);
  return { verdict: verdictOf(checks), checks, credential, credentialHash: hash };
}
