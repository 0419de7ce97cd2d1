/** The printed certificate of a credential (docs/certificate.md). */
export {
  ANCHORING_RETRY_SECONDS,
  type CertificateSources,
  claimOnCertificate,
  institutionCertificate,
  learnerCertificate,
} from './certificate-answers.ts';
export { type CertificateContent, certificateContentOf } from './certificate-content.ts';
export { INFO_KEY, QR_TEXT_IN_PDF } from './embedded-credential.ts';
export { addCertificatePage, certificateDocument, drawCertificate, renderCertificate } from './render-certificate.ts';
