import { type CredentialPayload, createVerifiableCredentialJwt } from 'did-jwt-vc';
import type { JoseSigner } from '../../jose/signer.ts';

/**
 * The credential as did-jwt-vc takes it. An issuer object stays whole in `vc.issuer` (its id also
 * becomes `iss`), as VC-JWT 1.1 has it: given the object itself, did-jwt-vc would move its name and
 * description out of `vc` into a top-level claim.
 */
function vcJwtInput(credential: Record<string, unknown>): CredentialPayload {
  const { issuer } = credential;
  const payload =
    typeof issuer === 'object' && issuer !== null
      ? { ...credential, issuer: (issuer as { id: string }).id, vc: { issuer } }
      : credential;
  return payload as unknown as CredentialPayload;
}

/** Signs a VC Data Model 1.1 credential as a VC-JWT (did-jwt-vc maps it to the JWT claims). */
export function signVcJwt(credential: Record<string, unknown>, issuerDid: string, signer: JoseSigner): Promise<string> {
  // did-jwt's signer returns the signature base64url-encoded.
  const jwtSigner = async (data: string | Uint8Array) =>
    Buffer.from(await signer.sign(typeof data === 'string' ? Buffer.from(data) : data)).toString('base64url');
  return createVerifiableCredentialJwt(
    vcJwtInput(credential),
    { did: issuerDid, signer: jwtSigner, alg: signer.alg },
    { header: { alg: signer.alg, kid: signer.kid } },
  );
}
