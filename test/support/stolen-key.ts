import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createVerifiableCredentialJwt, type JwtCredentialPayload } from 'did-jwt-vc';
import type { Registry } from '../../contracts/registry.ts';
import { credentialHash } from '../../core/credential-hash.ts';
import { openDatabase } from '../../core/db.ts';
import { leafOf, rootFromProof, sha256 } from '../../core/merkle.ts';
import type { AnchorReceipt } from '../../core/receipt.ts';
import { loadMasterKey } from '../../core/secret-box.ts';
import { type IssuerTables, issuerMigrations } from '../../issuer/db-schema.ts';
import { createIssuerAgent, type SigningIdentity, signingIdentity } from '../../issuer/identity.ts';

/** What an attacker does with a leaked signing key, for the signing-key compromise tests. */

/** The leak: a signing DID's private key, read from an issuer's data dir with its master key file. */
export async function stealSigningKey(dataDir: string, did: string): Promise<SigningIdentity> {
  const { db } = await openDatabase<IssuerTables>({ dataDir, name: 'issuer', migrations: issuerMigrations });
  try {
    const box = loadMasterKey(join(dataDir, 'issuer-master.key'), undefined);
    return await signingIdentity(await createIssuerAgent(db, box).didManagerGet({ did }), db, box);
  } finally {
    await db.destroy();
  }
}

/** A genuine VC-JWT with another learner's name, signed with the stolen key. */
export async function forge(genuineJwt: string, stolen: SigningIdentity): Promise<string> {
  const payload = JSON.parse(Buffer.from(genuineJwt.split('.')[1]!, 'base64url').toString()) as JwtCredentialPayload & {
    jti: string;
  };
  payload.vc.credentialSubject = {
    ...payload.vc.credentialSubject,
    name: 'Mallory Impostor',
    learnerReference: 'forged',
  };
  payload.jti = `urn:uuid:${randomUUID()}`;
  return createVerifiableCredentialJwt(
    payload,
    {
      did: stolen.did,
      signer: async (data) => Buffer.from(await stolen.joseSigner.sign(Buffer.from(data))).toString('base64url'),
      alg: 'EdDSA',
    },
    { header: { alg: 'EdDSA', kid: stolen.kid } },
  );
}

/** Anchors `credential` as a batch of one with `registry`'s signer; returns its receipt (other fields from `like`). */
export async function anchorAlone(registry: Registry, credential: string, like: AnchorReceipt): Promise<AnchorReceipt> {
  const hash = credentialHash(credential);
  const merkleRoot = `0x${rootFromProof(leafOf(Buffer.from(hash.slice(2), 'hex'), sha256), [], sha256).toString('hex')}`;
  const mined = await (await registry.contract.getFunction('anchor')(merkleRoot, 1)).wait();
  const block = await registry.contract.runner!.provider!.getBlock(mined.blockNumber);
  return {
    ...like,
    credentialHash: hash,
    merkleRoot,
    proof: [],
    transactionHash: mined.hash,
    blockNumber: mined.blockNumber,
    anchoredAt: new Date(block!.timestamp * 1000).toISOString(),
  };
}
