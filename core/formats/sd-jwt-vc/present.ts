import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import type { JoseSigner } from '../../jose/signer.ts';
import { type DisclosureChoice, presentationFrameOf } from './disclosable.ts';

export interface KeyBinding {
  /** The verifier's challenge. */
  nonce: string;
  /** The verifier it is for (its domain). */
  aud: string;
  /** When it is made, in seconds since the epoch. */
  iat: number;
  /** Skillmark's anchor receipts, carried in the key-binding JWT so the verifier needs nothing else. */
  anchorReceipts?: readonly unknown[];
}

/**
 * The SD-JWT VC `credential` (as issued, every disclosure in it) presented with the disclosures
 * of `choice` only, and a key-binding JWT signed by the holder's key (the one the credential's
 * `cnf` names) over the verifier's challenge and audience.
 */
export async function presentSdJwtVc(
  credential: string,
  choice: DisclosureChoice,
  holder: JoseSigner,
  binding: KeyBinding,
): Promise<string> {
  const sdJwt = new SDJwtVcInstance({
    hasher: digest,
    kbSignAlg: holder.alg,
    kbSigner: async (data) => Buffer.from(await holder.sign(Buffer.from(data, 'ascii'))).toString('base64url'),
  });
  return sdJwt.present(credential, presentationFrameOf(choice) as never, {
    kb: {
      payload: {
        iat: binding.iat,
        aud: binding.aud,
        nonce: binding.nonce,
        ...(binding.anchorReceipts?.length ? { anchorReceipts: binding.anchorReceipts } : {}),
      } as never,
    },
  });
}
