import type { AnchorReceipt } from '../receipt.ts';

/** What a QR code carries: the credential (its exact token) and the receipt of its anchor. */
export interface QrBundle {
  credential: string;
  anchorReceipt: AnchorReceipt;
}

/** Why a text is not a QR bundle; `syntax` is the text itself (prefix, base45), `content` what it decodes to. */
export type QrBundleProblem = 'syntax' | 'version' | 'content';

export class QrBundleError extends Error {
  constructor(
    readonly problem: QrBundleProblem,
    message: string,
  ) {
    super(message);
  }
}
