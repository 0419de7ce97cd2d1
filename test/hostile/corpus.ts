/**
 * A corpus of malformed, tampered and hostile inputs for the verifier, each with the outcome the
 * product is designed to give (README "APIs", docs/verification.md). `corpusSpecs()` lists the
 * cases without building them (so a test file can name one test per case when it is collected);
 * `buildCorpus(context)` builds every body against a running system.
 *
 * Where a case would pass a forgery, crash, or answer 5xx, its expectation is still the correct
 * one: the case is meant to fail until the product is fixed.
 */
import { createHmac, type KeyObject, randomBytes, sign } from 'node:crypto';
import { base58 } from '@scure/base';
import { createVerifiableCredentialJwt, createVerifiablePresentationJwt } from 'did-jwt-vc';
import { connectProvider } from '../../contracts/provider.ts';
import { Registry } from '../../contracts/registry.ts';
import { credentialHash } from '../../core/credential-hash.ts';
import { didKeyOfJwk, didKeyOfMulticodecKey } from '../../core/did-key-encoding.ts';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { envelopedCredential } from '../../core/formats/envelopes.ts';
import { signVcJose, signVpJose } from '../../core/formats/vc-jose-2.0/sign.ts';
import { nodeJoseSigner } from '../../core/jose/signer.ts';
import { leafOf, rootFromProof, sha256 } from '../../core/merkle.ts';
import { MULTICODEC } from '../../core/multicodec.ts';
import type { AnchorReceipt } from '../../core/receipt.ts';
import { type Holder, signPresentation } from '../../wallet-cli/sign-presentation.ts';
import { freshKeyPair } from '../support/keys.ts';
import { signDataIntegrity } from '../support/sign-data-integrity.ts';
import {
  claimWhenAnchored,
  issue,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
} from '../support/system.ts';

// ------------------------------------------------------------------------------------------ types

export type Family =
  | 'transport'
  | 'jws'
  | 'content'
  | 'signature'
  | 'validity'
  | 'receipt'
  | 'issuer'
  | 'presentation'
  | 'challenges';
export type Endpoint = '/credentials/verify' | '/presentations/verify' | '/challenges';
export type Verdict = 'valid' | 'invalid' | 'unverifiable';

export interface Expectation {
  /** The exact HTTP status. */
  status: number;
  verdict?: Verdict;
  /**
   * `check:reason` that must be among the invalid (or unverifiable) fragments of the answer
   * (presentation checks and every credential's checks). `check:a|b` accepts either reason; a
   * list needs every entry.
   */
  failing?: string | string[];
  /** `check:reason` that must be present and not failing (valid or skipped). */
  passing?: string;
}

export interface HostileCase {
  family: Family;
  name: string;
  endpoint: Endpoint;
  /** Default POST. */
  method?: 'GET' | 'POST' | 'PUT';
  body: string | Buffer;
  /** Default `application/json`; the empty string sends no Content-Type header at all. */
  contentType?: string;
  expect: Expectation;
}

export interface Bundle {
  credential: string;
  anchorReceipt: AnchorReceipt;
}

export interface CorpusContext {
  system: RunningSystem;
  /** A credential issued through the issuer API to `holder`, anchored, with its receipt. */
  bundle: Bundle;
  holder: Holder;
  /** A fresh one-time challenge from POST /challenges. */
  challenge: () => Promise<string>;
  /** The audience (aud / options.domain) presentations are made for. */
  domain: string;
  /** A loopback port that counts connections: did:web cases name it and it must never be contacted. */
  canaryPort: number;
}

type Build = (f: Fixtures) => string | Buffer | Promise<string | Buffer>;
export interface CaseSpec extends Omit<HostileCase, 'body'> {
  build: Build;
}

// ---------------------------------------------------------------------------------------- helpers

const CRED = '/credentials/verify' as const;
const PRES = '/presentations/verify' as const;
const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const KiB = 1024;

/** base64url of a value's JSON. */
const seg = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
/** base64url of raw text or bytes. */
const raw = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
const partsOf = (jwt: string) => {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  return { h, p, s, header: decode(h) as Record<string, unknown>, payload: decode(p) as Record<string, any> };
};
const now = () => Math.floor(Date.now() / 1000);
const kidOf = (did: string) => `${did}#${did.slice('did:key:'.length)}`;
const hexBytes = (hex: string) => Buffer.from(hex.slice(2), 'hex');
const hex32 = () => `0x${randomBytes(32).toString('hex')}`;

export function newHolder(): Holder {
  const seed = randomBytes(32);
  return { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), seed };
}

/** A compact JWS over exactly these segments, Ed25519-signed with `seed`. */
function signSegments(h: string, p: string, seed: Buffer): string {
  const input = `${h}.${p}`;
  return `${input}.${sign(null, Buffer.from(input, 'ascii'), ed25519PrivateKey(seed)).toString('base64url')}`;
}
const signEd = (header: unknown, payload: unknown, seed: Buffer) => signSegments(seg(header), seg(payload), seed);
const edHeader = (did: string) => ({ alg: 'EdDSA', typ: 'JWT', kid: kidOf(did) });

const qualification = { title: 'Diploma from a mill', awardedOn: '2026-01-01' };

/** A VC-JWT 1.1 payload about `subject`, issued by `iss`. */
function v1Payload(iss: unknown, subject: string, extra: Record<string, unknown> = {}): Record<string, any> {
  return {
    iss,
    sub: subject,
    nbf: now() - 3600,
    vc: {
      '@context': [V1],
      type: ['VerifiableCredential', 'QualificationCredential'],
      credentialSubject: { qualification },
    },
    ...extra,
  };
}

/** A VC 2.0 credential about `subject`, issued by `issuer`. */
function v2Credential(issuer: string, subject: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': [V2],
    type: ['VerifiableCredential', 'QualificationCredential'],
    issuer,
    validFrom: new Date(Date.now() - 3600_000).toISOString(),
    credentialSubject: { id: subject, qualification },
    ...extra,
  };
}
const joseSigner = (holder: Holder) => nodeJoseSigner(ed25519PrivateKey(holder.seed), kidOf(holder.did));

/** Body of POST /credentials/verify; a `receipt` of undefined sends no options. */
const vcBody = (token: unknown, receipt?: unknown) =>
  JSON.stringify({
    verifiableCredential: token,
    ...(receipt === undefined ? {} : { options: { anchorReceipt: receipt } }),
  });
/** Body of POST /presentations/verify. */
const vpBody = (token: unknown, options?: Record<string, unknown>) =>
  JSON.stringify({ verifiablePresentation: token, ...(options ? { options } : {}) });

/** A receipt for `credential` whose Merkle proof (`proof`) is correct, over the fields of `base`. */
function receiptWithProof(
  credential: string,
  proof: string[],
  base: AnchorReceipt,
  overrides: Partial<AnchorReceipt> = {},
): AnchorReceipt {
  const hash = credentialHash(credential);
  const root = rootFromProof(leafOf(hexBytes(hash), sha256), proof.map(hexBytes), sha256);
  return { ...base, credentialHash: hash, merkleRoot: `0x${root.toString('hex')}`, proof, ...overrides };
}

/** Raises the last base64url character's unused bits: other text, same bytes. */
function nonCanonical(segment: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const unusedBits = (segment.length * 6) % 8;
  const last = alphabet.indexOf(segment[segment.length - 1]!);
  return segment.slice(0, -1) + alphabet[last ^ ((1 << unusedBits) - 1)]!;
}

const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;
/** The same Ed25519 signature with S + L: a malleated (non-canonical) encoding. */
function malleate(signatureSegment: string): string {
  const sig = Buffer.from(signatureSegment, 'base64url');
  const s = BigInt(`0x${Buffer.from(sig.subarray(32)).reverse().toString('hex')}`) + ED25519_L;
  const sBytes = Buffer.from(s.toString(16).padStart(64, '0'), 'hex').reverse();
  return Buffer.concat([sig.subarray(0, 32), sBytes]).toString('base64url');
}

function didJwk(jwk: Record<string, unknown>): string {
  return `did:jwk:${seg(jwk)}`;
}

function ecKey(): { privateKey: KeyObject; did: string; kid: string } {
  const { privateKey, publicKey } = freshKeyPair('ec', { namedCurve: 'P-256' });
  const did = didKeyOfJwk(publicKey.export({ format: 'jwk' }) as never);
  return { privateKey, did, kid: kidOf(did) };
}

/** `[` nested `depth` levels deep, then closed. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

// ------------------------------------------------------------------------------------- fixtures

/** Everything the cases are built from, prepared once against the running system. */
interface Fixtures extends CorpusContext {
  A: Bundle;
  hA: string;
  /** A's segments, header and payload. */
  a: ReturnType<typeof partsOf>;
  institution: { did: string; registry: string; chainId: number; ledgerAddress: string };
  /** Another credential of the institution to the holder, and one naming no subject DID. */
  B: Bundle;
  noDid: Bundle;
  /** Revoked by the institution through the issuer API, and by the registry authority on its behalf. */
  revokedByIssuer: Bundle;
  revokedByAuthority: Bundle;
  /** An unaccredited did:key and a bystander. */
  rogue: Holder;
  stranger: Holder;
  rogueCredential: string;
  /** A second accredited institution (node account 2) and its own anchored credential. */
  second: { holder: Holder; credential: Bundle };
  /** A's hash in a batch anchored by the second institution. */
  aAnchoredBySecond: AnchorReceipt;
  /** The rogue's credential in a batch anchored by the second institution. */
  rogueAnchoredBySecond: Bundle;
  /** An institution (node account 3) suspended after anchoring one credential. */
  suspended: { holder: Holder; anchored: Bundle; unanchored: string };
  /** Values shared between cases built in order (a replay and what it replays). */
  shared: Map<string, string>;
}

async function anchorAs(
  contract: Registry['contract'],
  root: string,
): Promise<{ transactionHash: string; blockNumber: number; anchoredAt: string }> {
  const tx = await contract.getFunction('anchor')(root, 1);
  const receipt = await tx.wait();
  const block = await contract.runner!.provider!.getBlock(receipt.blockNumber);
  return {
    transactionHash: receipt.hash,
    blockNumber: receipt.blockNumber,
    anchoredAt: new Date(block!.timestamp * 1000).toISOString(),
  };
}

