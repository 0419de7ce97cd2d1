import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { encode as base45 } from '@digitalbazaar/base45';
import { encode as cbor } from 'cborg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshKeyPair } from '../../test/support/keys.ts';
import { credentialHash } from '../credential-hash.ts';
import { didKeyOfJwk } from '../did-key-encoding.ts';
import { CREDENTIAL_FORMATS, readCredentialToken } from '../formats/index.ts';
import { nodeJoseSigner } from '../jose/signer.ts';
import { buildTree, leafOf, sha256 } from '../merkle.ts';
import { type AnchorReceipt, receiptFor } from '../receipt.ts';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '../vc-contexts.ts';
import { base45Length, deflateBound, worstCaseBundleLength } from './capacity.ts';
import { qrBundleBinary } from './encode.ts';
import { DEFLATE_DICTIONARY } from './format.ts';
import {
  decodeQrBundle,
  encodeQrBundle,
  MAX_QR_TEXT_LENGTH,
  proofDepthOf,
  QR_BUNDLE_PREFIX,
  QR_V40_M_CAPACITY,
  QrBundleError,
  qrCodeSurelyHolds,
  qrVersionAtM,
  worstCaseQrLength,
  worstCaseReceipt,
} from './index.ts';

const pair = freshKeyPair('ed25519');
const did = didKeyOfJwk(pair.publicKey.export({ format: 'jwk' }));
const signer = nodeJoseSigner(pair.privateKey, `${did}#${did.slice('did:key:'.length)}`);

async function signed(format: (typeof CREDENTIAL_FORMATS)[number], competencies = 2): Promise<string> {
  return format.sign(
    {
      '@context': [format.dataModel === '2.0' ? VC_V2_CONTEXT : VC_V1_CONTEXT],
      type: ['VerifiableCredential', 'QualificationCredential'],
      issuer: did,
      [format.dataModel === '2.0' ? 'validFrom' : 'issuanceDate']: '2026-06-30T10:00:00Z',
      credentialSubject: {
        id: 'did:key:z6MkoUhM3cpJbzncQAguTMkQpMFw4ZyxMrvpMZ39HJJAsnN7',
        name: 'Amina Yusuf',
        qualification: {
          title: 'National Certificate in Electrical Installation',
          competencies: Array.from({ length: competencies }, (_, i) => ({ title: `Competency number ${i}` })),
          awardedOn: '2026-06-30',
        },
      },
    },
    did,
    signer,
  );
}

/** A real receipt: the credential in a batch of `size`, its proof from the tree. */
function receiptIn(credential: string, size: number): AnchorReceipt {
  const hash = credentialHash(credential);
  const others = Array.from({ length: size - 1 }, (_, i) => leafOf(sha256(Buffer.from(`other ${i}`)), sha256));
  const tree = buildTree([leafOf(Buffer.from(hash.slice(2), 'hex'), sha256), ...others], sha256);
  const proof = tree.proof(0);
  return {
    type: 'SkillmarkAnchorReceipt',
    credentialHash: hash,
    hashAlgorithm: 'sha256',
    merkleRoot: `0x${tree.root.toString('hex')}`,
    proof: proof.map((step) => `0x${step.toString('hex')}`),
    chainId: 31337,
    registry: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    transactionHash: `0x${'ab'.repeat(32)}`,
    blockNumber: 1234,
    anchoredAt: '2026-06-30T12:00:07.000Z',
  };
}

/** A version-1 text around any binary, as an attacker would make one. */
const textOf = (binary: Uint8Array) =>
  QR_BUNDLE_PREFIX + base45(new Uint8Array(deflateRawSync(binary, { dictionary: DEFLATE_DICTIONARY })));

/** The formats whose credentials go into a QR code: an SD-JWT VC does not (issuer/qr-code.ts, docs/privacy.md). */
const IN_QR_CODES = CREDENTIAL_FORMATS.filter((format) => format.name !== 'sd-jwt-vc');

it('refuses an SD-JWT VC: a QR code would show every disclosure to whoever scans it', async () => {
  const sdJwt = CREDENTIAL_FORMATS.find((format) => format.name === 'sd-jwt-vc')!;
  const credential = await signed(sdJwt);
  expect(() => encodeQrBundle({ credential, anchorReceipt: receiptIn(credential, 1) })).toThrow(
    'an SD-JWT credential does not go into a QR code',
  );
});

