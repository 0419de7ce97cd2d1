/** The key of the document Info dictionary that carries the credential's QR text. */
export const INFO_KEY = 'SkillmarkCredential';

/**
 * How a reader finds the QR text in a certificate's bytes without rendering it (the verifier page
 * reads an uploaded PDF so): a literal string, uncompressed, straight after the key.
 */
export const QR_TEXT_IN_PDF = /SkillmarkCredential\s*\((SM\d+:[0-9A-Z $%*+\-./:]+)\)/;

/**
 * Puts the QR text in the document Info dictionary as a direct literal string. pdfkit writes each
 * entry of `doc.info` as an indirect object (`/Key 12 0 R`), which a reader could not match in
 * the bytes; so the entry is added to the Info dictionary's own object when pdfkit creates it at
 * `end()`. pdfkit compresses streams only and writes no object streams, so the string stays as is.
 */
export function embedQrText(doc: PDFKit.PDFDocument, qrText: string): void {
  if (!QR_TEXT_IN_PDF.test(`${INFO_KEY}(${qrText})`))
    throw new Error('a QR text has the SM prefix and base45 characters only');
  let info: { data: Record<string, unknown> } | undefined;
  Object.defineProperty(doc, '_info', {
    configurable: true,
    get: () => info,
    set(reference: { data: Record<string, unknown> }) {
      info = reference;
      // A String object is what pdfkit writes as a PDF literal string (a primitive becomes a /Name).
      reference.data[INFO_KEY] = new String(qrText);
    },
  });
}
