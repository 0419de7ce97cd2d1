import { randomUUID } from 'node:crypto';
import type { IIdentifier, IKey, ManagedKeyInfo, TKeyType } from '@veramo/core-types';
import { AbstractDIDStore } from '@veramo/did-manager';
import {
  AbstractKeyStore,
  AbstractPrivateKeyStore,
  type ImportablePrivateKey,
  type ManagedPrivateKey,
} from '@veramo/key-manager';
import type { SecretBox } from '../core/secret-box.ts';
import type { IssuerDb, IssuerTables } from './db-schema.ts';

/** Veramo's key metadata store on kysely (public parts only). */
export class KyselyKeyStore extends AbstractKeyStore {
  constructor(private readonly db: IssuerDb) {
    super();
  }

  async importKey(key: Partial<IKey>): Promise<boolean> {
    if (!key.kid || !key.kms || !key.type || !key.publicKeyHex)
      throw new Error('key store: kid, kms, type and publicKeyHex are required');
    const row = {
      kid: key.kid,
      kms: key.kms,
      type: key.type,
      public_key_hex: key.publicKeyHex,
      meta: key.meta ? JSON.stringify(key.meta) : null,
    };
    await this.db
      .insertInto('keys')
      .values(row)
      .onConflict((oc) => oc.column('kid').doUpdateSet(row))
      .execute();
    return true;
  }

  async getKey({ kid }: { kid: string }): Promise<IKey> {
    const row = await this.db.selectFrom('keys').selectAll().where('kid', '=', kid).executeTakeFirst();
    if (!row) throw new Error(`not_found: key ${kid}`);
    return toKey(row);
  }

  async deleteKey({ kid }: { kid: string }): Promise<boolean> {
    const result = await this.db.deleteFrom('keys').where('kid', '=', kid).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async listKeys(): Promise<ManagedKeyInfo[]> {
    return (await this.db.selectFrom('keys').selectAll().execute()).map(toKey);
  }
}

function toKey(row: { kid: string; kms: string; type: string; public_key_hex: string; meta: string | null }): IKey {
  return {
    kid: row.kid,
    kms: row.kms,
    type: row.type as TKeyType,
    publicKeyHex: row.public_key_hex,
    ...(row.meta ? { meta: JSON.parse(row.meta) } : {}),
  };
}

/** Private keys, sealed with the service's master key; the alias is bound into each seal. */
export class SealedPrivateKeyStore extends AbstractPrivateKeyStore {
  constructor(
    private readonly db: IssuerDb,
    private readonly box: SecretBox,
  ) {
    super();
  }

  async importKey(args: ImportablePrivateKey): Promise<ManagedPrivateKey> {
    const alias = args.alias ?? randomUUID();
    const existing = await this.db.selectFrom('private_keys').selectAll().where('alias', '=', alias).executeTakeFirst();
    if (existing) {
      if (this.box.openText(existing.sealed_private_key, alias) !== args.privateKeyHex) {
        throw new Error(`key_already_exists: a different private key is stored as ${alias}`);
      }
      return { alias, type: args.type, privateKeyHex: args.privateKeyHex };
    }
    await this.db
      .insertInto('private_keys')
      .values({ alias, type: args.type, sealed_private_key: this.box.seal(args.privateKeyHex, alias) })
      .execute();
    return { alias, type: args.type, privateKeyHex: args.privateKeyHex };
  }

  async getKey({ alias }: { alias: string }): Promise<ManagedPrivateKey> {
    const row = await this.db.selectFrom('private_keys').selectAll().where('alias', '=', alias).executeTakeFirst();
    if (!row) throw new Error(`not_found: private key ${alias}`);
    return { alias, type: row.type as TKeyType, privateKeyHex: this.box.openText(row.sealed_private_key, alias) };
  }

  async deleteKey({ alias }: { alias: string }): Promise<boolean> {
    const result = await this.db.deleteFrom('private_keys').where('alias', '=', alias).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async listKeys(): Promise<ManagedPrivateKey[]> {
    const rows = await this.db.selectFrom('private_keys').selectAll().execute();
    return rows.map((row) => ({
      alias: row.alias,
      type: row.type as TKeyType,
      privateKeyHex: this.box.openText(row.sealed_private_key, row.alias),
    }));
  }
}

/** DIDs and which keys belong to them; key material stays in the key stores. */
export class KyselyDIDStore extends AbstractDIDStore {
  constructor(
    private readonly db: IssuerDb,
    private readonly keys: KyselyKeyStore,
  ) {
    super();
  }

  async importDID(identifier: IIdentifier): Promise<boolean> {
    for (const key of identifier.keys) {
      const { privateKeyHex: _dropped, ...publicPart } = key as IKey & { privateKeyHex?: string };
      await this.keys.importKey(publicPart);
    }
    const row = {
      did: identifier.did,
      provider: identifier.provider,
      alias: identifier.alias ?? null,
      controller_key_id: identifier.controllerKeyId ?? null,
      key_ids: JSON.stringify(identifier.keys.map((k) => k.kid)),
      services: JSON.stringify(identifier.services ?? []),
    };
    await this.db
      .insertInto('identifiers')
      .values(row)
      .onConflict((oc) => oc.column('did').doUpdateSet(row))
      .execute();
    return true;
  }

  async getDID(args: { did: string } | { alias: string }): Promise<IIdentifier> {
    let query = this.db.selectFrom('identifiers').selectAll();
    query =
      'did' in args && args.did
        ? query.where('did', '=', args.did)
        : query.where('alias', '=', (args as { alias: string }).alias);
    const row = await query.executeTakeFirst();
    if (!row) throw new Error(`not_found: DID ${JSON.stringify(args)}`);
    return this.toIdentifier(row);
  }

  async deleteDID({ did }: { did: string }): Promise<boolean> {
    const result = await this.db.deleteFrom('identifiers').where('did', '=', did).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async listDIDs(args: { alias?: string; provider?: string }): Promise<IIdentifier[]> {
    let query = this.db.selectFrom('identifiers').selectAll();
    if (args.alias) query = query.where('alias', '=', args.alias);
    if (args.provider) query = query.where('provider', '=', args.provider);
    return Promise.all((await query.execute()).map((row) => this.toIdentifier(row)));
  }

  private async toIdentifier(row: IssuerTables['identifiers']): Promise<IIdentifier> {
    const keyIds = JSON.parse(row.key_ids) as string[];
    return {
      did: row.did,
      provider: row.provider,
      ...(row.alias ? { alias: row.alias } : {}),
      ...(row.controller_key_id ? { controllerKeyId: row.controller_key_id } : {}),
      keys: await Promise.all(keyIds.map((kid) => this.keys.getKey({ kid }))),
      services: JSON.parse(row.services),
    };
  }
}
