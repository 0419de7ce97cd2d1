import { isPlainObject, own } from '../../json-limits.ts';
import {
  anchorReceiptsOf,
  asList,
  checkContext,
  checkType,
  fail,
  idOfParty,
  isUrl,
  MAX_CREDENTIALS_PER_PRESENTATION,
  MAX_LIST,
  MAX_URL_LENGTH,
  preview,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
} from '../data-model.ts';
import { envelopedCredentialsOf } from '../envelopes.ts';
import type { EnvelopedCredentialToken, PresentationAsRead, SecuredToken } from '../types.ts';
import { checkDataIntegrityProof, readProof } from './proof.ts';
import { embeddedProofToken } from './token.ts';

const MAX_DATA_INTEGRITY_PRESENTATION_BYTES = 128 * 1024;

/**
 * The credentials inside: those with an embedded proof (their token is their JCS form, as when
 * sent alone), and enveloped ones as a VC 2.0 presentation holds them.
 */
function credentialsOf(value: unknown): EnvelopedCredentialToken[] {
  const items = value === undefined ? [] : asList(value);
  if (items.length > MAX_CREDENTIALS_PER_PRESENTATION)
    fail(`it contains more than ${MAX_CREDENTIALS_PER_PRESENTATION} credentials`);
  return items.map((item, index) => {
    const embedded = isPlainObject(item) && own(item, 'type') !== 'EnvelopedVerifiableCredential';
    const token = embedded ? embeddedProofToken(item) : undefined;
    if (token !== undefined) return { index, mediaType: 'application/vc', token };
    if (embedded) fail(`credential ${index + 1} is not secured: it has no "proof"`);
    return { ...envelopedCredentialsOf([item], false)[0]!, index };
  });
}

/**
 * Reads a presentation secured with a Data Integrity proof (purpose `authentication`, the verifier's
 * challenge and domain in the proof): structure only, never the proof or the clock.
 */
export function readDataIntegrityPresentation(token: SecuredToken): PresentationAsRead {
  if (token.text.length > MAX_DATA_INTEGRITY_PRESENTATION_BYTES)
    fail(
      `a presentation with a Data Integrity proof is checked up to ${MAX_DATA_INTEGRITY_PRESENTATION_BYTES / 1024} KiB`,
    );
  const presentation = token.json as Record<string, unknown>;
  checkContext(own(presentation, '@context'), [VC_V1_CONTEXT, VC_V2_CONTEXT], 'presentation');
  checkType(own(presentation, 'type'), 'VerifiablePresentation', 'presentation');
  const id = own(presentation, 'id');
  if (id !== undefined && !isUrl(id)) fail(`the presentation "id" is not a URL (${preview(id)})`);
  // The proof binds the presentation to a holder only when the presentation names one.
  if (own(presentation, 'holder') === undefined) fail('the presentation has no "holder"');
  const holder = idOfParty(own(presentation, 'holder'), 'holder');
  const proofs = own(presentation, 'proof');
  if (asList(proofs).length !== 1)
    fail('the presentation has several proofs (a proof set or chain), which this verifier does not check');
  const proofValue = asList(proofs)[0];
  const proof = readProof(proofValue, 'authentication');
  const challenge = isPlainObject(proofValue) ? own(proofValue, 'challenge') : undefined;
  if (challenge !== undefined && (typeof challenge !== 'string' || challenge.length > MAX_URL_LENGTH))
    fail('the proof\'s "challenge" is not a string');
  const domain = isPlainObject(proofValue) ? own(proofValue, 'domain') : undefined;
  const audience = domain === undefined ? [] : asList(domain);
  if (audience.length > MAX_LIST || !audience.every((d) => typeof d === 'string' && d.length <= MAX_URL_LENGTH))
    fail('the proof\'s "domain" must be a string or an array of strings');
  return {
    format: 'data-integrity-vp',
    holder,
    credentials: credentialsOf(own(presentation, 'verifiableCredential')),
    ...(typeof challenge === 'string' ? { nonce: challenge } : {}),
    audience: audience as string[],
    anchorReceipts: anchorReceiptsOf(own(presentation, 'anchorReceipts')),
    presentation: { ...presentation },
    ...(proof.supported && proof.expires ? { validUntil: proof.expires } : {}),
    checkProof: (keys) => checkDataIntegrityProof(presentation, proof, holder, 'authentication', keys),
  };
}
