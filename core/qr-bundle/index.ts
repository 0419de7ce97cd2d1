/** The whole credential with its anchor receipt in one QR code (docs/qr.md). */
export {
  proofDepthOf,
  qrCodeSurelyHolds,
  qrVersionAtM,
  worstCaseQrLength,
  worstCaseReceipt,
} from './capacity.ts';
export { decodeQrBundle } from './decode.ts';
export { encodeQrBundle } from './encode.ts';
export { MAX_QR_TEXT_LENGTH, QR_BUNDLE_PREFIX, QR_V40_M_CAPACITY, VERSIONED_PREFIX } from './format.ts';
export { type QrBundle, QrBundleError, type QrBundleProblem } from './types.ts';