async function prepare(ctx: CorpusContext): Promise<Fixtures> {
  const { system, holder } = ctx;
  const A = ctx.bundle;
  const institution = (await (await fetch(`${system.issuerUrl}/institution`)).json()) as Fixtures['institution'];

  const requests = [
    qualificationRequest({ id: holder.did }),
    qualificationRequest({ learnerReference: 'STU-0042' }),
    qualificationRequest({ id: holder.did }),
    qualificationRequest({ id: holder.did }),
  ];
  const issued = await Promise.all(requests.map((r) => issue(system, r)));
  for (const i of issued)
    if (i.status !== 201) throw new Error(`issuing failed: ${i.status} ${JSON.stringify(i.body)}`);
  const [B, noDid, revokedByIssuer, revokedByAuthority] = (await Promise.all(
    issued.map((i) => claimWhenAnchored(i.body.claim.url)),
  )) as Bundle[] as [Bundle, Bundle, Bundle, Bundle];
  const revoke = await revokeCredential(system, issued[2]!.body.credentialId, { reason: 'fraud' });
  if (revoke.status !== 200) throw new Error(`revoking failed: ${revoke.status} ${revoke.text}`);

  const rogue = newHolder();
  const stranger = newHolder();
  const rogueCredential = signEd(edHeader(rogue.did), v1Payload(rogue.did, holder.did), rogue.seed);

  const provider = connectProvider(`http://127.0.0.1:${system.env.LEDGER_PORT}`, institution.chainId);
  try {
    const authority = await provider.getSigner(0);
    const asAuthority = new Registry(institution.registry, authority).contract;
    const reader = new Registry(institution.registry, provider);
    const localId = await reader.institutionOfDid(institution.did);

    // A second institution, accredited by the authority, anchoring with node account 2.
    const secondHolder = newHolder();
    const secondSigner = await provider.getSigner(2);
    await (
      await asAuthority.getFunction('accredit')(
        await secondSigner.getAddress(),
        secondHolder.did,
        'Second Training Institute',
      )
    ).wait();
    const asSecond = new Registry(institution.registry, secondSigner).contract;
    const secondCredential = signEd(
      edHeader(secondHolder.did),
      v1Payload(secondHolder.did, holder.did),
      secondHolder.seed,
    );
    const secondReceipt = receiptWithProof(secondCredential, [], A.anchorReceipt);
    Object.assign(secondReceipt, await anchorAs(asSecond, secondReceipt.merkleRoot));

    // A's hash in a two-leaf batch the second institution anchored (A's own batch root is taken).
    const aAnchoredBySecond = receiptWithProof(A.credential, [hex32()], A.anchorReceipt);
    Object.assign(aAnchoredBySecond, await anchorAs(asSecond, aAnchoredBySecond.merkleRoot));
    // The second institution "revokes" A: only the anchoring institution's revocations count.
    await (await asSecond.getFunction('revoke')(credentialHash(A.credential), 2)).wait();
    // The rogue's credential, anchored by the second institution.
    const rogueReceipt = receiptWithProof(rogueCredential, [], A.anchorReceipt);
    Object.assign(rogueReceipt, await anchorAs(asSecond, rogueReceipt.merkleRoot));

    // A third institution (node account 3) anchors one credential, then is suspended.
    const thirdHolder = newHolder();
    const thirdSigner = await provider.getSigner(3);
    await (
      await asAuthority.getFunction('accredit')(
        await thirdSigner.getAddress(),
        thirdHolder.did,
        'Suspended Training Institute',
      )
    ).wait();
    const thirdId = await reader.institutionOfDid(thirdHolder.did);
    const asThird = new Registry(institution.registry, thirdSigner).contract;
    const thirdCredential = signEd(
      edHeader(thirdHolder.did),
      v1Payload(thirdHolder.did, holder.did, { jti: 'urn:uuid:third-1' }),
      thirdHolder.seed,
    );
    const thirdReceipt = receiptWithProof(thirdCredential, [], A.anchorReceipt);
    Object.assign(thirdReceipt, await anchorAs(asThird, thirdReceipt.merkleRoot));
    await (await asAuthority.getFunction('setStatus')(thirdId, 2)).wait();
    const thirdUnanchored = signEd(
      edHeader(thirdHolder.did),
      v1Payload(thirdHolder.did, holder.did, { jti: 'urn:uuid:third-2' }),
      thirdHolder.seed,
    );

    // The authority revokes one of the local institution's credentials on its behalf.
    await (
      await asAuthority.getFunction('revokeFor')(localId, [credentialHash(revokedByAuthority.credential)], 4)
    ).wait();

    return {
      ...ctx,
      A,
      hA: credentialHash(A.credential),
      a: partsOf(A.credential),
      institution,
      B,
      noDid,
      revokedByIssuer,
      revokedByAuthority,
      rogue,
      stranger,
      rogueCredential,
      second: { holder: secondHolder, credential: { credential: secondCredential, anchorReceipt: secondReceipt } },
      aAnchoredBySecond,
      rogueAnchoredBySecond: { credential: rogueCredential, anchorReceipt: rogueReceipt },
      suspended: {
        holder: thirdHolder,
        anchored: { credential: thirdCredential, anchorReceipt: thirdReceipt },
        unanchored: thirdUnanchored,
      },
      shared: new Map(),
    };
  } finally {
    provider.destroy();
  }
}

// ------------------------------------------------------------------------------ case declarations

const SPECS: CaseSpec[] = [];
function add(
  family: Family,
  endpoint: Endpoint,
  name: string,
  expect: Expectation,
  build: Build,
  extra: { contentType?: string; method?: HostileCase['method'] } = {},
): void {
  if (SPECS.some((s) => s.family === family && s.name === name))
    throw new Error(`two corpus cases are named [${family}] ${name}`);
  SPECS.push({ family, endpoint, name, expect, build, ...extra });
}
/** Names a case sent to both verify endpoints. */
const at = (endpoint: Endpoint, name: string) => `${endpoint === CRED ? 'credential' : 'presentation'}: ${name}`;

const problem = (status: number): Expectation => ({ status });
const invalid = (failing: string | string[], passing?: string): Expectation => ({
  status: 422,
  verdict: 'invalid',
  failing,
  ...(passing ? { passing } : {}),
});
const valid = (passing?: string): Expectation => ({ status: 200, verdict: 'valid', ...(passing ? { passing } : {}) });
const malformedJws = invalid('structure:malformed_jws');
const malformedCredential = invalid('structure:malformed_credential');
const malformedPresentation = invalid('structure:malformed_presentation');

/** A genuine presentation of `credentials` by `holder` for a fresh challenge. */
async function genuineVp(
  f: Fixtures,
  credentials: Bundle[],
  holder: Holder = f.holder,
): Promise<{ token: string; nonce: string }> {
  const nonce = await f.challenge();
  return { token: await signPresentation(holder, credentials, nonce, f.domain), nonce };
}
const vpClaim = (credentials: unknown, receipts?: unknown) => ({
  '@context': [V1],
  type: ['VerifiablePresentation'],
  verifiableCredential: credentials,
  ...(receipts === undefined ? {} : { anchorReceipts: receipts }),
});
/** A VP-JWT with this payload (iss, nonce, aud and vp set from the arguments unless overridden). */
function rawVp(
  holder: Holder,
  nonce: string | undefined,
  domain: string,
  vp: unknown,
  extra: Record<string, unknown> = {},
  header: Record<string, unknown> = edHeader(holder.did),
): string {
  return signEd(
    header,
    { iss: holder.did, ...(nonce === undefined ? {} : { nonce }), aud: domain, iat: now(), vp, ...extra },
    holder.seed,
  );
}

// ===== 1. transport =============================================================================

for (const [endpoint, field] of [
  [CRED, 'verifiableCredential'],
  [PRES, 'verifiablePresentation'],
] as const) {
  const wellFormed = (f: Fixtures) =>
    JSON.stringify({
      [field]: f.A.credential,
      ...(endpoint === CRED ? { options: { anchorReceipt: f.A.anchorReceipt } } : {}),
    });
  add('transport', endpoint, at(endpoint, 'text/plain body: 415'), problem(415), wellFormed, {
    contentType: 'text/plain',
  });
  add(
    'transport',
    endpoint,
    at(endpoint, 'form-urlencoded body: 415'),
    problem(415),
    (f) => `${field}=${encodeURIComponent(f.A.credential)}`,
    { contentType: 'application/x-www-form-urlencoded' },
  );
  add(
    'transport',
    endpoint,
    at(endpoint, 'multipart/form-data body: 415'),
    problem(415),
    (f) => `--XyZ\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${f.A.credential}\r\n--XyZ--\r\n`,
    {
      contentType: 'multipart/form-data; boundary=XyZ',
    },
  );
  add(
    'transport',
    endpoint,
    at(endpoint, 'no Content-Type header: 415'),
    problem(415),
    (f) => Buffer.from(wellFormed(f)),
    { contentType: '' },
  );
  add(
    'transport',
    endpoint,
    at(endpoint, 'JSON nested 100,000 levels deep: 400, no stack overflow'),
    problem(400),
    () =>
      endpoint === CRED
        ? `{"${field}":${nested(100_000)}}`
        : `{"${field}":"a.b.c","options":{"challenge":${nested(100_000)}}}`,
  );
  add('transport', endpoint, at(endpoint, 'a 300 KiB body: 413'), problem(413), () =>
    JSON.stringify({ [field]: 'a'.repeat(300 * KiB) }),
  );
}
add(
  'transport',
  CRED,
  'Content-Type application/jsonx: 415',
  problem(415),
  (f) => vcBody(f.A.credential, f.A.anchorReceipt),
  { contentType: 'application/jsonx' },
);
add('transport', PRES, 'Content-Type text/json: 415', problem(415), () => vpBody('a.b.c'), {
  contentType: 'text/json',
});
add(
  'transport',
  CRED,
  'Content-Type application/ld+json is JSON: processed (200 for the genuine credential)',
  valid('anchored:anchored'),
  (f) => vcBody(f.A.credential, f.A.anchorReceipt),
  {
    contentType: 'application/ld+json',
  },
);
for (const [name, text] of [
  ['truncated JSON', '{"verifiableCredential": "eyJhbGciOiJFZERTQSJ9.ey'],
  ['trailing garbage after the object', '{"verifiableCredential":"a.b.c"} trailing'],
  ['single-quoted JSON', "{'verifiableCredential': 'a.b.c'}"],
  ['NaN as a value', '{"verifiableCredential": NaN}'],
  ['an empty body', ''],
] as const) {
  add('transport', CRED, at(CRED, `${name}: 400`), problem(400), () => text);
}
for (const [name, text] of [
  ['truncated JSON', '{"verifiablePresentation": {"type": ['],
  ['two concatenated objects', '{"verifiablePresentation":"a.b.c"}{"verifiablePresentation":"a.b.c"}'],
  ['single-quoted JSON', "{'verifiablePresentation': 'a.b.c'}"],
  ['Infinity as a value', '{"verifiablePresentation": Infinity}'],
  ['a body of white space only', ' \r\n\t '],
  ['a JavaScript comment before the object', '/* hi */ {"verifiablePresentation":"a.b.c"}'],
] as const) {
  add('transport', PRES, at(PRES, `${name}: 400`), problem(400), () => text);
}
for (const text of ['null', '[]', '"str"', '123', 'true'])
  add('transport', CRED, at(CRED, `body is the JSON ${text}: 400`), problem(400), () => text);
for (const text of ['null', '[]', 'false'])
  add('transport', PRES, at(PRES, `body is the JSON ${text}: 400`), problem(400), () => text);
