import type { KeyObject } from 'node:crypto';
import { createAgent, type IDIDManager, type IIdentifier, type IKeyManager, type TAgent } from '@veramo/core';
import { DIDManager } from '@veramo/did-manager';
import { KeyDIDProvider } from '@veramo/did-provider-key';
import { KeyManager } from '@veramo/key-manager';
import { KeyManagementSystem } from '@veramo/kms-local';
import { Wallet } from 'ethers';
import { ed25519PrivateKey } from '../core/ed25519.ts';
import { type JoseSigner, nodeJoseSigner } from '../core/jose/signer.ts';
import type { SecretBox } from '../core/secret-box.ts';
import type { IssuerDb } from './db-schema.ts';
import { getSetting, putSetting } from './settings.ts';
import { KyselyDIDStore, KyselyKeyStore, SealedPrivateKeyStore } from './veramo-stores.ts';

export type IssuerAgent = TAgent<IKeyManager & IDIDManager>;

/** The institution as it signs credentials: its DID, the JWS key id and signers. */
export interface SigningIdentity {
  did: string;
  kid: string;
  /** Signs the credentials, whatever their format. */
  joseSigner: JoseSigner;
  /** The private key itself, kept in memory only: handed within the process to the signing threads (issuer/signing-pool/). */
  privateKey?: KeyObject;
}

/** The signing identity in use and the institution's ledger key. */
export interface InstitutionIdentity extends SigningIdentity {
  ledgerWallet: Wallet;
}

const INSTITUTION_ALIAS = 'institution';
const SIGNING_DID_KIND = { provider: 'did:key', kms: 'local', options: { keyType: 'Ed25519' } };
/** The DID credentials are signed with, once a signing-key rotation replaced the first one. */
export const SIGNING_DID_SETTING = 'signing_did';
/** The DID a signing-key rotation is moving to, until it completes. */
export const NEXT_SIGNING_DID_SETTING = 'signing_did_next';
export const LEDGER_KEY_SETTING = 'ledger_key_kid';
export const NEXT_LEDGER_KEY_SETTING = 'ledger_key_next_kid';

export function createIssuerAgent(db: IssuerDb, box: SecretBox): IssuerAgent {
  const keyStore = new KyselyKeyStore(db);
  return createAgent<IKeyManager & IDIDManager>({
    plugins: [
      new KeyManager({ store: keyStore, kms: { local: new KeyManagementSystem(new SealedPrivateKeyStore(db, box)) } }),
      new DIDManager({
        store: new KyselyDIDStore(db, keyStore),
        defaultProvider: 'did:key',
        providers: { 'did:key': new KeyDIDProvider({ defaultKms: 'local' }) },
      }),
    ],
  });
}

/**
 * Loads the institution's identity, creating it on first start: an Ed25519 did:key for signing
 * credentials and a secp256k1 key for ledger transactions, both kept sealed in the key store.
 * After a signing-key rotation the DID recorded as the signing DID is used.
 */
export async function loadInstitutionIdentity(
  agent: IssuerAgent,
  db: IssuerDb,
  box: SecretBox,
): Promise<InstitutionIdentity> {
  const rotatedTo = await getSetting(db, SIGNING_DID_SETTING);
  const identifier = rotatedTo
    ? await agent.didManagerGet({ did: rotatedTo })
    : await agent.didManagerGetOrCreate({ alias: INSTITUTION_ALIAS, ...SIGNING_DID_KIND });
  return {
    ...(await signingIdentity(identifier, db, box)),
    ledgerWallet: await ledgerWallet(agent, db, box, LEDGER_KEY_SETTING),
  };
}

/** Creates a new Ed25519 did:key for signing, its private key sealed in the key store. */
export function createSigningDid(agent: IssuerAgent, alias: string): Promise<IIdentifier> {
  return agent.didManagerCreate({ alias, ...SIGNING_DID_KIND });
}

/** Signers for a did:key the issuer holds, from its sealed private key. */
export async function signingIdentity(identifier: IIdentifier, db: IssuerDb, box: SecretBox): Promise<SigningIdentity> {
  const signingKey = identifier.keys[0];
  if (signingKey?.type !== 'Ed25519') throw new Error(`the signing DID ${identifier.did} has no Ed25519 key`);
  const signingSecret = Buffer.from(
    (await new SealedPrivateKeyStore(db, box).getKey({ alias: signingKey.kid })).privateKeyHex,
    'hex',
  );
  const kid = `${identifier.did}#${identifier.did.slice('did:key:'.length)}`;
  const privateKey = ed25519PrivateKey(signingSecret.subarray(0, 32));
  return { did: identifier.did, kid, joseSigner: nodeJoseSigner(privateKey, kid), privateKey };
}

/**
 * The ledger key recorded under `setting` (the current one, or the next one during a rotation),
 * created and recorded when there is none yet.
 */
export async function ledgerWallet(agent: IssuerAgent, db: IssuerDb, box: SecretBox, setting: string): Promise<Wallet> {
  let kid = await getSetting(db, setting);
  if (!kid) {
    kid = (await agent.keyManagerCreate({ kms: 'local', type: 'Secp256k1' })).kid;
    await putSetting(db, setting, kid);
  }
  return new Wallet(`0x${(await new SealedPrivateKeyStore(db, box).getKey({ alias: kid })).privateKeyHex}`);
}
