import QRCode from 'qrcode';

export const POINTS_PER_MM = 72 / 25.4;
/** The white frame every QR code needs around it, in modules (ISO/IEC 18004). */
export const QUIET_ZONE_MODULES = 4;
/** Smallest module printed: still at least 0.38 mm when a viewer prints the page at 96 %. */
export const MIN_MODULE_MM = 0.4;
/** The side a code is given on the page, quiet zone included, unless 0.4 mm modules need more. */
export const TARGET_SIDE_MM = 70;

export interface QrCodeLayout {
  /** Modules per side, without the quiet zone (21 for version 1 … 177 for version 40). */
  modules: number;
  version: number;
  moduleMm: number;
  /** The printed side, quiet zone included, in points. */
  side: number;
}

/** The QR code of a text at error correction M, as everywhere else in Skillmark (docs/qr.md). */
export const qrCodeOf = (text: string): QRCode.QRCode => QRCode.create(text, { errorCorrectionLevel: 'M' });

/** How large a code is printed: as large as TARGET_SIDE_MM allows, never under MIN_MODULE_MM. */
export function qrCodeLayout(code: QRCode.QRCode): QrCodeLayout {
  const modules = code.modules.size;
  const moduleMm = Math.max(MIN_MODULE_MM, TARGET_SIDE_MM / (modules + 2 * QUIET_ZONE_MODULES));
  return {
    modules,
    version: code.version,
    moduleMm,
    side: moduleMm * (modules + 2 * QUIET_ZONE_MODULES) * POINTS_PER_MM,
  };
}

/**
 * Draws a QR code as vectors at (x, y): a white square (the quiet zone, painted so a
 * viewer's dark mode or a tinted paper does not eat it) and one black rectangle per horizontal
 * run of dark modules, all filled at once.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, code: QRCode.QRCode, x: number, y: number): QrCodeLayout {
  const layout = qrCodeLayout(code);
  const { modules } = code;
  const unit = layout.moduleMm * POINTS_PER_MM;
  const origin = { x: x + QUIET_ZONE_MODULES * unit, y: y + QUIET_ZONE_MODULES * unit };
  doc.save();
  doc.rect(x, y, layout.side, layout.side).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const from = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(origin.x + from * unit, origin.y + row * unit, (col - from) * unit, unit);
    }
  }
  doc.fill('#000000');
  doc.restore();
  return layout;
}