add(
  'transport',
  CRED,
  'non-UTF-8 bytes inside the credential string: read as text, 422 malformed_jws',
  malformedJws,
  () =>
    Buffer.concat([
      Buffer.from('{"verifiableCredential":"eyJhbGciOiJFZERTQSJ9.'),
      Buffer.from([0xff, 0xfe, 0xc0, 0xaf]),
      Buffer.from('.c2ln"}'),
    ]),
);
add('transport', PRES, 'non-UTF-8 bytes between JSON tokens: 400', problem(400), () =>
  Buffer.concat([Buffer.from('{"verifiablePresentation":"a.b.c"'), Buffer.from([0xff, 0xc3]), Buffer.from('}')]),
);
add('transport', CRED, 'no verifiableCredential: 400', problem(400), () => '{}');
add('transport', CRED, 'misspelled verifiableCredentials: 400', problem(400), (f) =>
  JSON.stringify({ verifiableCredentials: f.A.credential }),
);
add(
  'transport',
  CRED,
  'verifiableCredential only under __proto__: 400',
  problem(400),
  (f) => `{"__proto__":{"verifiableCredential":${JSON.stringify(f.A.credential)}}}`,
);
add('transport', PRES, 'no verifiablePresentation (options only): 400', problem(400), () =>
  JSON.stringify({ options: { challenge: 'x' } }),
);
add('transport', CRED, 'verifiableCredential is a number: 400', problem(400), () => vcBody(42));
add('transport', CRED, 'verifiableCredential is an array holding the JWT: 400', problem(400), (f) =>
  vcBody([f.A.credential]),
);
add('transport', CRED, 'verifiableCredential is null: 400', problem(400), () => vcBody(null));
add('transport', CRED, 'verifiableCredential is an unsecured W3C credential object: 400', problem(400), (f) =>
  vcBody({
    '@context': [V1],
    type: ['VerifiableCredential'],
    issuer: f.institution.did,
    credentialSubject: { id: f.holder.did },
  }),
);
add('transport', CRED, 'enveloped credential without an id: 400', problem(400), () =>
  vcBody({ type: 'EnvelopedVerifiableCredential' }),
);
add('transport', PRES, 'verifiablePresentation is true: 400', problem(400), () => vpBody(true));
add('transport', PRES, 'enveloped presentation whose id is an https URL: 400', problem(400), () =>
  vpBody({ type: 'EnvelopedVerifiablePresentation', id: 'https://wallet.example/vp/1' }),
);
add('transport', CRED, 'options is a string: 400', problem(400), (f) =>
  JSON.stringify({ verifiableCredential: f.A.credential, options: 'strict' }),
);
add('transport', CRED, 'options is a number: 400', problem(400), (f) =>
  JSON.stringify({ verifiableCredential: f.A.credential, options: 7 }),
);
add('transport', PRES, 'options is an array: 400', problem(400), () =>
  JSON.stringify({ verifiablePresentation: 'a.b.c', options: ['challenge'] }),
);
add('transport', PRES, 'options.challenge is a number: 400', problem(400), () => vpBody('a.b.c', { challenge: 123 }));
add('transport', PRES, 'options.challenge is empty: 400', problem(400), () => vpBody('a.b.c', { challenge: '' }));
add('transport', PRES, 'options.challenge of 600 characters: 400', problem(400), () =>
  vpBody('a.b.c', { challenge: 'c'.repeat(600) }),
);
add('transport', PRES, 'options.domain is an object: 400', problem(400), () =>
  vpBody('a.b.c', { domain: { host: 'x' } }),
);
add(
  'transport',
  CRED,
  'anchorReceipt smuggled under options.__proto__ is not taken: receipt_missing',
  invalid('anchored:receipt_missing'),
  (f) =>
    `{"verifiableCredential":${JSON.stringify(f.A.credential)},"options":{"__proto__":{"anchorReceipt":${JSON.stringify(f.A.anchorReceipt)}}}}`,
);
add(
  'transport',
  CRED,
  'options.anchorReceipt nested 100,000 levels deep: receipt_malformed',
  invalid('anchored:receipt_malformed'),
  (f) => `{"verifiableCredential":${JSON.stringify(f.A.credential)},"options":{"anchorReceipt":${nested(100_000)}}}`,
);

// ===== 2. JWS structure =========================================================================

/** Tokens that are not a compact JWS with a usable header, built from the genuine credential's parts. */
const structural: [string, (f: Fixtures) => string][] = [
  ['empty string', () => ''],
  ["'a'", () => 'a'],
  ["'a.b'", () => 'a.b'],
  ["'a.b.c.d' (four segments)", (f) => `${f.a.h}.${f.a.p}.${f.a.s}.${f.a.s}`],
  ["'..' (three empty segments)", () => '..'],
  ["'a..c' (empty payload)", (f) => `${f.a.h}..${f.a.s}`],
  ["'+' in the payload segment", (f) => `${f.a.h}.${f.a.p.slice(0, 12)}+${f.a.p.slice(12)}.${f.a.s}`],
  ["'/' in the signature segment", (f) => `${f.a.h}.${f.a.p}.${f.a.s.slice(0, 20)}/${f.a.s.slice(21)}`],
  ["'=' padding on the signature", (f) => `${f.a.h}.${f.a.p}.${f.a.s}==`],
  ['a space inside the header segment', (f) => `${f.a.h.slice(0, 8)} ${f.a.h.slice(8)}.${f.a.p}.${f.a.s}`],
  ['leading space and trailing newline', (f) => ` ${f.A.credential}\n`],
  ['header is not JSON', (f) => `${raw('hello')}.${f.a.p}.${f.a.s}`],
  ['payload is not JSON', (f) => `${f.a.h}.${raw('{"vc": ')}.${f.a.s}`],
  ['header is a JSON array', (f) => `${seg(['EdDSA'])}.${f.a.p}.${f.a.s}`],
  ['header is JSON null', (f) => `${seg(null)}.${f.a.p}.${f.a.s}`],
  ['payload is a JSON string', (f) => `${f.a.h}.${seg('a credential')}.${f.a.s}`],
  ['header with crit', (f) => `${seg({ ...f.a.header, crit: ['exp'], exp: 1 })}.${f.a.p}.${f.a.s}`],
  ['header with b64:false', (f) => `${seg({ ...f.a.header, b64: false })}.${f.a.p}.${f.a.s}`],
  ['header without alg', (f) => `${seg({ typ: 'JWT', kid: f.a.header.kid })}.${f.a.p}.${f.a.s}`],
  [
    'header is base64url of non-UTF-8 bytes',
    (f) => `${raw(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))}.${f.a.p}.${f.a.s}`,
  ],
  ['three segments with an empty signature', (f) => `${f.a.h}.${f.a.p}.`],
  [
    'five segments (JWE compact serialization)',
    () =>
      [
        seg({ alg: 'RSA-OAEP', enc: 'A256GCM' }),
        raw(randomBytes(256)),
        raw(randomBytes(12)),
        raw(randomBytes(64)),
        raw(randomBytes(16)),
      ].join('.'),
  ],
  [
    'header with 300 members',
    (f) =>
      `${seg({ ...f.a.header, ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`x${i}`, i])) })}.${f.a.p}.${f.a.s}`,
  ],
  ['header nested 12 levels deep', (f) => `${seg({ ...f.a.header, x: JSON.parse(nested(12)) })}.${f.a.p}.${f.a.s}`],
];
for (const [name, token] of structural)
  add('jws', CRED, at(CRED, `${name}: malformed_jws`), malformedJws, (f) => vcBody(token(f), f.A.anchorReceipt));
