import { createVerifiablePresentationJwt } from 'did-jwt-vc';
import { ed25519JwtSigner, ed25519PrivateKey } from '../core/ed25519.ts';
import { envelopedCredential, readCredentialToken } from '../core/formats/index.ts';
import { signVpJose } from '../core/formats/vc-jose-2.0/sign.ts';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import type { AnchorReceipt } from '../core/receipt.ts';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '../core/vc-contexts.ts';
import { WalletError } from './wallet-error.ts';
import { t } from './words.ts';

export interface Holder {
  did: string;
  seed: Buffer;
}

type Presented = { credential: string; anchorReceipt?: AnchorReceipt };

/** VC 2.0 credentials secured with JOSE go in a VC 2.0 presentation; every other in a VC 1.1 one. */
const isVcJose20 = (c: Presented) => {
  const read = readCredentialToken(c.credential);
  return read.ok && read.value.format === 'vc-jose-2.0';
};

/**
 * The holder's presentation of `credentials`, signed by their did:key, answering the verifier's
 * `challenge` (nonce) for its `domain` (aud); the anchor receipts ride along so the verifier needs
 * nothing from the issuer. Its data model is the credentials': VC 2.0 credentials in a VC 2.0
 * presentation (`vp+jwt`, each an EnvelopedVerifiableCredential), VC 1.1 ones in a VC-JWT 1.1
 * presentation, so that other verifiers (jose, did-jwt-vc, Veramo) read it too. Credentials of
 * both data models are presented separately: no presentation can be read by both kinds.
 */
export async function signPresentation(
  holder: Holder,
  credentials: readonly Presented[],
  challenge: string,
  domain?: string,
): Promise<string> {
  const v20 = credentials.filter(isVcJose20);
  if (v20.length > 0 && v20.length < credentials.length) throw new WalletError(t('present_mixed_data_models'));
  const kid = `${holder.did}#${holder.did.slice('did:key:'.length)}`;
  const anchorReceipts = credentials.flatMap((c) => (c.anchorReceipt ? [c.anchorReceipt] : []));
  if (v20.length > 0)
    return signVpJose(
      {
        '@context': [VC_V2_CONTEXT],
        type: ['VerifiablePresentation'],
        holder: holder.did,
        verifiableCredential: credentials.map((c) => envelopedCredential(c.credential)),
        anchorReceipts,
        nonce: challenge,
        ...(domain ? { aud: domain } : {}),
        iat: Math.floor(Date.now() / 1000),
      },
      nodeJoseSigner(ed25519PrivateKey(holder.seed), kid),
    );
  return createVerifiablePresentationJwt(
    {
      vp: {
        '@context': [VC_V1_CONTEXT],
        type: ['VerifiablePresentation'],
        verifiableCredential: credentials.map((c) => c.credential),
        anchorReceipts,
      },
    },
    { did: holder.did, signer: ed25519JwtSigner(holder.seed), alg: 'EdDSA' },
    { challenge, ...(domain ? { domain } : {}), header: { alg: 'EdDSA', kid } },
  );
}
