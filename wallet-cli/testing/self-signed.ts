/**
 * Credentials anyone can make, as an attacker would: signed by a fresh did:key of their own, about
 * the victim's DID, with a receipt whose "batch" is the credential alone (root = leaf, no proof).
 * Every check a wallet can make offline passes; only the ledger would tell.
 */
import { randomBytes } from 'node:crypto';
import { createVerifiableCredentialJwt } from 'did-jwt-vc';
import { credentialHash } from '../../core/credential-hash.ts';
import { didKeyOfEd25519, ed25519JwtSigner, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { leafOf, sha256 } from '../../core/merkle.ts';
import { QUALIFICATION_SCHEMA_ID } from '../../core/schemas.ts';
import { VC_V1_CONTEXT } from '../../core/vc-contexts.ts';

export interface Bundle {
  type: 'SkillmarkCredentialBundle';
  credential: string;
  anchorReceipt: Record<string, unknown>;
}

/** A qualification that matches the schema. */
export const VALID_QUALIFICATION = {
  title: 'Certificate in Welding',
  awardedOn: '2026-05-01',
  competencies: [{ title: 'Weld steel plate' }],
};

export async function selfSignedBundle(
  subjectDid: string,
  vc: { type?: string[]; credentialSubject?: Record<string, unknown>; schema?: boolean; expires?: string } = {},
): Promise<Bundle> {
  const seed = randomBytes(32);
  const did = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
  const credential = await createVerifiableCredentialJwt(
    {
      sub: subjectDid,
      nbf: Math.floor(Date.parse('2026-05-01T00:00:00Z') / 1000),
      ...(vc.expires ? { exp: Math.floor(Date.parse(vc.expires) / 1000) } : {}),
      vc: {
        '@context': [VC_V1_CONTEXT],
        type: vc.type ?? ['VerifiableCredential', 'QualificationCredential'],
        credentialSubject: vc.credentialSubject ?? { name: 'Amina Yusuf', qualification: VALID_QUALIFICATION },
        ...(vc.schema === false ? {} : { credentialSchema: { id: QUALIFICATION_SCHEMA_ID, type: 'JsonSchema' } }),
      },
    },
    { did, signer: ed25519JwtSigner(seed), alg: 'EdDSA' },
    { header: { alg: 'EdDSA', kid: `${did}#${did.slice('did:key:'.length)}` } },
  );
  const hash = credentialHash(credential);
  return {
    type: 'SkillmarkCredentialBundle',
    credential,
    anchorReceipt: {
      type: 'SkillmarkAnchorReceipt',
      credentialHash: hash,
      hashAlgorithm: 'sha256',
      merkleRoot: `0x${leafOf(Buffer.from(hash.slice(2), 'hex'), sha256).toString('hex')}`,
      proof: [],
      chainId: 31337,
      registry: `0x${'11'.repeat(20)}`,
      transactionHash: `0x${'22'.repeat(32)}`,
      blockNumber: 1,
      anchoredAt: '2026-05-01T00:00:00.000Z',
    },
  };
}

/** A bundle as a wallet file stores it (the item of `credentials`), with its last check if given. */
export const storedItemOf = (bundle: Bundle, lastCheck?: unknown) => ({
  id: String(bundle.anchorReceipt.credentialHash).slice(2, 10),
  credentialHash: bundle.anchorReceipt.credentialHash,
  credential: bundle.credential,
  anchorReceipt: bundle.anchorReceipt,
  receivedAt: '2026-05-02T00:00:00.000Z',
  source: 'file',
  ...(lastCheck ? { lastCheck } : {}),
});