for (const [name, token] of structural.filter((_, i) => [0, 2, 3, 5, 6, 11, 13, 16, 17, 18, 20, 21].includes(i))) {
  add('jws', PRES, at(PRES, `${name}: malformed_jws`), malformedJws, (f) => vpBody(token(f)));
}
add('jws', CRED, 'payload nested 60,000 levels deep: malformed_credential', malformedCredential, (f) =>
  vcBody(
    signSegments(seg(edHeader(f.rogue.did)), raw(`{"iss":"${f.rogue.did}","vc":${nested(60_000)}}`), f.rogue.seed),
  ),
);
add('jws', PRES, 'payload nested 60,000 levels deep: malformed_presentation', malformedPresentation, (f) =>
  vpBody(
    signSegments(seg(edHeader(f.holder.did)), raw(`{"iss":"${f.holder.did}","vp":${nested(60_000)}}`), f.holder.seed),
  ),
);
add('jws', CRED, 'payload with 60,000 JSON values: malformed_credential', malformedCredential, (f) =>
  vcBody(
    signEd(
      edHeader(f.rogue.did),
      v1Payload(f.rogue.did, f.holder.did, { padding: new Array(60_000).fill(0) }),
      f.rogue.seed,
    ),
  ),
);
add(
  'jws',
  CRED,
  'a 200 KiB token (genuine payload padded, original signature): signature_invalid',
  invalid('signature:signature_invalid'),
  (f) => {
    const payload = structuredClone(f.a.payload);
    payload.vc.credentialSubject.padding = 'x'.repeat(150 * KiB);
    return vcBody(`${f.a.h}.${seg(payload)}.${f.a.s}`, f.A.anchorReceipt);
  },
);
add(
  'jws',
  CRED,
  'signature re-encoded with non-canonical trailing bits (same bytes, another token): malformed_jws',
  malformedJws,
  (f) => vcBody(`${f.a.h}.${f.a.p}.${nonCanonical(f.a.s)}`, f.A.anchorReceipt),
);
add('jws', CRED, 'enveloped credential with a data: URL of media type text/plain: 400', problem(400), (f) =>
  vcBody({ type: 'EnvelopedVerifiableCredential', id: `data:text/plain,${f.A.credential}` }, f.A.anchorReceipt),
);
add('jws', CRED, 'enveloped credential with a data: URL of garbage: 400', problem(400), () =>
  vcBody({ type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,<script>alert(1)</script>' }),
);
add('jws', CRED, 'enveloped credential as data:application/vc+sd-jwt: 400', problem(400), (f) =>
  vcBody({ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+sd-jwt,${f.A.credential}~` }),
);
add('jws', CRED, 'enveloped credential with a ;base64 data: URL: 400', problem(400), (f) =>
  vcBody({ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt;base64,${raw(f.A.credential)}` }),
);
add('jws', PRES, 'enveloped presentation with a data: URL of garbage: 400', problem(400), () =>
  vpBody({ type: 'EnvelopedVerifiablePresentation', id: 'data:application/vp+jwt,%00%01' }),
);
add('jws', PRES, 'enveloped presentation whose type is plain VerifiablePresentation: 400', problem(400), (f) =>
  vpBody({ type: 'VerifiablePresentation', id: `data:application/vp+jwt,${f.A.credential}` }),
);

// ===== 3. credential content (self-signed by an unaccredited did:key) ===========================

const content: [string, (f: Fixtures) => string][] = [
  [
    'no vc claim',
    (f) =>
      signEd(edHeader(f.rogue.did), { iss: f.rogue.did, sub: f.holder.did, name: 'not a credential' }, f.rogue.seed),
  ],
  [
    'vc is a string',
    (f) =>
      signEd(edHeader(f.rogue.did), v1Payload(f.rogue.did, f.holder.did, { vc: 'VerifiableCredential' }), f.rogue.seed),
  ],
  [
    'vc is an array',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, { vc: [v1Payload(f.rogue.did, f.holder.did).vc] }),
        f.rogue.seed,
      ),
  ],
  [
    'vc is null',
    (f) => signEd(edHeader(f.rogue.did), v1Payload(f.rogue.did, f.holder.did, { vc: null }), f.rogue.seed),
  ],
  [
    'no credentialSubject',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, { vc: { '@context': [V1], type: ['VerifiableCredential'] } }),
        f.rogue.seed,
      ),
  ],
  [
    'credentialSubject is an empty object (and no sub)',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        {
          ...v1Payload(f.rogue.did, f.holder.did, {
            vc: { '@context': [V1], type: ['VerifiableCredential'], credentialSubject: {} },
          }),
          sub: undefined,
        },
        f.rogue.seed,
      ),
  ],
  [
    'credentialSubject is a string',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, {
          vc: { '@context': [V1], type: ['VerifiableCredential'], credentialSubject: 'amina' },
        }),
        f.rogue.seed,
      ),
  ],
  [
    'credentialSubject.id is not a URL',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        {
          ...v1Payload(f.rogue.did, f.holder.did, {
            vc: {
              '@context': [V1],
              type: ['VerifiableCredential'],
              credentialSubject: { id: 'Amina Yusuf', qualification },
            },
          }),
          sub: undefined,
        },
        f.rogue.seed,
      ),
  ],
  [
    'type without VerifiableCredential',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, {
          vc: { '@context': [V1], type: ['QualificationCredential'], credentialSubject: { qualification } },
        }),
        f.rogue.seed,
      ),
  ],
  [
    'type is an empty list',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, {
          vc: { '@context': [V1], type: [], credentialSubject: { qualification } },
        }),
        f.rogue.seed,
      ),
  ],
  [
    'no @context',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, {
          vc: { type: ['VerifiableCredential'], credentialSubject: { qualification } },
        }),
        f.rogue.seed,
      ),
  ],
  [
    'first @context is not a VC context',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, {
          vc: {
            '@context': ['https://schema.org', V1],
            type: ['VerifiableCredential'],
            credentialSubject: { qualification },
          },
        }),
        f.rogue.seed,
      ),
  ],
  [
    'missing iss',
    (f) => signEd(edHeader(f.rogue.did), { ...v1Payload(f.rogue.did, f.holder.did), iss: undefined }, f.rogue.seed),
  ],
  ['iss is a number', (f) => signEd(edHeader(f.rogue.did), v1Payload(42, f.holder.did), f.rogue.seed)],
  ["iss is 'not a did'", (f) => signEd(edHeader(f.rogue.did), v1Payload('not a did', f.holder.did), f.rogue.seed)],
  [
    'iss of 5000 characters',
    (f) => signEd(edHeader(f.rogue.did), v1Payload(`did:key:z${'6'.repeat(4991)}`, f.holder.did), f.rogue.seed),
  ],
  [
    'vc.issuer differs from iss',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, {
          vc: { ...v1Payload(f.rogue.did, f.holder.did).vc, issuer: f.institution.did },
        }),
        f.rogue.seed,
      ),
  ],
  [
    'sub conflicts with credentialSubject.id',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, {
          vc: {
            '@context': [V1],
            type: ['VerifiableCredential'],
            credentialSubject: { id: f.stranger.did, qualification },
          },
        }),
        f.rogue.seed,
      ),
  ],
  [
    'jti differs from vc.id',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, {
          jti: 'urn:uuid:1',
          vc: { ...v1Payload(f.rogue.did, f.holder.did).vc, id: 'urn:uuid:2' },
        }),
        f.rogue.seed,
      ),
  ],
  [
    'nbf = 1e20 (beyond any date)',
    (f) => signEd(edHeader(f.rogue.did), v1Payload(f.rogue.did, f.holder.did, { nbf: 1e20 }), f.rogue.seed),
  ],
  [
    'nbf = 1e400 (JSON Infinity)',
    (f) =>
      signSegments(
        seg(edHeader(f.rogue.did)),
        raw(JSON.stringify(v1Payload(f.rogue.did, f.holder.did, { nbf: 123 })).replace('"nbf":123', '"nbf":1e400')),
        f.rogue.seed,
      ),
  ],
  [
    'exp is a date string',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, { exp: '2030-01-01T00:00:00Z' }),
        f.rogue.seed,
      ),
  ],
  [
    'exp before nbf',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        v1Payload(f.rogue.did, f.holder.did, { nbf: now() - 60, exp: now() - 120 }),
        f.rogue.seed,
      ),
  ],
  [
    'vc.issuanceDate is not a date (no nbf)',
    (f) =>
      signEd(
        edHeader(f.rogue.did),
        {
          ...v1Payload(f.rogue.did, f.holder.did, {
            vc: { ...v1Payload(f.rogue.did, f.holder.did).vc, issuanceDate: 'last Tuesday' },
          }),
          nbf: undefined,
        },
        f.rogue.seed,
      ),
  ],
  [
    'cty header on a VC-JWT',
    (f) => signEd({ ...edHeader(f.rogue.did), cty: 'vc' }, v1Payload(f.rogue.did, f.holder.did), f.rogue.seed),
  ],
  [
    "typ 'application/example'",
    (f) =>
      signEd(
        { ...edHeader(f.rogue.did), typ: 'application/example' },
        v1Payload(f.rogue.did, f.holder.did),
        f.rogue.seed,
      ),
  ],
  [
    'typ vp+jwt on a credential',
    (f) => signEd({ ...edHeader(f.rogue.did), typ: 'vp+jwt' }, v1Payload(f.rogue.did, f.holder.did), f.rogue.seed),
  ],
  ['a presentation (vp claim) sent as a credential', (f) => rawVp(f.holder, 'n', f.domain, vpClaim([f.A.credential]))],
  [
    'vc only under __proto__',
    (f) =>
      signSegments(
        seg(edHeader(f.rogue.did)),
        raw(`{"iss":"${f.rogue.did}","__proto__":{"vc":${JSON.stringify(v1Payload(f.rogue.did, f.holder.did).vc)}}}`),
        f.rogue.seed,
      ),
  ],
  [
    'VC 2.0 (typ vc+jwt) carrying a vc claim',
    (f) =>
      signEd(
        { ...edHeader(f.rogue.did), typ: 'vc+jwt' },
        { ...v2Credential(f.rogue.did, f.holder.did), vc: v1Payload(f.rogue.did, f.holder.did).vc },
        f.rogue.seed,
      ),
  ],
  [
    'VC 2.0 with the 1.1 context first',
    (f) =>
      signEd(
        { ...edHeader(f.rogue.did), typ: 'vc+jwt' },
        v2Credential(f.rogue.did, f.holder.did, { '@context': [V1, V2] }),
        f.rogue.seed,
      ),
  ],
  [
    'VC 2.0 validFrom not a date',
    (f) =>
      signEd(
        { ...edHeader(f.rogue.did), typ: 'vc+jwt' },
        v2Credential(f.rogue.did, f.holder.did, { validFrom: 'soon' }),
        f.rogue.seed,
      ),
  ],
  [
    'VC 2.0 validFrom without a time zone',
    (f) =>
      signEd(
        { ...edHeader(f.rogue.did), typ: 'vc+jwt' },
        v2Credential(f.rogue.did, f.holder.did, { validFrom: '2020-01-01T00:00:00' }),
        f.rogue.seed,
      ),
  ],
  [
    'VC 2.0 without issuer',
    (f) =>
      signEd(
        { ...edHeader(f.rogue.did), typ: 'vc+jwt' },
        v2Credential(f.rogue.did, f.holder.did, { issuer: undefined }),
        f.rogue.seed,
      ),
  ],
  [
    'VC 2.0 with an untyped extension object',
    (f) =>
      signEd(
        { ...edHeader(f.rogue.did), typ: 'vc+jwt' },
        v2Credential(f.rogue.did, f.holder.did, { secretExtension: { mustUnderstand: true } }),
        f.rogue.seed,
      ),
  ],
  [
    'VC 2.0 whose sub is not the subject',
    (f) =>
      signEd(
        { ...edHeader(f.rogue.did), typ: 'vc+jwt' },
        v2Credential(f.rogue.did, f.holder.did, { sub: f.stranger.did }),
        f.rogue.seed,
      ),
  ],
  [
    'VC 2.0 credentialSchema without an id',
    (f) =>
      signEd(
        { ...edHeader(f.rogue.did), typ: 'vc+jwt' },
        v2Credential(f.rogue.did, f.holder.did, { credentialSchema: { type: 'JsonSchema' } }),
        f.rogue.seed,
      ),
  ],
];
for (const [name, token] of content)
  add('content', CRED, `${name}: malformed_credential`, malformedCredential, (f) => vcBody(token(f)));
// The schema check looks a declared schema id up in a plain object: prototype keys must not reach it.
for (const id of ['constructor', '__proto__', 'toString']) {
  add(
    'content',
    CRED,
    `credentialSchema id "${id}" (an Object.prototype key): a verdict, never a 500`,
    invalid('issuer_accredited:issuer_not_accredited', 'schema:schema_unknown'),
    (f) =>
      vcBody(
        signEd(
          edHeader(f.rogue.did),
          v1Payload(f.rogue.did, f.holder.did, {
            vc: { ...v1Payload(f.rogue.did, f.holder.did).vc, credentialSchema: { id, type: 'JsonSchema' } },
          }),
          f.rogue.seed,
        ),
      ),
  );
}

// ===== 4. signature and algorithms ==============================================================

/** The genuine credential's payload and signature under another header. */
const withHeader = (f: Fixtures, header: Record<string, unknown>, signature = f.a.s) =>
  `${seg(header)}.${f.a.p}.${signature}`;
const sigCase = (name: string, expect: Expectation, token: (f: Fixtures) => string, withReceipt = true) =>
  add('signature', CRED, name, expect, (f) => vcBody(token(f), withReceipt ? f.A.anchorReceipt : undefined));