describe.each(IN_QR_CODES.map((format) => [format.name, format] as const))(
  'the QR form of a %s bundle',
  (_, format) => {
    it('gives back the exact token and the receipt, and stays in the QR alphanumeric set', async () => {
      const credential = await signed(format);
      const anchorReceipt = receiptIn(credential, 1000);
      const text = encodeQrBundle({ credential, anchorReceipt });
      expect(text).toMatch(/^SM1:[0-9A-Z $%*+\-./:]+$/);
      const decoded = decodeQrBundle(text);
      expect(decoded.credential).toBe(credential);
      expect(decoded.anchorReceipt).toEqual(anchorReceipt);
      expect(receiptFor(decoded.anchorReceipt, credentialHash(decoded.credential)).ok).toBe(true);
      expect(readCredentialToken(decoded.credential).ok).toBe(true);
      expect(qrVersionAtM(text)).toBeLessThanOrEqual(25);
    });

    it('a changed character changes what decodes: another token, or a refusal', async () => {
      const credential = await signed(format);
      const text = encodeQrBundle({ credential, anchorReceipt: receiptIn(credential, 8) });
      const at = Math.floor(text.length / 2);
      const tampered = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
      let outcome: string;
      try {
        outcome = decodeQrBundle(tampered).credential;
      } catch (error) {
        outcome = (error as QrBundleError).problem;
      }
      expect(outcome).not.toBe(credential);
    });
  },
);

describe('decoding refuses what is not a version-1 QR bundle, saying why', () => {
  const refusal = (text: string) => {
    try {
      decodeQrBundle(text);
    } catch (error) {
      expect(error).toBeInstanceOf(QrBundleError);
      return { problem: (error as QrBundleError).problem, message: (error as Error).message };
    }
    throw new Error('decoded');
  };

  it('a wrong prefix, another version, bad base45, a text longer than any QR code', () => {
    expect(refusal('HC1:6BF')).toMatchObject({ problem: 'syntax', message: expect.stringContaining('"SM1:"') });
    expect(refusal('SM2:6BF')).toMatchObject({ problem: 'version', message: expect.stringContaining('version 2') });
    expect(refusal('SM1:abc')).toMatchObject({ problem: 'syntax', message: expect.stringContaining('base45') });
    expect(refusal('SM1:A')).toMatchObject({ problem: 'syntax', message: expect.stringContaining('base45') });
    expect(refusal('SM1:GGW')).toMatchObject({ problem: 'syntax', message: expect.stringContaining('base45') });
    expect(refusal('SM1:6BFé')).toMatchObject({ problem: 'syntax' });
    expect(refusal(`SM1:${'0'.repeat(MAX_QR_TEXT_LENGTH)}`)).toMatchObject({ problem: 'syntax' });
  });

  it('a decompression bomb stops at the cap, and fast', () => {
    const started = Date.now();
    const bomb = textOf(Buffer.alloc(2_000_000));
    expect(bomb.length).toBeLessThan(MAX_QR_TEXT_LENGTH);
    expect(refusal(bomb)).toMatchObject({
      problem: 'content',
      message: expect.stringContaining('inflates to more than 65536 bytes'),
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('data that is not deflate, not CBOR, or CBOR of the wrong shape and types', () => {
    expect(refusal(QR_BUNDLE_PREFIX + base45(new Uint8Array([0xff, 0xff, 0xff])))).toMatchObject({
      problem: 'content',
      message: expect.stringContaining('not deflate'),
    });
    expect(refusal(textOf(Buffer.from([0xff, 0x00])))).toMatchObject({ message: expect.stringContaining('CBOR') });
    expect(refusal(textOf(cbor({ a: 1 })))).toMatchObject({ message: expect.stringContaining('array of 9') });
    const good = [
      new Uint8Array(3),
      new Uint8Array(3),
      new Uint8Array(3),
      1,
      new Uint8Array(20),
      new Uint8Array(32),
      1,
      1,
      new Uint8Array(0),
    ];
    const withItem = (index: number, value: unknown) => textOf(cbor(good.map((v, i) => (i === index ? value : v))));
    expect(refusal(withItem(0, 'text'))).toMatchObject({ message: expect.stringContaining('item 0 (header)') });
    expect(refusal(withItem(3, -1))).toMatchObject({ message: expect.stringContaining('item 3 (chainId)') });
    expect(refusal(withItem(4, new Uint8Array(19)))).toMatchObject({ message: expect.stringContaining('20 bytes') });
    expect(refusal(withItem(6, 1.5))).toMatchObject({ message: expect.stringContaining('item 6 (blockNumber)') });
    expect(refusal(withItem(8, new Uint8Array(33)))).toMatchObject({
      message: expect.stringContaining('item 8 (proof)'),
    });
    expect(refusal(withItem(8, new Uint8Array(41 * 32)))).toMatchObject({
      message: expect.stringContaining('item 8 (proof)'),
    });
    expect(refusal(withItem(7, 2 ** 50))).toMatchObject({ message: expect.stringContaining('item 7 (anchoredAt)') });
    // The well-shaped binary decodes: what it holds is for the verifier to judge.
    expect(decodeQrBundle(textOf(cbor(good))).anchorReceipt.proof).toEqual([]);
  });
});

describe('decoding any input', () => {
  const decodesOrRefuses = (text: string) => {
    try {
      decodeQrBundle(text);
    } catch (error) {
      if (!(error instanceof QrBundleError)) throw error;
    }
  };

  it('gives a bundle or a QrBundleError, nothing else: any text, any base45, any deflated bytes', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => decodesOrRefuses(`SM1:${text}`)));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => decodesOrRefuses(`SM1:${base45(bytes)}`)));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => decodesOrRefuses(textOf(bytes))));
  });
});

