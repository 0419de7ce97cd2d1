import { HttpProblem } from '../core/http-problem.ts';
import { encodeQrBundle, QR_V40_M_CAPACITY, qrCodeSurelyHolds, worstCaseQrLength } from '../core/qr-bundle/index.ts';
import type { AnchorReceipt } from '../core/receipt.ts';

/**
 * Whether a credential goes into a QR code: a compact JWS does. An SD-JWT does not: the code would
 * show every disclosure to whoever scans it, where the learner chooses each time (docs/privacy.md).
 */
export const inQrCode = (credential: string) => !credential.includes('~');

/**
 * Refuses a credential whose QR code, once anchored in the largest batch this issuer makes, would
 * not fit the largest QR code: it could never be printed as one code (docs/qr.md).
 */
export function refuseIfNoQrCodeHoldsIt(credential: string, credentialHash: string, maxBatchSize: number): void {
  if (!inQrCode(credential) || qrCodeSurelyHolds(credential, maxBatchSize)) return;
  const length = worstCaseQrLength(credential, credentialHash, maxBatchSize);
  if (length <= QR_V40_M_CAPACITY) return;
  const error = `the credential's QR code would need ${length} characters once anchored in a batch of up to ${maxBatchSize} (ANCHOR_BATCH_SIZE), more than the ${QR_V40_M_CAPACITY} the largest QR code holds (version 40, error correction M); shorten its texts or list fewer competencies`;
  throw new HttpProblem(422, 'Credential too large for a QR code', `This credential cannot be issued: ${error}.`, {
    errors: [error],
  });
}

/** The QR code text of an anchored credential; none for one that no QR code holds (issued before the refusal above). */
export function qrCodeTextOf(credential: string, anchorReceipt: AnchorReceipt): string | undefined {
  if (!inQrCode(credential)) return undefined;
  const text = encodeQrBundle({ credential, anchorReceipt });
  return text.length <= QR_V40_M_CAPACITY ? text : undefined;
}
