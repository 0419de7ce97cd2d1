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
 * The SD-JWT VC `credential` (as issued, every disclosure in it) with the disclosures of `choice`
 * only; with `keyBinding`, followed by a key-binding JWT signed by the holder's key (the one the
 * credential's `cnf` names) over the verifier's challenge and audience. Without, it is a
 * credential to hand over (a shared file), which proves nothing about who hands it over.
 */
export async function presentSdJwtVc(
  credential: string,
  choice: DisclosureChoice,
  keyBinding?: KeyBinding & { holder: JoseSigner },
): Promise<string> {
  const holder = keyBinding?.holder;
  const sdJwt = new SDJwtVcInstance({
    hasher: digest,
    ...(holder
      ? {
          kbSignAlg: holder.alg,
          kbSigner: async (data: string) =>
            Buffer.from(await holder.sign(Buffer.from(data, 'ascii'))).toString('base64url'),
        }
      : {}),
  });
  return sdJwt.present(
    credential,
    presentationFrameOf(choice) as never,
    keyBinding
      ? {
          kb: {
            payload: {
              iat: keyBinding.iat,
              aud: keyBinding.aud,
              nonce: keyBinding.nonce,
              ...(keyBinding.anchorReceipts?.length ? { anchorReceipts: keyBinding.anchorReceipts } : {}),
            } as never,
          },
        }
      : undefined,
  );
}
