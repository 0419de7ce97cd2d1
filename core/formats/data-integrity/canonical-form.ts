import { createHash } from 'node:crypto';
import { BUNDLED_CONTEXTS } from '../../jsonld/contexts/index.ts';
import { bundledDocumentLoader } from '../../jsonld/document-loader.ts';
import { describeJsonLdError } from '../../jsonld/expand.ts';
import { jcs as canonicalize } from './token.ts';

/** How a cryptosuite turns JSON into the bytes it hashes: RDF Dataset Canonicalization (RDFC-1.0) or JSON Canonicalization (RFC 8785). */
export type Canonicalisation = 'rdfc' | 'jcs';

export type HashName = 'sha256' | 'sha384';

export type HashDataResult =
  | { ok: true; hashData: Buffer; canonicalProofConfig: string; canonicalDocument: string }
  | { ok: false; reason: 'context_unknown'; url: string }
  | { ok: false; reason: 'jsonld_invalid' | 'signature_invalid'; detail: string };

/** RDFC-1.0 N-Quads of a JSON-LD document, with contexts from the bundle only and safe mode on. */
async function rdfc(document: Record<string, unknown>): Promise<string | Exclude<HashDataResult, { ok: true }>> {
  const loader = bundledDocumentLoader();
  try {
    // Loaded on first use: the wallet and the verifier start without it until a proof needs RDFC.
    const { default: jsonld } = await import('jsonld');
    return await jsonld.canonize(document, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      documentLoader: loader.load,
      safe: true,
    });
  } catch (error) {
    if (loader.unknown.length > 0) return { ok: false, reason: 'context_unknown', url: loader.unknown[0]! };
    return { ok: false, reason: 'jsonld_invalid', detail: describeJsonLdError(error) };
  }
}

/**
 * RFC 8785 form. JCS suites sign the JSON as it is, but what the JSON means still comes from its
 * contexts, so they too must be ones this verifier holds (VC Data Model 2.0 §4.3).
 */
function jcs(document: Record<string, unknown>): string | Exclude<HashDataResult, { ok: true }> {
  const unknown = contextUrlsIn(document).find((url) => !BUNDLED_CONTEXTS.has(url));
  if (unknown !== undefined) return { ok: false, reason: 'context_unknown', url: unknown };
  return canonicalize(document);
}

/** Every context URL a document names, at any depth (embedded contexts too); iterative, the reader bounded the depth. */
function contextUrlsIn(document: unknown): string[] {
  const urls: string[] = [];
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (!Array.isArray(value) && '@context' in value)
      for (const c of asArray((value as Record<string, unknown>)['@context'])) if (typeof c === 'string') urls.push(c);
    stack.push(...(Array.isArray(value) ? value : Object.values(value)));
  }
  return urls;
}

const startsWith = (list: unknown[], prefix: unknown[]) =>
  prefix.length <= list.length && prefix.every((item, i) => JSON.stringify(item) === JSON.stringify(list[i]));
const asArray = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * The bytes a Data Integrity proof signs (the "Verify Proof" transformation, hashing and proof
 * configuration steps shared by eddsa-rdfc-2022, eddsa-jcs-2022 and ecdsa-rdfc-2019): the hash of
 * the canonical proof configuration followed by the hash of the canonical document without its
 * proof. Written here because it is a few steps of the specifications around the libraries that
 * do the real work (jsonld for RDFC-1.0, canonicalize for JCS, node:crypto for hashes).
 */
export async function hashDataOf(
  securedDocument: Record<string, unknown>,
  proof: Record<string, unknown>,
  canonicalisation: Canonicalisation,
  hash: HashName,
): Promise<HashDataResult> {
  const { proof: _proof, ...unsecuredDocument } = securedDocument;
  const { proofValue: _value, ...proofOptions } = proof;
  if (proofOptions['@context'] !== undefined) {
    if (!startsWith(asArray(securedDocument['@context']), asArray(proofOptions['@context'])))
      return {
        ok: false,
        reason: 'signature_invalid',
        detail: "the proof's @context is not the start of the credential's",
      };
    unsecuredDocument['@context'] = proofOptions['@context'];
  }
  const proofConfig: Record<string, unknown> = { ...proofOptions };
  if (unsecuredDocument['@context'] !== undefined) proofConfig['@context'] = unsecuredDocument['@context'];
  let canonicalProofConfig: string;
  let canonicalDocument: string;
  if (canonicalisation === 'rdfc') {
    const config = await rdfc(proofConfig);
    if (typeof config !== 'string') return config;
    const document = await rdfc(unsecuredDocument);
    if (typeof document !== 'string') return document;
    canonicalProofConfig = config;
    canonicalDocument = document;
  } else {
    const config = jcs(proofConfig);
    if (typeof config !== 'string') return config;
    const document = jcs(unsecuredDocument);
    if (typeof document !== 'string') return document;
    canonicalProofConfig = config;
    canonicalDocument = document;
  }
  const digest = (text: string) => createHash(hash).update(text, 'utf8').digest();
  return {
    ok: true,
    hashData: Buffer.concat([digest(canonicalProofConfig), digest(canonicalDocument)]),
    canonicalProofConfig,
    canonicalDocument,
  };
}