sigCase(
  'alg none with an empty signature: malformed_jws',
  malformedJws,
  (f) => `${seg({ alg: 'none', typ: 'JWT' })}.${f.a.p}.`,
);
sigCase('alg none with a signature: alg_not_allowed', invalid('signature:alg_not_allowed'), (f) =>
  withHeader(f, { alg: 'none', typ: 'JWT' }, raw('garbage')),
);
sigCase('alg none, original kid and signature: alg_not_allowed', invalid('signature:alg_not_allowed'), (f) =>
  withHeader(f, { ...f.a.header, alg: 'none' }),
);
sigCase(
  'HS256 keyed with the issuer public key bytes (algorithm confusion): alg_not_allowed',
  invalid('signature:alg_not_allowed'),
  (f) => {
    const h = seg({ ...f.a.header, alg: 'HS256' });
    return `${h}.${f.a.p}.${createHmac('sha256', base58.decode(f.institution.did.slice('did:key:z'.length)).subarray(2))
      .update(`${h}.${f.a.p}`)
      .digest('base64url')}`;
  },
);
sigCase('HS256 keyed with the issuer DID string: alg_not_allowed', invalid('signature:alg_not_allowed'), (f) => {
  const h = seg({ ...f.a.header, alg: 'HS256' });
  return `${h}.${f.a.p}.${createHmac('sha256', f.institution.did).update(`${h}.${f.a.p}`).digest('base64url')}`;
});
sigCase('ES256 on the Ed25519 key: alg_not_allowed', invalid('signature:alg_not_allowed'), (f) => {
  const h = seg({ ...f.a.header, alg: 'ES256' });
  const signature = sign('sha256', Buffer.from(`${h}.${f.a.p}`), {
    key: ecKey().privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${h}.${f.a.p}.${signature.toString('base64url')}`;
});
sigCase("alg 'EdDSA ' (trailing space): alg_not_allowed", invalid('signature:alg_not_allowed'), (f) =>
  withHeader(f, { ...f.a.header, alg: 'EdDSA ' }),
);
sigCase("alg 'eddsa' (lower case): alg_not_allowed", invalid('signature:alg_not_allowed'), (f) =>
  withHeader(f, { ...f.a.header, alg: 'eddsa' }),
);
sigCase(
  "alg 'Ed25519' (the fully-specified name this key does not pin): alg_not_allowed",
  invalid('signature:alg_not_allowed'),
  (f) => withHeader(f, { ...f.a.header, alg: 'Ed25519' }),
);
sigCase('alg as a number: malformed_jws', malformedJws, (f) => withHeader(f, { ...f.a.header, alg: 1 }));
sigCase("kid naming another DID's key: key_not_found", invalid('signature:key_not_found'), (f) =>
  signEd({ ...f.a.header, kid: kidOf(f.rogue.did) }, f.a.payload, f.rogue.seed),
);
sigCase('kid with an unknown fragment of the issuer: key_not_found', invalid('signature:key_not_found'), (f) =>
  signEd({ ...f.a.header, kid: `${f.institution.did}#key-2` }, f.a.payload, f.rogue.seed),
);
sigCase('kid is a number: key_not_found', invalid('signature:key_not_found'), (f) =>
  signEd({ ...f.a.header, kid: 7 }, f.a.payload, f.rogue.seed),
);
sigCase('kid is another DID without a fragment: key_not_found', invalid('signature:key_not_found'), (f) =>
  signEd({ ...f.a.header, kid: f.rogue.did }, f.a.payload, f.rogue.seed),
);
sigCase(
  'signature truncated by one byte: signature_invalid',
  invalid('signature:signature_invalid'),
  (f) => `${f.a.h}.${f.a.p}.${raw(Buffer.from(f.a.s, 'base64url').subarray(0, 63))}`,
);
sigCase(
  'signature with one extra byte: signature_invalid',
  invalid('signature:signature_invalid'),
  (f) => `${f.a.h}.${f.a.p}.${raw(Buffer.concat([Buffer.from(f.a.s, 'base64url'), Buffer.from([0])]))}`,
);
sigCase(
  'signature of another credential of the same issuer: signature_invalid',
  invalid('signature:signature_invalid'),
  (f) => `${f.a.h}.${f.a.p}.${partsOf(f.B.credential).s}`,
);
sigCase(
  "another credential's payload under this header and signature: signature_invalid",
  invalid('signature:signature_invalid'),
  (f) => `${f.a.h}.${partsOf(f.B.credential).p}.${f.a.s}`,
);
sigCase('header swapped for one with an extra member: signature_invalid', invalid('signature:signature_invalid'), (f) =>
  withHeader(f, { ...f.a.header, x5u: 'https://attacker.example/key' }),
);
sigCase(
  "re-signed by a stranger keeping the issuer's iss and kid: signature_invalid",
  invalid('signature:signature_invalid'),
  (f) => signSegments(f.a.h, f.a.p, f.stranger.seed),
  false,
);
sigCase(
  'Ed25519 signature malleated to S + L: signature_invalid',
  invalid('signature:signature_invalid'),
  (f) => `${f.a.h}.${f.a.p}.${malleate(f.a.s)}`,
);
sigCase(
  'an all-zero 64-byte signature: signature_invalid',
  invalid('signature:signature_invalid'),
  (f) => `${f.a.h}.${f.a.p}.${raw(Buffer.alloc(64))}`,
);

/** A credential by `iss` (any string), signed by the rogue key, with `header`. */
const byIssuer = (f: Fixtures, iss: string, header: Record<string, unknown> = { alg: 'EdDSA', typ: 'JWT' }) =>
  signEd(header, v1Payload(iss, f.holder.did), f.rogue.seed);
sigCase(
  'unknown DID method did:example:123: unsupported_did_method',
  invalid('signature:unsupported_did_method'),
  (f) => byIssuer(f, 'did:example:123', { alg: 'EdDSA', kid: 'did:example:123#key-1' }),
  false,
);
sigCase(
  'issuer is an https URL no registry lists: its controller document is never fetched',
  invalid('issuer_accredited:issuer_not_accredited', 'signature:https_issuer_not_listed'),
  (f) => byIssuer(f, 'https://college.example/issuer'),
  false,
);
sigCase(
  'issuer is an http URL: unsupported_did_method',
  invalid('signature:unsupported_did_method'),
  (f) => byIssuer(f, 'http://college.example/issuer'),
  false,
);
sigCase(
  'did:KEY with an upper-case method: unsupported_did_method',
  invalid('signature:unsupported_did_method'),
  (f) => byIssuer(f, f.rogue.did.replace('did:key:', 'did:KEY:')),
  false,
);
sigCase(
  'did:ethr, not enabled on this verifier: unsupported_did_method',
  invalid('signature:unsupported_did_method'),
  (f) => byIssuer(f, `did:ethr:0x${randomBytes(20).toString('hex')}`),
  false,
);
sigCase(
  'did:key with a bad base58btc body: did_not_found',
  invalid('signature:did_not_found'),
  (f) => byIssuer(f, 'did:key:zABC'),
  false,
);
sigCase(
  "did:key with characters outside base58 ('0OIl'): did_not_found",
  invalid('signature:did_not_found'),
  (f) => byIssuer(f, `did:key:z6Mk0OIl${'1'.repeat(40)}`),
  false,
);
sigCase(
  "did:key with a base64 multibase ('m') prefix: did_not_found",
  invalid('signature:did_not_found'),
  (f) =>
    byIssuer(f, `did:key:m${raw(Buffer.concat([Buffer.from([0xed, 0x01]), ed25519PublicKeyOfSeed(f.rogue.seed)]))}`),
  false,
);
sigCase(
  'did:key of 1,600 characters: did_not_found',
  invalid('signature:did_not_found'),
  (f) => byIssuer(f, `did:key:z${'6'.repeat(1591)}`),
  false,
);
sigCase(
  'did:key of an X25519 key (key agreement only): key_not_found',
  invalid('signature:key_not_found'),
  (f) => byIssuer(f, didKeyOfMulticodecKey(MULTICODEC.x25519, randomBytes(32))),
  false,
);
sigCase(
  'did:key of the Ed25519 identity point with the trivial signature anyone can make: must not verify',
  invalid('signature:signature_invalid|key_not_found|did_not_found'),
  (f) => {
    const identity = Buffer.alloc(32);
    identity[0] = 1;
    const did = didKeyOfEd25519(identity);
    return `${seg(edHeader(did))}.${seg(v1Payload(did, f.holder.did))}.${raw(Buffer.concat([identity, Buffer.alloc(32)]))}`;
  },
  false,
);
sigCase(
  'did:web of localhost, an unlisted issuer (never fetched)',
  invalid('issuer_accredited:issuer_not_accredited', 'signature:did_web_issuer_not_listed'),
  (f) =>
    byIssuer(f, `did:web:localhost%3A${f.canaryPort}`, {
      alg: 'EdDSA',
      kid: `did:web:localhost%3A${f.canaryPort}#key-1`,
    }),
  false,
);
sigCase(
  'did:web of 127.0.0.1, an unlisted issuer (never fetched)',
  invalid('issuer_accredited:issuer_not_accredited', 'signature:did_web_issuer_not_listed'),
  (f) => byIssuer(f, `did:web:127.0.0.1%3A${f.canaryPort}`),
  false,
);
sigCase(
  'did:web of localhost with a path, an unlisted issuer (never fetched)',
  invalid('issuer_accredited:issuer_not_accredited', 'signature:did_web_issuer_not_listed'),
  (f) => byIssuer(f, `did:web:localhost%3A${f.canaryPort}:users:alice`),
  false,
);
sigCase(
  "did:jwk holding a private key ('d'): did_not_found",
  invalid('signature:did_not_found'),
  (f) => {
    const jwk = ed25519PrivateKey(f.rogue.seed).export({ format: 'jwk' });
    return byIssuer(f, didJwk(jwk as never));
  },
  false,
);
sigCase(
  "did:jwk of an HMAC key (kty oct with 'k'): did_not_found",
  invalid('signature:did_not_found'),
  (f) => byIssuer(f, didJwk({ kty: 'oct', k: raw(randomBytes(32)), alg: 'HS256' }), { alg: 'HS256', typ: 'JWT' }),
  false,
);
sigCase(
  "did:jwk of kty oct without 'k': key_not_found",
  invalid('signature:key_not_found'),
  (f) => byIssuer(f, didJwk({ kty: 'oct', alg: 'HS256' }), { alg: 'HS256', typ: 'JWT' }),
  false,
);
sigCase(
  "did:jwk of an Ed25519 key marked use 'enc': key_not_found",
  invalid('signature:key_not_found'),
  (f) => byIssuer(f, didJwk({ kty: 'OKP', crv: 'Ed25519', x: raw(ed25519PublicKeyOfSeed(f.rogue.seed)), use: 'enc' })),
  false,
);
sigCase(
  'did:jwk of a P-256 key with alg EdDSA in the header: alg_not_allowed',
  invalid('signature:alg_not_allowed'),
  (f) => {
    const { kty, crv, x, y } = freshKeyPair('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    return byIssuer(f, didJwk({ kty, crv, x, y }));
  },
  false,
);
sigCase(
  'P-256 did:key with a DER-encoded (not r||s) ES256 signature: signature_invalid',
  invalid('signature:signature_invalid'),
  (f) => {
    const k = ecKey();
    const h = seg({ alg: 'ES256', typ: 'JWT', kid: k.kid });
    const p = seg(v1Payload(k.did, f.holder.did));
    return `${h}.${p}.${sign('sha256', Buffer.from(`${h}.${p}`), k.privateKey).toString('base64url')}`;
  },
  false,
);
sigCase(
  'P-256 did:key, properly signed (control): signature valid, issuer_not_accredited',
  invalid('issuer_accredited:issuer_not_accredited', 'signature:signature_valid'),
  (f) => {
    const k = ecKey();
    const h = seg({ alg: 'ES256', typ: 'JWT', kid: k.kid });
    const p = seg(v1Payload(k.did, f.holder.did));
    return `${h}.${p}.${sign('sha256', Buffer.from(`${h}.${p}`), { key: k.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
  },
  false,
);

// ===== 5. validity (unregistered did:keys: also issuer_not_accredited) ==========================

async function rogueVc(f: Fixtures, dates: { issuanceDate: string; expirationDate?: string }): Promise<string> {
  return createVerifiableCredentialJwt(
    {
      '@context': [V1],
      type: ['VerifiableCredential', 'QualificationCredential'],
      issuer: f.rogue.did,
      ...dates,
      credentialSubject: { id: f.holder.did, qualification },
    },
    { did: f.rogue.did, signer: ed25519JwtSigner(f.rogue.seed), alg: 'EdDSA' },
    { header: { alg: 'EdDSA', kid: kidOf(f.rogue.did) } },
  );
}
const iso = (offsetSeconds: number) => new Date(Date.now() + offsetSeconds * 1000).toISOString();
const validity = (name: string, expect: Expectation, build: (f: Fixtures) => Promise<string> | string) =>
  add('validity', CRED, name, expect, async (f) => vcBody(await build(f)));

validity('expired (exp in 2021): expired', invalid('validity_period:expired'), (f) =>
  rogueVc(f, { issuanceDate: '2020-01-01T00:00:00Z', expirationDate: '2021-01-01T00:00:00Z' }),
);
validity('not yet valid (nbf a year ahead): not_yet_valid', invalid('validity_period:not_yet_valid'), (f) =>
  rogueVc(f, { issuanceDate: iso(365 * 86_400) }),
);
validity(
  'exp 5 s ago, within the 60 s clock skew: validity passes',
  invalid('issuer_accredited:issuer_not_accredited', 'validity_period:within_validity_period'),
  (f) => rogueVc(f, { issuanceDate: iso(-3600), expirationDate: iso(-5) }),
);
validity('exp 90 s ago, outside the clock skew: expired', invalid('validity_period:expired'), (f) =>
  rogueVc(f, { issuanceDate: iso(-3600), expirationDate: iso(-90) }),
);
validity(
  'nbf 55 s ahead, within the clock skew: validity passes',
  invalid('issuer_accredited:issuer_not_accredited', 'validity_period:within_validity_period'),
  (f) => rogueVc(f, { issuanceDate: iso(55) }),
);
validity('nbf 5 min ahead, outside the clock skew: not_yet_valid', invalid('validity_period:not_yet_valid'), (f) =>
  rogueVc(f, { issuanceDate: iso(300) }),
);
validity('VC 1.1 expirationDate in the past without an exp claim: expired', invalid('validity_period:expired'), (f) => {
  const vc = {
    ...v1Payload(f.rogue.did, f.holder.did).vc,
    issuanceDate: '2020-01-01T00:00:00Z',
    expirationDate: '2021-06-01T00:00:00Z',
  };
  return signEd(edHeader(f.rogue.did), { iss: f.rogue.did, sub: f.holder.did, vc }, f.rogue.seed);
});
validity('VC 2.0 validUntil in the past: expired', invalid('validity_period:expired'), (f) =>
  signVcJose(
    v2Credential(f.rogue.did, f.holder.did, { validFrom: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' }),
    joseSigner(f.rogue),
  ),
);
validity('VC 2.0 validFrom in the future: not_yet_valid', invalid('validity_period:not_yet_valid'), (f) =>
  signVcJose(v2Credential(f.rogue.did, f.holder.did, { validFrom: iso(30 * 86_400) }), joseSigner(f.rogue)),
);
validity('VC 2.0 validUntil ahead but an exp claim in the past: expired', invalid('validity_period:expired'), (f) =>
  signVcJose(
    v2Credential(f.rogue.did, f.holder.did, {
      validFrom: iso(-7200),
      validUntil: iso(365 * 86_400),
      exp: now() - 3600,
    }),
    joseSigner(f.rogue),
  ),
);

// ===== 6. anchor receipt (the genuine credential) ===============================================

const receiptCase = (
  name: string,
  expect: Expectation,
  receipt: (f: Fixtures, r: AnchorReceipt) => unknown,
  credential: (f: Fixtures) => string = (f) => f.A.credential,
) => add('receipt', CRED, name, expect, (f) => vcBody(credential(f), receipt(f, f.A.anchorReceipt)));
const malformedReceipt = invalid('anchored:receipt_malformed');

add(
  'receipt',
  CRED,
  'no receipt: receipt_missing, revocation still looked up',
  invalid('anchored:receipt_missing', 'not_revoked:not_revoked'),
  (f) => vcBody(f.A.credential),
);
receiptCase('receipt is a string: receipt_malformed', malformedReceipt, () => 'a receipt');
receiptCase('receipt is an array: receipt_malformed', malformedReceipt, (_, r) => [r]);
receiptCase('receipt is null: receipt_malformed', malformedReceipt, () => null);
receiptCase('receipt is a number: receipt_malformed', malformedReceipt, () => 31337);
receiptCase('type is wrong: receipt_malformed', malformedReceipt, (_, r) => ({ ...r, type: 'AnchorReceipt' }));
receiptCase('hashAlgorithm keccak256: receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  hashAlgorithm: 'keccak256',
}));
receiptCase('credentialHash in upper case: receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  credentialHash: r.credentialHash.toUpperCase().replace('0X', '0x'),
}));
receiptCase('merkleRoot without 0x: receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  merkleRoot: r.merkleRoot.slice(2),
}));
receiptCase('proof is not a list: receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  proof: r.proof.join(',') || 'none',
}));
receiptCase('proof with 41 entries: receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  proof: Array.from({ length: 41 }, hex32),
}));
receiptCase('proof entry not hex: receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  proof: [...r.proof, `0x${'zz'.repeat(32)}`],
}));
receiptCase('chainId negative: receipt_malformed', malformedReceipt, (_, r) => ({ ...r, chainId: -r.chainId }));
receiptCase('chainId a string: receipt_malformed', malformedReceipt, (_, r) => ({ ...r, chainId: String(r.chainId) }));
receiptCase('chainId 2^53 (not a safe integer): receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  chainId: 2 ** 53,
}));
receiptCase('registry not an address: receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  registry: 'the national registry',
}));
receiptCase('transactionHash of 31 bytes: receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  transactionHash: r.transactionHash.slice(0, -2),
}));
receiptCase('blockNumber negative: receipt_malformed', malformedReceipt, (_, r) => ({ ...r, blockNumber: -1 }));
receiptCase('blockNumber fractional: receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  blockNumber: r.blockNumber + 0.5,
}));
receiptCase('anchoredAt not a date: receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  anchoredAt: 'yesterday',
}));
receiptCase('anchoredAt without a time zone: receipt_malformed', malformedReceipt, (_, r) => ({
  ...r,
  anchoredAt: r.anchoredAt.replace('Z', ''),
}));
add(
  'receipt',
  CRED,
  'every receipt field under __proto__: receipt_malformed',
  malformedReceipt,
  (f) =>
    `{"verifiableCredential":${JSON.stringify(f.A.credential)},"options":{"anchorReceipt":{"__proto__":${JSON.stringify(f.A.anchorReceipt)}}}}`,
);
receiptCase(
  'receipt of another credential: receipt_for_other_credential',
  invalid('anchored:receipt_for_other_credential'),
  (f) => f.B.anchorReceipt,
);
receiptCase(
  "another batch's root and proof under this credential hash: proof_mismatch",
  invalid('anchored:proof_mismatch'),
  (f, r) => ({ ...r, merkleRoot: f.B.anchorReceipt.merkleRoot, proof: [...f.B.anchorReceipt.proof, f.hA] }),
);
receiptCase('a random root: proof_mismatch', invalid('anchored:proof_mismatch'), (_, r) => ({
  ...r,
  merkleRoot: hex32(),
}));
receiptCase(
  'a proof that is valid for a root never anchored: root_not_anchored',
  invalid('anchored:root_not_anchored'),
  (f, r) => receiptWithProof(f.A.credential, [hex32()], r, { blockNumber: 0 }),
);
add(
  'receipt',
  CRED,
  "an unaccredited did:key's credential as its own one-leaf batch, block 0: root_not_anchored",
  invalid(['anchored:root_not_anchored', 'issuer_accredited:issuer_not_accredited']),
  (f) => {
    const credential = signEd(
      edHeader(f.rogue.did),
      v1Payload(f.rogue.did, f.holder.did, { jti: 'urn:uuid:never-anchored' }),
      f.rogue.seed,
    );
    return vcBody(credential, receiptWithProof(credential, [], f.A.anchorReceipt, { blockNumber: 0 }));
  },
);
receiptCase(
  'a never-anchored root claimed in a far-future block, anchored "just now": root_not_anchored (the receipt cannot buy a "cannot tell")',
  invalid('anchored:root_not_anchored'),
  (f, r) => receiptWithProof(f.A.credential, [hex32()], r, { blockNumber: 1_000_000_000 }),
);
receiptCase(
  'a never-anchored root claimed in a far-future block but anchored an hour ago: root_not_anchored',
  invalid('anchored:root_not_anchored'),
  (f, r) => ({
    ...receiptWithProof(f.A.credential, [hex32()], r, { blockNumber: 1_000_000_000 }),
    anchoredAt: new Date(Date.now() - 3_600_000).toISOString(),
  }),
);
receiptCase(
  'a never-anchored root claimed in a far-future block, anchored in the future: root_not_anchored',
  invalid('anchored:root_not_anchored'),
  (f, r) => ({
    ...receiptWithProof(f.A.credential, [hex32()], r, { blockNumber: 1_000_000_000 }),
    anchoredAt: new Date(Date.now() + 86_400_000).toISOString(),
  }),
);
receiptCase(
  'another chain id: untrusted_registry (unverifiable, 422)',
  { status: 422, verdict: 'unverifiable', failing: 'anchored:untrusted_registry' },
  (_, r) => ({ ...r, chainId: 1 }),
);
receiptCase(
  'another registry address: untrusted_registry (unverifiable, 422)',
  { status: 422, verdict: 'unverifiable', failing: 'anchored:untrusted_registry' },
  (_, r) => ({ ...r, registry: `0x${randomBytes(20).toString('hex')}` }),
);
receiptCase('the trusted registry address in upper case: still trusted, valid', valid('anchored:anchored'), (_, r) => ({
  ...r,
  registry: `0x${r.registry.slice(2).toUpperCase()}`,
}));
receiptCase(
  'a well-formed but made-up transactionHash and anchoredAt: the chain decides, valid',
  valid('anchored:anchored'),
  (_, r) => ({ ...r, transactionHash: hex32(), anchoredAt: '2001-01-01T00:00:00Z' }),
);

// ===== 7. issuer and revocation ================================================================

const issuerCase = (name: string, expect: Expectation, build: (f: Fixtures) => string) =>
  add('issuer', CRED, name, expect, build);
issuerCase(
  'signed by an unaccredited did:key, no receipt: issuer_not_accredited',
  invalid(['issuer_accredited:issuer_not_accredited', 'anchored:receipt_missing']),
  (f) => vcBody(f.rogueCredential),
);
issuerCase(
  "signed by an unaccredited did:key with the genuine credential's receipt: issuer_not_accredited",
  invalid('issuer_accredited:issuer_not_accredited'),
  (f) => vcBody(f.rogueCredential, f.A.anchorReceipt),
);
issuerCase(
  'the genuine credential in a batch anchored by another institution: anchored_by_another_institution',
  invalid('anchored:anchored_by_another_institution'),
  (f) => vcBody(f.A.credential, f.aAnchoredBySecond),
);
issuerCase(
  "an unaccredited did:key's credential anchored by an accredited institution: issuer_not_accredited, anchored_by_another_institution",
  invalid(['issuer_accredited:issuer_not_accredited', 'anchored:anchored_by_another_institution']),
  (f) => vcBody(f.rogueAnchoredBySecond.credential, f.rogueAnchoredBySecond.anchorReceipt),
);
issuerCase(
  "a second accredited institution's own anchored credential (control): valid",
  valid('anchored:anchored'),
  (f) => vcBody(f.second.credential.credential, f.second.credential.anchorReceipt),
);
issuerCase(
  'the genuine credential after another institution "revoked" its hash: still valid',
  valid('not_revoked:not_revoked'),
  (f) => vcBody(f.A.credential, f.A.anchorReceipt),
);
issuerCase(
  'a suspended institution, credential anchored while accredited: valid, issuer_accredited_then',
  valid('issuer_accredited:issuer_accredited_then'),
  (f) => vcBody(f.suspended.anchored.credential, f.suspended.anchored.anchorReceipt),
);
issuerCase(
  'a suspended institution, new credential it cannot anchor: issuer_not_accredited_now',
  invalid('issuer_accredited:issuer_not_accredited_now'),
  (f) => vcBody(f.suspended.unanchored),
);
issuerCase(
  'a suspended institution, new credential with a fabricated one-leaf receipt: root_not_anchored',
  invalid(['anchored:root_not_anchored', 'issuer_accredited:issuer_not_accredited_now']),
  (f) =>
    vcBody(f.suspended.unanchored, receiptWithProof(f.suspended.unanchored, [], f.suspended.anchored.anchorReceipt)),
);
issuerCase(
  "a suspended institution, new credential with its earlier credential's receipt: receipt_for_other_credential",
  invalid('anchored:receipt_for_other_credential'),
  (f) => vcBody(f.suspended.unanchored, f.suspended.anchored.anchorReceipt),
);
issuerCase('revoked through the issuer API: revoked', invalid('not_revoked:revoked'), (f) =>
  vcBody(f.revokedByIssuer.credential, f.revokedByIssuer.anchorReceipt),
);
issuerCase(
  "revoked by the registry authority on the institution's behalf: revoked",
  invalid('not_revoked:revoked'),
  (f) => vcBody(f.revokedByAuthority.credential, f.revokedByAuthority.anchorReceipt),
);

// ===== 8. presentations =========================================================================

const vpCase = (name: string, expect: Expectation, build: (f: Fixtures) => Promise<string> | string) =>
  add('presentation', PRES, name, expect, build);

vpCase('a genuine presentation (the replay target): valid', valid('challenge:challenge_valid'), async (f) => {
  const { token, nonce } = await genuineVp(f, [f.A]);
  const body = vpBody(token, { challenge: nonce, domain: f.domain });
  f.shared.set('accepted', body);
  return body;
});
vpCase(
  'the same presentation replayed: challenge_already_used',
  invalid('challenge:challenge_already_used'),
  (f) => f.shared.get('accepted')!,
);
vpCase(
  'no nonce: challenge_missing',
  invalid('challenge:challenge_missing', 'presentation_signature:presentation_signature_valid'),
  async (f) =>
    vpBody(
      await createVerifiablePresentationJwt(
        { vp: vpClaim([f.A.credential], [f.A.anchorReceipt]) } as never,
        { did: f.holder.did, signer: ed25519JwtSigner(f.holder.seed), alg: 'EdDSA' },
        { header: { alg: 'EdDSA', kid: kidOf(f.holder.did) } },
      ),
    ),
);
vpCase('a nonce this verifier never issued: challenge_unknown', invalid('challenge:challenge_unknown'), async (f) => {
  const invented = randomBytes(18).toString('base64url');
  return vpBody(await signPresentation(f.holder, [f.A], invented, f.domain), { challenge: invented, domain: f.domain });
});
vpCase(
  'an issued challenge with its letter case swapped: challenge_unknown',
  invalid('challenge:challenge_unknown'),
  async (f) => {
    const nonce = (await f.challenge()).replace(/[a-z]/gi, (c) =>
      c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase(),
    );
    return vpBody(await signPresentation(f.holder, [f.A], nonce, f.domain), { challenge: nonce });
  },
);
vpCase(
  "a nonce of SQL wildcards and quotes ('%' OR 1=1): challenge_unknown",
  invalid('challenge:challenge_unknown'),
  async (f) => {
    const nonce = "%' OR '1'='1";
    return vpBody(await signPresentation(f.holder, [f.A], nonce, f.domain), { challenge: nonce });
  },
);
vpCase(
  'options.challenge differs from the nonce: challenge_mismatch',
  invalid('challenge:challenge_mismatch'),
  async (f) => {
    const { token } = await genuineVp(f, [f.A]);
    return vpBody(token, { challenge: await f.challenge(), domain: f.domain });
  },
);
vpCase('made for another domain: domain_mismatch', invalid('challenge:domain_mismatch'), async (f) => {
  const nonce = await f.challenge();
  return vpBody(await signPresentation(f.holder, [f.A], nonce, 'employer.example'), {
    challenge: nonce,
    domain: f.domain,
  });
});
vpCase(
  'holder is not the subject: holder_is_not_subject',
  invalid('holder_binding:holder_is_not_subject'),
  async (f) => {
    const { token, nonce } = await genuineVp(f, [f.A], f.stranger);
    return vpBody(token, { challenge: nonce, domain: f.domain });
  },
);
vpCase(
  'a credential without a subject DID: subject_has_no_did',
  invalid('holder_binding:subject_has_no_did'),
  async (f) => {
    const { token, nonce } = await genuineVp(f, [f.noDid]);
    return vpBody(token, { challenge: nonce, domain: f.domain });
  },
);
vpCase(
  '0 credentials: valid (it only shows the holder controls the DID), credentials skipped',
  valid('credentials:no_credentials'),
  async (f) => {
    const nonce = await f.challenge();
    return vpBody(rawVp(f.holder, nonce, f.domain, vpClaim([], [])), { challenge: nonce, domain: f.domain });
  },
);
vpCase(
  'an unused challenge of this verifier the caller did not pin: challenge_not_pinned',
  invalid('challenge:challenge_not_pinned', 'presentation_signature:presentation_signature_valid'),
  async (f) => {
    const { token } = await genuineVp(f, [f.A]);
    return vpBody(token, { domain: f.domain });
  },
);
vpCase('21 credentials: malformed_presentation', malformedPresentation, async (f) => {
  const { token, nonce } = await genuineVp(
    f,
    Array.from({ length: 21 }, (_, i) => (i % 2 ? f.A : f.B)),
  );
  return vpBody(token, { challenge: nonce });
});
vpCase('a credential entry that is a number: malformed_presentation', malformedPresentation, async (f) =>
  vpBody(rawVp(f.holder, await f.challenge(), f.domain, vpClaim([42]))),
);
vpCase('a credential entry that is an object without type: malformed_presentation', malformedPresentation, async (f) =>
  vpBody(
    rawVp(
      f.holder,
      await f.challenge(),
      f.domain,
      vpClaim([{ id: `data:application/vc+jwt,${f.A.credential}` }], [f.A.anchorReceipt]),
    ),
  ),
);
vpCase('an enveloped credential with a ;base64 data: URL: malformed_presentation', malformedPresentation, async (f) =>
  vpBody(
    rawVp(
      f.holder,
      await f.challenge(),
      f.domain,
      vpClaim([{ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt;base64,${raw(f.A.credential)}` }]),
    ),
  ),
);
vpCase(
  'VP alg none: presentation_signature alg_not_allowed',
  invalid('presentation_signature:alg_not_allowed'),
  async (f) => {
    const nonce = await f.challenge();
    return vpBody(
      `${seg({ alg: 'none', typ: 'JWT' })}.${seg({ iss: f.holder.did, nonce, aud: f.domain, vp: vpClaim([f.A.credential], [f.A.anchorReceipt]) })}.${raw('sig')}`,
      { challenge: nonce },
    );
  },
);
vpCase(
  'VP with a broken signature: signature_invalid (the challenge is not used up)',
  invalid('presentation_signature:signature_invalid', 'challenge:challenge_needs_signature'),
  async (f) => {
    const { token, nonce } = await genuineVp(f, [f.A]);
    const { h, p, s } = partsOf(token);
    const broken = Buffer.from(s, 'base64url');
    broken[10]! ^= 0x01;
    f.shared.set('genuine-after-broken', vpBody(token, { challenge: nonce, domain: f.domain }));
    return vpBody(`${h}.${p}.${raw(broken)}`, { challenge: nonce, domain: f.domain });
  },
);
vpCase(
  '…then the genuine presentation for that same challenge: valid',
  valid('challenge:challenge_valid'),
  (f) => f.shared.get('genuine-after-broken')!,
);
vpCase(
  "signed by a stranger claiming the holder's DID and kid: signature_invalid",
  invalid('presentation_signature:signature_invalid'),
  async (f) => {
    const { token, nonce } = await genuineVp(f, [f.A]);
    const { h, p } = partsOf(token);
    return vpBody(signSegments(h, p, f.stranger.seed), { challenge: nonce });
  },
);
vpCase("kid naming the issuer's key: key_not_found", invalid('presentation_signature:key_not_found'), async (f) =>
  vpBody(
    rawVp(
      f.holder,
      await f.challenge(),
      f.domain,
      vpClaim([f.A.credential], [f.A.anchorReceipt]),
      {},
      { alg: 'EdDSA', kid: String(f.a.header.kid) },
    ),
  ),
);
vpCase('VP iss is not a DID: malformed_presentation', malformedPresentation, async (f) =>
  vpBody(rawVp(f.holder, await f.challenge(), f.domain, vpClaim([f.A.credential]), { iss: 'Amina Yusuf' })),
);
vpCase('vp.holder differs from iss: malformed_presentation', malformedPresentation, async (f) =>
  vpBody(
    rawVp(f.holder, await f.challenge(), f.domain, {
      ...vpClaim([f.A.credential], [f.A.anchorReceipt]),
      holder: f.stranger.did,
    }),
  ),
);
vpCase('no vp claim: malformed_presentation', malformedPresentation, async (f) =>
  vpBody(
    signEd(edHeader(f.holder.did), { iss: f.holder.did, nonce: await f.challenge(), aud: f.domain }, f.holder.seed),
  ),
);
vpCase('nonce is a number: malformed_presentation', malformedPresentation, (f) =>
  vpBody(rawVp(f.holder, undefined, f.domain, vpClaim([f.A.credential]), { nonce: 12345 })),
);
vpCase('nonce of 1,025 characters: malformed_presentation', malformedPresentation, (f) =>
  vpBody(rawVp(f.holder, 'n'.repeat(1025), f.domain, vpClaim([f.A.credential]))),
);
vpCase('VP exp before nbf: malformed_presentation', malformedPresentation, async (f) =>
  vpBody(rawVp(f.holder, await f.challenge(), f.domain, vpClaim([f.A.credential]), { nbf: now(), exp: now() - 10 })),
);
vpCase(
  'VP expired (exp an hour ago): presentation_validity presentation_expired',
  invalid('presentation_validity:presentation_expired|expired'),
  async (f) => {
    const nonce = await f.challenge();
    return vpBody(
      rawVp(f.holder, nonce, f.domain, vpClaim([f.A.credential], [f.A.anchorReceipt]), {
        nbf: now() - 7200,
        exp: now() - 3600,
      }),
      { challenge: nonce, domain: f.domain },
    );
  },
);
vpCase(
  'VP not yet valid (nbf in an hour): presentation_validity presentation_not_yet_valid',
  invalid('presentation_validity:presentation_not_yet_valid|not_yet_valid'),
  async (f) => {
    const nonce = await f.challenge();
    return vpBody(
      rawVp(f.holder, nonce, f.domain, vpClaim([f.A.credential], [f.A.anchorReceipt]), { nbf: now() + 3600 }),
      { challenge: nonce },
    );
  },
);
vpCase(
  'carrying a tampered credential: signature_invalid inside',
  invalid('signature:signature_invalid'),
  async (f) => {
    const payload = structuredClone(f.a.payload);
    payload.vc.credentialSubject.qualification.title = 'Master Electrician';
    const tampered = `${f.a.h}.${seg(payload)}.${f.a.s}`;
    const nonce = await f.challenge();
    return vpBody(
      await signPresentation(f.holder, [{ credential: tampered, anchorReceipt: f.A.anchorReceipt }], nonce, f.domain),
      { challenge: nonce },
    );
  },
);
vpCase(
  'a presentation nested as a credential: malformed_credential inside',
  invalid('structure:malformed_credential'),
  async (f) => {
    const inner = rawVp(f.holder, 'inner', f.domain, vpClaim([f.A.credential]));
    return vpBody(rawVp(f.holder, await f.challenge(), f.domain, vpClaim([inner])));
  },
);
vpCase('a credential sent as the presentation: malformed_presentation', malformedPresentation, (f) =>
  vpBody(f.A.credential),
);
vpCase(
  'an SD-JWT enveloped credential only: unverifiable (422) credential_format_unsupported',
  { status: 422, verdict: 'unverifiable', failing: 'credential_format:credential_format_unsupported' },
  async (f) => {
    const nonce = await f.challenge();
    const sdJwt = `${f.A.credential}~${raw('["salt","name","Amina"]')}~`;
    return vpBody(
      rawVp(
        f.holder,
        nonce,
        f.domain,
        vpClaim([{ '@context': V2, type: 'EnvelopedVerifiableCredential', id: `data:application/vc+sd-jwt,${sdJwt}` }]),
      ),
      { challenge: nonce },
    );
  },
);
vpCase(
  'the genuine credential beside a VC-JWT passed off as an SD-JWT (a tilde added): invalid (422)',
  { status: 422, verdict: 'invalid', failing: 'structure:malformed_jws' },
  async (f) => {
    const nonce = await f.challenge();
    return vpBody(
      rawVp(
        f.holder,
        nonce,
        f.domain,
        vpClaim(
          [
            f.A.credential,
            {
              '@context': V2,
              type: 'EnvelopedVerifiableCredential',
              id: `data:application/dc+sd-jwt,${f.A.credential}~`,
            },
          ],
          [f.A.anchorReceipt],
        ),
      ),
      { challenge: nonce },
    );
  },
);
vpCase(
  'a VC 2.0 presentation (vp+jwt) of the genuine credential, receipts in anchorReceipts: valid',
  valid('anchored:anchored'),
  async (f) => {
    const nonce = await f.challenge();
    const token = await signVpJose(
      {
        '@context': [V2],
        type: ['VerifiablePresentation'],
        holder: f.holder.did,
        verifiableCredential: [envelopedCredential(f.A.credential)],
        anchorReceipts: [f.A.anchorReceipt],
        nonce,
        aud: f.domain,
      },
      joseSigner(f.holder),
    );
    return vpBody(token, { challenge: nonce, domain: f.domain });
  },
);
vpCase('a VC 2.0 presentation holding a bare JWT string: malformed_presentation', malformedPresentation, async (f) =>
  vpBody(
    await signVpJose(
      {
        '@context': [V2],
        type: ['VerifiablePresentation'],
        holder: f.holder.did,
        verifiableCredential: [f.A.credential],
        nonce: await f.challenge(),
      },
      joseSigner(f.holder),
    ),
  ),
);
vpCase('a VC 2.0 presentation whose iss is not its holder: malformed_presentation', malformedPresentation, async (f) =>
  vpBody(
    await signVpJose(
      {
        '@context': [V2],
        type: ['VerifiablePresentation'],
        holder: f.holder.did,
        iss: f.stranger.did,
        verifiableCredential: [envelopedCredential(f.A.credential)],
        nonce: await f.challenge(),
      },
      joseSigner(f.holder),
    ),
  ),
);
vpCase('duplicate receipts for the credential: valid', valid('anchored:anchored'), async (f) => {
  const nonce = await f.challenge();
  return vpBody(rawVp(f.holder, nonce, f.domain, vpClaim([f.A.credential], [f.A.anchorReceipt, f.A.anchorReceipt])), {
    challenge: nonce,
  });
});
vpCase(
  'a forged receipt listed before the genuine one: the receipt whose proof holds is used, valid',
  valid('anchored:anchored'),
  async (f) => {
    const nonce = await f.challenge();
    return vpBody(
      rawVp(
        f.holder,
        nonce,
        f.domain,
        vpClaim([f.A.credential], [{ ...f.A.anchorReceipt, merkleRoot: hex32() }, f.A.anchorReceipt]),
      ),
      { challenge: nonce },
    );
  },
);
vpCase('anchorReceipts is not a list: malformed_presentation', malformedPresentation, async (f) =>
  vpBody(rawVp(f.holder, await f.challenge(), f.domain, vpClaim([f.A.credential], f.A.anchorReceipt))),
);
vpCase('a receipt list of 1000 small entries: malformed_presentation', malformedPresentation, async (f) =>
  vpBody(rawVp(f.holder, await f.challenge(), f.domain, vpClaim([f.A.credential], new Array(1000).fill({})))),
);
vpCase('a receipt list of 1000 full receipts (body over 256 KiB): 413', problem(413), async (f) =>
  vpBody(
    rawVp(f.holder, await f.challenge(), f.domain, vpClaim([f.A.credential], new Array(1000).fill(f.A.anchorReceipt))),
  ),
);
vpCase('a revoked credential: revoked', invalid('not_revoked:revoked'), async (f) => {
  const { token, nonce } = await genuineVp(f, [f.revokedByIssuer]);
  return vpBody(token, { challenge: nonce, domain: f.domain });
});
vpCase(
  'a credential declaring schema id "__proto__": a verdict, never a 500',
  invalid('issuer_accredited:issuer_not_accredited'),
  async (f) => {
    const credential = signEd(
      edHeader(f.rogue.did),
      v1Payload(f.rogue.did, f.holder.did, {
        vc: { ...v1Payload(f.rogue.did, f.holder.did).vc, credentialSchema: { id: '__proto__', type: 'JsonSchema' } },
      }),
      f.rogue.seed,
    );
    const nonce = await f.challenge();
    return vpBody(rawVp(f.holder, nonce, f.domain, vpClaim([credential])), { challenge: nonce });
  },
);

