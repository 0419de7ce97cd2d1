import type { Context } from 'hono';
import { printedClaimCode } from '../../core/claim-code-text.ts';
import { HttpProblem, RetryLaterProblem } from '../../core/http-problem.ts';
import { shortIdOf } from '../../core/short-id.ts';
import type { ClaimCodes } from '../claim-codes.ts';
import type { CredentialBundle, CredentialService } from '../credentials.ts';
import { inQrCode } from '../qr-code.ts';
import { certificateContentOf } from './certificate-content.ts';
import { RenderedCertificates } from './rendered-certificates.ts';

/** What the certificate routes read: the issuer's credentials and claim codes, and its names. */
export interface CertificateSources {
  credentials: Pick<CredentialService, 'get' | 'claim'>;
  claimCodes: Pick<ClaimCodes, 'check'>;
  /** The institution's name on its registry. */
  institution: string;
  /** ISSUER_PUBLIC_URL: the base of the claim URL printed with the claim code. */
  publicUrl: string;
  /** Where to check a certificate, when the issuer knows a verifier's address. */
  verifierUrl?: string;
}

const rendered = new RenderedCertificates();

/** Seconds to wait before asking again for a credential that is waiting to be anchored. */
export const ANCHORING_RETRY_SECONDS = 5;

/** A claim code as the institution's copy prints it: as handed out (five groups of four), with its URL. */
export function claimOnCertificate(code: string, publicUrl: string): { code: string; url: string } {
  const printed = printedClaimCode(code);
  return { code: printed, url: `${publicUrl}/claims/${printed}` };
}

/** The PDF as an answer: shown in the browser, saved under a name that says what it is, never cached. */
function pdfAnswer(c: Context, pdf: Buffer, name: string): Response {
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="skillmark-certificate-${name}.pdf"`,
    // It holds a person's name and, on the institution's copy, the claim code.
    'cache-control': 'no-store',
  });
}

const noQrCode = (credential: string) =>
  inQrCode(credential)
    ? new HttpProblem(
        409,
        'No QR code holds this credential',
        'This credential is too large for one QR code, so it cannot be printed as a certificate that verifies.',
      )
    : new HttpProblem(
        409,
        'No certificate for a credential shown detail by detail',
        'This credential lets the learner choose what each employer sees (SD-JWT VC): no certificate is printed, since its QR code would show every detail to whoever holds the paper (docs/privacy.md).',
      );

/**
 * The institution's copy of a credential's certificate, with the claim code when the institution
 * gives the current one (only its hash is kept, so the issuer cannot print it unasked). A
 * certificate is printed only with its QR code: never for a credential not anchored yet (409,
 * `Retry-After`) nor for a revoked one.
 */
export async function institutionCertificate(
  c: Context,
  sources: CertificateSources,
  credentialId: string,
  claimCode: string | undefined,
  /** The language of the printed words (core/messages/). */
  language: string,
): Promise<Response> {
  const record = await sources.credentials.get(credentialId);
  if (record.status === 'revoked')
    throw new HttpProblem(
      409,
      'Credential revoked',
      'This credential was revoked: no certificate is printed for it, since it would not verify.',
    );
  if (!record.qr) {
    if (!record.anchorReceipt && inQrCode(record.credential)) {
      throw new RetryLaterProblem(
        409,
        'Not anchored yet',
        'The credential is signed and waiting to be anchored on the ledger; its certificate can be printed in a few seconds.',
        ANCHORING_RETRY_SECONDS,
      );
    }
    throw noQrCode(record.credential);
  }
  let claim: { code: string; url: string } | undefined;
  if (claimCode !== undefined) {
    const collected =
      (await sources.claimCodes.check(claimCode)) === 'current'
        ? await sources.credentials.claim(claimCode)
        : undefined;
    if (collected?.state !== 'ready' || collected.bundle.credential !== record.credential)
      throw new HttpProblem(
        422,
        'Not the current claim code',
        `"claimCode" is not the current, unexpired claim code of credential ${credentialId}: give the code handed out last (POST /credentials/${credentialId}/claim hands out a new one), or leave it out to print the certificate without it.`,
      );
    claim = claimOnCertificate(claimCode, sources.publicUrl);
  }
  const content = certificateContentOf(record.credential, {
    institution: sources.institution,
    shortId: record.shortId,
    qrText: record.qr,
    ...(claim ? { claim } : {}),
    ...(sources.verifierUrl ? { verifierUrl: sources.verifierUrl } : {}),
    language,
  });
  return pdfAnswer(c, await rendered.get(content), content.shortId);
}

/** The learner's copy, from the bundle their claim code collects (the claim route's rules decided it may be). */
export async function learnerCertificate(
  c: Context,
  sources: CertificateSources,
  bundle: CredentialBundle,
  language: string,
): Promise<Response> {
  if (!bundle.qr) throw noQrCode(bundle.credential);
  const content = certificateContentOf(bundle.credential, {
    institution: sources.institution,
    shortId: shortIdOf(bundle.anchorReceipt.credentialHash),
    qrText: bundle.qr,
    ...(sources.verifierUrl ? { verifierUrl: sources.verifierUrl } : {}),
    language,
  });
  return pdfAnswer(c, await rendered.get(content), content.shortId);
}
