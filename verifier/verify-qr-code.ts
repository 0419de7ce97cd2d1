import { HttpProblem } from '../core/http-problem.ts';
import { decodeQrBundle, QrBundleError, VERSIONED_PREFIX } from '../core/qr-bundle/index.ts';
import { fragment, verdictOf } from './fragment.ts';
import { type CredentialResult, type VerifierContext, verifyCredentialToken } from './verify-credential.ts';

/** Whether a credential given as a string is the text of a Skillmark QR code rather than a token. */
export const isQrCodeText = (input: string): boolean => VERSIONED_PREFIX.test(input);

/**
 * Verifies the credential a QR code carries with the receipt it carries. A QR code holds no live
 * challenge, so the answer says the holder was not checked; that never decides the verdict.
 * Text that does not decode is refused with a 400 saying why.
 */
export async function verifyQrCodeText(text: string, ctx: VerifierContext): Promise<CredentialResult> {
  let bundle: ReturnType<typeof decodeQrBundle>;
  try {
    bundle = decodeQrBundle(text);
  } catch (error) {
    if (!(error instanceof QrBundleError)) throw error;
    const title = error.problem === 'version' ? 'Unsupported QR code version' : 'Malformed QR code';
    throw new HttpProblem(400, title, `"verifiableCredential": ${error.message}.`);
  }
  const result = await verifyCredentialToken(bundle.credential, bundle.anchorReceipt, ctx);
  const checks = [...result.checks, fragment('holder', 'skipped', 'holder_not_checked')];
  return { ...result, checks, verdict: verdictOf(checks) };
}
