import QRCode from 'qrcode';

/** Error correction M, a 4-module white border: what phones read best for the size (docs/qr.md). */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** The QR code as a PNG a learner saves and shows: 6 px modules keep a dense code readable on a phone screen. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...QR_OPTIONS, type: 'png', scale: 6 });
}

/** The QR code as SVG, drawn in the page itself (it scales without blurring). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...QR_OPTIONS, type: 'svg' });
}