// ===== 8b. Data Integrity (credentials and presentations with an embedded proof) =================

/** A VC 2.0 credential of `issuer` about the holder, secured with a Data Integrity proof by `signer`'s key named `vm`. */
const diCredential = (f: Fixtures, issuer: string, signer: Holder, vm: string, extra: Record<string, unknown> = {}) =>
  signDataIntegrity(
    {
      '@context': [V2, 'https://www.w3.org/ns/credentials/examples/v2'],
      type: ['VerifiableCredential', 'AlumniCredential'],
      issuer,
      credentialSubject: { id: f.holder.did, alumniOf: 'Diploma Mill' },
      ...extra,
    },
    ed25519PrivateKey(signer.seed),
    vm,
  );

add(
  'signature',
  CRED,
  "Data Integrity: the institution named as issuer, the proof by the rogue's own key",
  invalid('signature:key_not_found'),
  async (f) => vcBody(await diCredential(f, f.institution.did, f.rogue, kidOf(f.rogue.did))),
);
add(
  'signature',
  CRED,
  "Data Integrity: the institution named as issuer and as key, signed with the rogue's key",
  invalid('signature:signature_invalid'),
  async (f) => vcBody(await diCredential(f, f.institution.did, f.rogue, kidOf(f.institution.did))),
);
add(
  'signature',
  CRED,
  'Data Integrity: a context the verifier does not hold is named, never fetched',
  invalid(['signature:context_unknown', 'issuer_accredited:issuer_not_accredited']),
  async (f) => {
    const signed = await diCredential(f, f.rogue.did, f.rogue, kidOf(f.rogue.did));
    return vcBody({ ...signed, '@context': [V2, `http://127.0.0.1:${f.canaryPort}/context.jsonld`] });
  },
);
add('content', CRED, 'Data Integrity: a proofValue that is not multibase', malformedCredential, async (f) => {
  const signed = await diCredential(f, f.rogue.did, f.rogue, kidOf(f.rogue.did));
  return vcBody({ ...signed, proof: { ...(signed.proof as object), proofValue: 'not-base58!' } });
});
add('content', CRED, 'Data Integrity: JSON text nested 200 deep', malformedCredential, () =>
  vcBody(`{"proof":{},"a":${nested(200)}}`),
);
add('content', CRED, 'an unsecured credential object (no proof): 400', problem(400), (f) =>
  vcBody(v2Credential(f.rogue.did, f.holder.did)),
);
add(
  'presentation',
  PRES,
  "Data Integrity presentation: the holder named, the proof by the rogue's key",
  invalid('presentation_signature:key_not_found'),
  async (f) => {
    const challenge = await f.challenge();
    const vp = await signDataIntegrity(
      { '@context': [V2], type: ['VerifiablePresentation'], holder: f.holder.did, verifiableCredential: [] },
      ed25519PrivateKey(f.rogue.seed),
      kidOf(f.rogue.did),
      'eddsa-rdfc-2022',
      { proofPurpose: 'authentication', challenge, domain: f.domain },
    );
    return vpBody(vp, { challenge, domain: f.domain });
  },
);

