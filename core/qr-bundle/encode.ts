import { deflateRawSync } from 'node:zlib';
import { encode as base45 } from '@digitalbazaar/base45';
import { encode as cbor } from 'cborg';
import type { AnchorReceipt } from '../receipt.ts';
import { DEFLATE_DICTIONARY, QR_BUNDLE_PREFIX } from './format.ts';
import { type QrBundle, QrBundleError } from './types.ts';

const hexBytes = (hex: string) => Buffer.from(hex.slice(2), 'hex');

/** The bytes of one base64url part of a compact JWS; only the canonical form comes back the same on decoding. */
function jwsPart(part: string | undefined, name: string): Buffer {
  const bytes = Buffer.from(part ?? '', 'base64url');
  if (!part || bytes.toString('base64url') !== part) {
    throw new QrBundleError('content', `the credential's JWS ${name} is not canonical base64url`);
  }
  return bytes;
}

function receiptFields(receipt: AnchorReceipt): unknown[] {
  const anchoredAtMs = Date.parse(receipt.anchoredAt);
  // Block times are whole seconds: a finer time could not be given back as it was.
  if (!Number.isSafeInteger(anchoredAtMs) || anchoredAtMs < 0 || anchoredAtMs % 1000 !== 0) {
    throw new QrBundleError('content', 'the receipt\'s "anchoredAt" is not a whole second after 1970');
  }
  return [
    receipt.chainId,
    hexBytes(receipt.registry),
    hexBytes(receipt.transactionHash),
    receipt.blockNumber,
    anchoredAtMs / 1000,
    Buffer.concat(receipt.proof.map(hexBytes)),
  ];
}

/** The bundle as CBOR, before it is compressed: the JWS parts as bytes, then the receipt's fields. */
export function qrBundleBinary(bundle: QrBundle): Uint8Array {
  if (bundle.credential.includes('~'))
    throw new QrBundleError(
      'content',
      'an SD-JWT credential does not go into a QR code: it would show every disclosure',
    );
  const parts = bundle.credential.split('.');
  if (parts.length !== 3) throw new QrBundleError('content', 'the credential is not a compact JWS');
  const [header, payload, signature] = parts;
  return cbor([
    jwsPart(header, 'header'),
    jwsPart(payload, 'payload'),
    jwsPart(signature, 'signature'),
    ...receiptFields(bundle.anchorReceipt),
  ]);
}

/** The QR text of a credential (a compact JWS) with its anchor receipt: prefix + base45(deflate(CBOR)). */
export function encodeQrBundle(bundle: QrBundle): string {
  const compressed = deflateRawSync(qrBundleBinary(bundle), { level: 9, dictionary: DEFLATE_DICTIONARY });
  // A copy: the base45 package reads the whole underlying buffer, not the view it is given.
  return QR_BUNDLE_PREFIX + base45(new Uint8Array(compressed));
}