describe('size', () => {
  it('the proof of the deepest credential in a batch, and the worst case never shorter than a real receipt', async () => {
    expect([1, 2, 1000, 1024, 1025, 100_000].map(proofDepthOf)).toEqual([0, 1, 10, 10, 11, 17]);
    const credential = await signed(CREDENTIAL_FORMATS[0]);
    const real = encodeQrBundle({ credential, anchorReceipt: receiptIn(credential, 1000) }).length;
    expect(worstCaseQrLength(credential, credentialHash(credential), 1000)).toBeGreaterThanOrEqual(real);
  });

  it('counts the bundle of a compact JWS and the worst-case receipt as long as it encodes, every CBOR head width', () => {
    const bytes = fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constantFrom(23, 24, 255, 256, 65535, 65536));
    fc.assert(
      fc.property(fc.tuple(bytes, bytes, bytes), fc.constantFrom(1, 2, 500, 1000, 100_000), (lengths, batchSize) => {
        const parts = lengths.map((n) => randomBytes(n).toString('base64url'));
        const credential = parts.join('.');
        const anchorReceipt = worstCaseReceipt(credentialHash(credential), batchSize);
        expect(worstCaseBundleLength(parts, batchSize)).toBe(qrBundleBinary({ credential, anchorReceipt }).length);
      }),
      { numRuns: 150 },
    );
  });

  it('a credential the bound says surely fits does fit, however incompressible; past the bound, the exact length decides', () => {
    const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
    // Random header and signature bytes too: nothing in the bundle but its framing compresses.
    const jws = (payload: Uint8Array) => `${b64(randomBytes(24))}.${b64(payload)}.${b64(randomBytes(64))}`;
    let surely = 0;
    fc.assert(
      fc.property(
        // Random bytes do not compress: the sizes around the boundary (about 1,500 bytes here) are where it is tight.
        fc.integer({ min: 800, max: 2600 }).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
        (payload) => {
          const credential = jws(payload);
          const hash = credentialHash(credential);
          const anchorReceipt = worstCaseReceipt(hash, 1000);
          const bound =
            QR_BUNDLE_PREFIX.length + base45Length(deflateBound(qrBundleBinary({ credential, anchorReceipt }).length));
          expect(encodeQrBundle({ credential, anchorReceipt }).length).toBeLessThanOrEqual(bound);
          if (!qrCodeSurelyHolds(credential, 1000)) return;
          surely++;
          expect(worstCaseQrLength(credential, hash, 1000)).toBeLessThanOrEqual(QR_V40_M_CAPACITY);
        },
      ),
      { numRuns: 200 },
    );
    expect(surely).toBeGreaterThan(0);
    // Text compresses: this one is past the bound, yet fits once compressed.
    const compressible = jws(Buffer.from('Install low-voltage wiring; '.repeat(150)));
    const hash = credentialHash(compressible);
    expect(qrCodeSurelyHolds(compressible, 1000)).toBe(false);
    expect(worstCaseQrLength(compressible, hash, 1000)).toBeLessThanOrEqual(QR_V40_M_CAPACITY);
  });
});
