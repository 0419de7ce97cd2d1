import { createVerifiablePresentationJwt } from 'did-jwt-vc';
import { ed25519JwtSigner } from '../core/ed25519.ts';
import type { AnchorReceipt } from '../core/receipt.ts';
import { VC_V1_CONTEXT } from '../core/vc-contexts.ts';

export interface Holder {
  did: string;
  seed: Buffer;
}

/**
 * A VP-JWT signed by the holder's did:key, answering the verifier's `challenge` (nonce) for its
 * `domain` (aud). The anchor receipts ride along so the verifier needs nothing from the issuer.
 */
export function signPresentation(
  holder: Holder,
  credentials: readonly { credential: string; anchorReceipt?: AnchorReceipt }[],
  challenge: string,
  domain?: string,
): Promise<string> {
  const kid = `${holder.did}#${holder.did.slice('did:key:'.length)}`;
  return createVerifiablePresentationJwt(
    {
      vp: {
        '@context': [VC_V1_CONTEXT],
        type: ['VerifiablePresentation'],
        verifiableCredential: credentials.map((c) => c.credential),
        anchorReceipts: credentials.flatMap((c) => (c.anchorReceipt ? [c.anchorReceipt] : [])),
      },
    },
    { did: holder.did, signer: ed25519JwtSigner(holder.seed), alg: 'EdDSA' },
    { challenge, ...(domain ? { domain } : {}), header: { alg: 'EdDSA', kid } },
  );
}