// ===== 9. challenges endpoint ===================================================================

add('challenges', '/challenges', 'GET /challenges: 404', problem(404), () => '', { method: 'GET' });
add('challenges', '/challenges', 'PUT /challenges: 404', problem(404), () => '{}', { method: 'PUT' });
add(
  'challenges',
  '/challenges',
  'POST with a junk text/plain body: 201 (the body is ignored)',
  { status: 201 },
  () => '\u0000\u0001junk<>{{',
  { contentType: 'text/plain' },
);
add(
  'challenges',
  '/challenges',
  'POST with malformed JSON: 201 (the body is ignored)',
  { status: 201 },
  () => '{"challenge":',
);
add('challenges', '/challenges', 'POST with a 300 KiB body: 413', problem(413), () =>
  JSON.stringify({ pad: 'p'.repeat(300 * KiB) }),
);

// ---------------------------------------------------------------------------------------- exports

/** Every case, unbuilt, in the order it must run (some cases depend on the one before). */
export function corpusSpecs(): readonly CaseSpec[] {
  return SPECS;
}

/** Builds every case against the running system (issues and anchors what the cases need first). */
export async function buildCorpus(ctx: CorpusContext): Promise<HostileCase[]> {
  const fixtures = await prepare(ctx);
  const cases: HostileCase[] = [];
  for (const { build, ...rest } of SPECS) cases.push({ ...rest, body: await build(fixtures) });
  return cases;
}
