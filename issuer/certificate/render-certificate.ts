import PDFDocument from 'pdfkit';
import { type CertificateWords, certificateWords, fillPlaceholders } from '../../core/messages/index.ts';
import type { CertificateContent } from './certificate-content.ts';
import { layFitted, layText, type TextStyle } from './draw-text.ts';
import { embedQrText } from './embedded-credential.ts';
import { certificateFonts } from './fonts.ts';
import { drawQrCode, POINTS_PER_MM, qrCodeLayout, qrCodeOf } from './qr-code-drawing.ts';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 20 * POINTS_PER_MM;
const INK = '#1f3b57';
const GREY = '#4a4a4a';

const styles = {
  institution: { size: 18, weight: 'bold', color: INK, align: 'center' },
  kicker: { size: 11, color: GREY, align: 'center' },
  learner: { size: 26, weight: 'bold', align: 'center' },
  qualification: { size: 18, weight: 'bold', color: INK, align: 'center' },
  detail: { size: 11, color: GREY, align: 'center' },
  heading: { size: 12, weight: 'bold', color: INK, align: 'start' },
  competency: { size: 10.5, align: 'start' },
  checkHeading: { size: 11, weight: 'bold', color: INK, align: 'start' },
  small: { size: 9.5, color: GREY, align: 'start' },
  claimCode: { size: 14, weight: 'bold', align: 'start' },
  address: { size: 8, color: GREY, align: 'start' },
} as const satisfies Record<string, TextStyle>;

/** A PDF document with the certificate fonts, its Info dictionary holding `info`. */
export function certificateDocument(info: PDFKit.DocumentInfo): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { ...info, Creator: 'Skillmark' } });
  for (const { name, font } of certificateFonts()) doc.registerFont(name, font as unknown as Buffer);
  return doc;
}

/** The bytes of a document, once it has ended. */
function bytesOf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * The printed certificate: one A4 page (competencies that do not fit go on to the next), its
 * texts in whatever script they are written, and the credential's QR code drawn as vectors near
 * the foot of the first page, with the QR text also in the document's Info dictionary.
 */
export function renderCertificate(content: CertificateContent): Promise<Buffer> {
  const doc = certificateDocument({
    Title: `${content.qualification} - ${content.learner}`,
    Author: content.institution,
    Subject: 'Skillmark certificate',
  });
  const bytes = bytesOf(doc);
  embedQrText(doc, content.qrText);
  drawCertificate(doc, content);
  doc.end();
  return bytes;
}

/** A new blank page, as each certificate's first page and its continuations are. */
export function addCertificatePage(doc: PDFKit.PDFDocument): void {
  doc.addPage({ size: 'A4', margin: 0 });
}

/** Draws one certificate from the current page on (a fresh page: the document's first, or one just added). */
export function drawCertificate(doc: PDFKit.PDFDocument, content: CertificateContent): void {
  const width = A4.width - 2 * MARGIN;
  const w = certificateWords(content.language ?? 'en');
  drawFrame(doc);
  const footTop = drawFoot(doc, content, w);

  let y = 34 * POINTS_PER_MM;
  let limit = footTop - 14;
  const put = (text: string, style: TextStyle, gapBefore = 0, maxLines = 3) => {
    const laid = layFitted(doc, text, width, style, maxLines);
    laid.draw(MARGIN, y + gapBefore);
    y += gapBefore + laid.height;
  };
  put(content.institution, styles.institution, 0, 2);
  put(w.kicker, styles.kicker, 2);
  put(w.certifies, styles.kicker, 26);
  put(content.learner, styles.learner, 4, 2);
  put(w.awarded, styles.kicker, 4);
  put(content.qualification, styles.qualification, 4);
  const details = [
    content.level && fillPlaceholders(w.level, { level: content.level }),
    content.occupation && fillPlaceholders(w.occupation, { occupation: content.occupation }),
    fillPlaceholders(w.awardedOn, { date: content.awardedOn }),
  ].filter((line): line is string => Boolean(line));
  for (const [i, line] of details.entries()) put(line, styles.detail, i === 0 ? 10 : 0);

  if (content.competencies.length > 0) {
    y += 16;
    const heading = (text: string) => put(text, styles.heading);
    heading(w.competencies);
    const bullet = 12;
    for (const competency of content.competencies) {
      const laid = layText(doc, competency, width - bullet, styles.competency);
      if (y + laid.height > limit) {
        addCertificatePage(doc);
        drawFrame(doc);
        y = MARGIN + 10;
        limit = A4.height - MARGIN - 10;
        heading(w.competenciesContinued);
      }
      const rtl = laid.lines[0]?.rtl ?? false;
      laid.draw(rtl ? MARGIN : MARGIN + bullet, y);
      const mark = layText(doc, '•', bullet, { ...styles.competency, align: 'center' });
      mark.draw(rtl ? MARGIN + width - bullet : MARGIN, y);
      y += laid.height;
    }
  }
}

function drawFrame(doc: PDFKit.PDFDocument): void {
  const outer = 12 * POINTS_PER_MM;
  const inner = 13.5 * POINTS_PER_MM;
  doc.save().lineWidth(1.2).strokeColor(INK);
  doc.rect(outer, outer, A4.width - 2 * outer, A4.height - 2 * outer).stroke();
  doc
    .lineWidth(0.4)
    .rect(inner, inner, A4.width - 2 * inner, A4.height - 2 * inner)
    .stroke();
  doc.restore();
}

/**
 * The foot of the first page: the QR code at the left margin, well inside the page (so a printer's
 * unprintable border or a 96 % scale cannot clip it), and beside it how to check the certificate
 * and, on the institution's copy, the claim code. Returns where the foot begins.
 */
function drawFoot(doc: PDFKit.PDFDocument, content: CertificateContent, w: CertificateWords): number {
  const code = qrCodeOf(content.qrText);
  const side = qrCodeLayout(code).side;
  const top = A4.height - MARGIN - side;
  drawQrCode(doc, code, MARGIN, top);
  const x = MARGIN + side + 6 * POINTS_PER_MM;
  const width = A4.width - MARGIN - x;
  let y = top + 4 * POINTS_PER_MM;
  const put = (text: string, style: TextStyle, gapBefore = 0) => {
    const laid = layText(doc, text, width, style);
    laid.draw(x, y + gapBefore);
    y += gapBefore + laid.height;
  };
  put(w.checkHeading, styles.checkHeading);
  put(content.verifierUrl ? fillPlaceholders(w.checkAt, { url: content.verifierUrl }) : w.check, styles.small);
  put(fillPlaceholders(w.credential, { shortId: content.shortId }), styles.small, 4);
  if (content.claim) {
    put(w.claimHeading, styles.checkHeading, 14);
    put(content.claim.code, styles.claimCode, 2);
    put(content.claim.url, styles.address);
    put(w.claimPrivate, styles.small, 4);
  }
  return top;
}
