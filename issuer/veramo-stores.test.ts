/**
 * The Veramo key, private-key and DID stores on kysely, the institution identity built on them,
 * and the verifier's challenge store: the same suite on SQLite (a temp file) and on PostgreSQL
 * (postgres://127.0.0.1:5432/test, a fresh schema per run) when it is reachable.
 *
 * SKILLMARK_TEST_POSTGRES_URL overrides the PostgreSQL server; without a user name in the URL the
 * OS user is used (as psql does).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IIdentifier } from '@veramo/core-types';
import { verifyMessage } from 'ethers';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db.ts';
import { verifyJwsSignature } from '../core/jose/verify-signature.ts';
import { SecretBox, SecretBoxError } from '../core/secret-box.ts';
import { freshSchema, postgresSuite } from '../test/support/postgres.ts';
import { ChallengeStore, type VerifierTables, verifierMigrations } from '../verifier/challenges.ts';
import { DidKeyResolver } from '../verifier/did-key-resolver.ts';
import { type IssuerDb, type IssuerTables, issuerMigrations } from './db-schema.ts';
import { createIssuerAgent, loadInstitutionIdentity } from './identity.ts';
import { KyselyDIDStore, KyselyKeyStore, SealedPrivateKeyStore } from './veramo-stores.ts';

// ---------------------------------------------------------------- PostgreSQL probe (module load)

const { url: PG_URL, skip: pgSkip, title: pgTitle } = await postgresSuite('the stores');

// ---------------------------------------------------------------- the suite, per database

interface Backend {
  /** Opens (or reopens) the issuer database; each call is a new connection (pool). */
  issuer(): Promise<IssuerDb>;
  verifier(): Promise<Kysely<VerifierTables>>;
  cleanup(): Promise<void>;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function suite(makeBackend: () => Promise<Backend>) {
  let backend: Backend;
  let db: IssuerDb;
  const box = new SecretBox(randomBytes(32));
  const opened: { destroy(): Promise<void> }[] = [];

  beforeAll(async () => {
    backend = await makeBackend();
    db = await backend.issuer();
    opened.push(db);
  });

  afterAll(async () => {
    for (const handle of opened) await handle.destroy().catch(() => undefined);
    await backend?.cleanup();
  });

  const reopen = async () => {
    const again = await backend.issuer();
    opened.push(again);
    return again;
  };

  describe('KyselyKeyStore', () => {
    it('getKey throws not_found for a key it does not hold', async () => {
      await expect(new KyselyKeyStore(db).getKey({ kid: 'no-such-key' })).rejects.toThrow(/not_found/);
    });

    it('imports, gets, lists and deletes keys, with their metadata', async () => {
      const store = new KyselyKeyStore(db);
      const kid = `kid-${hex(8)}`;
      const key = {
        kid,
        kms: 'local',
        type: 'Ed25519' as const,
        publicKeyHex: hex(32),
        meta: { algorithms: ['EdDSA', 'Ed25519'] },
      };
      expect(await store.importKey(key)).toBe(true);
      expect(await store.getKey({ kid })).toEqual(key);
      expect((await store.listKeys()).filter((k) => k.kid === kid)).toEqual([key]);

      // Importing the same kid again updates it in place.
      const updated = { ...key, meta: { algorithms: ['EdDSA'] } };
      await store.importKey(updated);
      expect(await store.getKey({ kid })).toEqual(updated);
      expect((await store.listKeys()).filter((k) => k.kid === kid)).toHaveLength(1);

      expect(await store.deleteKey({ kid })).toBe(true);
      expect(await store.deleteKey({ kid })).toBe(false);
      await expect(store.getKey({ kid })).rejects.toThrow(/not_found/);
    });

    it('a key without metadata comes back without a meta field', async () => {
      const store = new KyselyKeyStore(db);
      const key = { kid: `kid-${hex(8)}`, kms: 'local', type: 'Secp256k1' as const, publicKeyHex: hex(33) };
      await store.importKey(key);
      expect(await store.getKey({ kid: key.kid })).toEqual(key);
    });

    it('refuses a key without kid, kms, type or public key', async () => {
      const store = new KyselyKeyStore(db);
      await expect(store.importKey({ kms: 'local', type: 'Ed25519', publicKeyHex: hex(32) })).rejects.toThrow(
        /required/,
      );
      await expect(store.importKey({ kid: 'x', type: 'Ed25519', publicKeyHex: hex(32) })).rejects.toThrow(/required/);
      await expect(store.importKey({ kid: 'x', kms: 'local', publicKeyHex: hex(32) })).rejects.toThrow(/required/);
      await expect(store.importKey({ kid: 'x', kms: 'local', type: 'Ed25519' })).rejects.toThrow(/required/);
    });
  });

  describe('SealedPrivateKeyStore', () => {
    it('getKey throws not_found for an alias it does not hold', async () => {
      await expect(new SealedPrivateKeyStore(db, box).getKey({ alias: 'no-such-alias' })).rejects.toThrow(/not_found/);
    });

    it('imports, gets, lists and deletes private keys', async () => {
      const store = new SealedPrivateKeyStore(db, box);
      const alias = `alias-${hex(8)}`;
      const privateKeyHex = hex(64);
      expect(await store.importKey({ alias, type: 'Ed25519', privateKeyHex })).toEqual({
        alias,
        type: 'Ed25519',
        privateKeyHex,
      });
      expect(await store.getKey({ alias })).toEqual({ alias, type: 'Ed25519', privateKeyHex });
      expect((await store.listKeys()).filter((k) => k.alias === alias)).toEqual([
        { alias, type: 'Ed25519', privateKeyHex },
      ]);
      expect(await store.deleteKey({ alias })).toBe(true);
      expect(await store.deleteKey({ alias })).toBe(false);
      await expect(store.getKey({ alias })).rejects.toThrow(/not_found/);
    });

    it('gives a key imported without an alias a fresh one', async () => {
      const store = new SealedPrivateKeyStore(db, box);
      const privateKeyHex = hex(32);
      const imported = await store.importKey({ type: 'Secp256k1', privateKeyHex });
      expect(imported.alias).toMatch(/^[0-9a-f-]{36}$/);
      expect((await store.getKey({ alias: imported.alias })).privateKeyHex).toBe(privateKeyHex);
    });

    it('stores the key sealed: the raw hex is nowhere in the table; it opens with the right master key only', async () => {
      const store = new SealedPrivateKeyStore(db, box);
      const alias = `alias-${hex(8)}`;
      const privateKeyHex = hex(64);
      await store.importKey({ alias, type: 'Ed25519', privateKeyHex });
      const rows = await db.selectFrom('private_keys').selectAll().execute();
      const dump = JSON.stringify(rows).toLowerCase();
      expect(dump).not.toContain(privateKeyHex);
      expect(dump).not.toContain(privateKeyHex.slice(0, 32));
      expect(dump).not.toContain(Buffer.from(privateKeyHex, 'hex').toString('base64').slice(0, 24).toLowerCase());
      const row = rows.find((r) => r.alias === alias)!;
      expect(row.sealed_private_key).toMatch(/^v1\./);
      expect(box.openText(row.sealed_private_key, alias)).toBe(privateKeyHex);

      const otherBox = new SecretBox(randomBytes(32));
      expect(() => otherBox.openText(row.sealed_private_key, alias)).toThrow(SecretBoxError);
      await expect(new SealedPrivateKeyStore(db, otherBox).getKey({ alias })).rejects.toThrow(SecretBoxError);
    });

    it('binds each sealed key to its alias: copied to another alias, it does not open', async () => {
      const store = new SealedPrivateKeyStore(db, box);
      const alias = `alias-${hex(8)}`;
      await store.importKey({ alias, type: 'Ed25519', privateKeyHex: hex(64) });
      const row = (await db.selectFrom('private_keys').selectAll().where('alias', '=', alias).executeTakeFirst())!;
      const copy = `copy-${hex(8)}`;
      await db
        .insertInto('private_keys')
        .values({ alias: copy, type: row.type, sealed_private_key: row.sealed_private_key })
        .execute();
      await expect(store.getKey({ alias: copy })).rejects.toThrow(SecretBoxError);
      await db.deleteFrom('private_keys').where('alias', '=', copy).execute();
    });

    it('refuses a different private key under an existing alias; the same key again is accepted', async () => {
      const store = new SealedPrivateKeyStore(db, box);
      const alias = `alias-${hex(8)}`;
      const original = hex(64);
      await store.importKey({ alias, type: 'Ed25519', privateKeyHex: original });
      await expect(store.importKey({ alias, type: 'Ed25519', privateKeyHex: hex(64) })).rejects.toThrow(
        /key_already_exists/,
      );
      expect(await store.importKey({ alias, type: 'Ed25519', privateKeyHex: original })).toEqual({
        alias,
        type: 'Ed25519',
        privateKeyHex: original,
      });
      expect((await store.getKey({ alias })).privateKeyHex).toBe(original);
      expect(await db.selectFrom('private_keys').select('alias').where('alias', '=', alias).execute()).toHaveLength(1);
    });
  });

  describe('KyselyDIDStore', () => {
    const identifierWithKeys = (): IIdentifier & {
      keys: (IIdentifier['keys'][number] & { privateKeyHex: string })[];
    } => {
      const did = `did:key:z6Mk${hex(16)}`;
      return {
        did,
        provider: 'did:key',
        alias: `learner-${hex(4)}`,
        controllerKeyId: `${did}-key-1`,
        keys: [
          {
            kid: `${did}-key-1`,
            kms: 'local',
            type: 'Ed25519',
            publicKeyHex: hex(32),
            privateKeyHex: hex(64),
            meta: { algorithms: ['EdDSA'] },
          },
          { kid: `${did}-key-2`, kms: 'local', type: 'Secp256k1', publicKeyHex: hex(33), privateKeyHex: hex(32) },
        ],
        services: [{ id: `${did}#svc`, type: 'LinkedDomains', serviceEndpoint: 'https://college.example' }],
      };
    };

    it('getDID throws not_found for an unknown DID or alias', async () => {
      const store = new KyselyDIDStore(db, new KyselyKeyStore(db));
      await expect(store.getDID({ did: 'did:key:z6MkNoSuchDid' })).rejects.toThrow(/not_found/);
      await expect(store.getDID({ alias: 'no-such-alias' })).rejects.toThrow(/not_found/);
    });

    it('imports, gets (by DID and by alias), lists and deletes identifiers with their keys and services', async () => {
      const keys = new KyselyKeyStore(db);
      const store = new KyselyDIDStore(db, keys);
      const identifier = identifierWithKeys();
      expect(await store.importDID(identifier)).toBe(true);
      const publicKeys = identifier.keys.map(({ privateKeyHex: _p, ...rest }) => rest);
      const expected = { ...identifier, keys: publicKeys };
      expect(await store.getDID({ did: identifier.did })).toEqual(expected);
      expect(await store.getDID({ alias: identifier.alias! })).toEqual(expected);
      expect(await store.listDIDs({ alias: identifier.alias })).toEqual([expected]);
      expect((await store.listDIDs({ provider: 'did:key' })).map((i) => i.did)).toContain(identifier.did);
      expect(await store.listDIDs({ provider: 'did:web' })).toEqual([]);
      expect(await keys.getKey({ kid: identifier.keys[1]!.kid })).toEqual(publicKeys[1]);

      expect(await store.deleteDID({ did: identifier.did })).toBe(true);
      expect(await store.deleteDID({ did: identifier.did })).toBe(false);
      await expect(store.getDID({ did: identifier.did })).rejects.toThrow(/not_found/);
    });

    it('never persists privateKeyHex, in any table', async () => {
      const store = new KyselyDIDStore(db, new KyselyKeyStore(db));
      const identifier = identifierWithKeys();
      await store.importDID(identifier);
      const everything = JSON.stringify([
        await db.selectFrom('keys').selectAll().execute(),
        await db.selectFrom('identifiers').selectAll().execute(),
        await db.selectFrom('private_keys').selectAll().execute(),
      ]).toLowerCase();
      for (const key of identifier.keys) expect(everything).not.toContain(key.privateKeyHex);
      expect(everything).not.toContain('privatekeyhex');
      const got = await store.getDID({ did: identifier.did });
      for (const key of got.keys) expect(key).not.toHaveProperty('privateKeyHex');
    });

    it('an identifier without alias or controller key round-trips without those fields', async () => {
      const store = new KyselyDIDStore(db, new KyselyKeyStore(db));
      const did = `did:key:z6Mk${hex(16)}`;
      await store.importDID({ did, provider: 'did:key', keys: [], services: [] });
      expect(await store.getDID({ did })).toEqual({ did, provider: 'did:key', keys: [], services: [] });
    });
  });

  describe('the institution identity through a real Veramo agent', () => {
    it('is created once, then the same DID, key id and ledger address come back when the database is reopened', async () => {
      const first = await loadInstitutionIdentity(createIssuerAgent(db, box), db, box);
      expect(first.did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
      expect(first.kid).toBe(`${first.did}#${first.did.slice('did:key:'.length)}`);
      expect(first.ledgerWallet.address).toMatch(/^0x[0-9a-fA-F]{40}$/);

      // Asking again on the same connection gives the same identity ...
      const again = await loadInstitutionIdentity(createIssuerAgent(db, box), db, box);
      expect(again.did).toBe(first.did);
      expect(again.ledgerWallet.address).toBe(first.ledgerWallet.address);

      // ... and so does a fresh connection to the same database.
      const reopened = await reopen();
      const second = await loadInstitutionIdentity(createIssuerAgent(reopened, box), reopened, box);
      expect(second.did).toBe(first.did);
      expect(second.kid).toBe(first.kid);
      expect(second.ledgerWallet.address).toBe(first.ledgerWallet.address);
      expect(
        await reopened.selectFrom('identifiers').selectAll().where('alias', '=', 'institution').execute(),
      ).toHaveLength(1);
    });

    it('signs with the key its DID names, and its ledger key is a usable secp256k1 key', async () => {
      const identity = await loadInstitutionIdentity(createIssuerAgent(db, box), db, box);
      const data = Buffer.from('header.payload');
      const signature = Buffer.from(await identity.joseSigner.sign(data));
      const key = await new DidKeyResolver().keyFor(identity.did, undefined, 'assertionMethod');
      expect(verifyJwsSignature(key, data, signature, 'EdDSA')).toBe(true);
      const message = 'ledger key check';
      const signed = await identity.ledgerWallet.signMessage(message);
      expect(verifyMessage(message, signed)).toBe(identity.ledgerWallet.address);
    });

    it('keeps the private keys sealed: neither the signing nor the ledger key appears in the database', async () => {
      const identity = await loadInstitutionIdentity(createIssuerAgent(db, box), db, box);
      const ledgerHex = identity.ledgerWallet.privateKey.slice(2).toLowerCase();
      const dump = JSON.stringify([
        await db.selectFrom('keys').selectAll().execute(),
        await db.selectFrom('private_keys').selectAll().execute(),
        await db.selectFrom('identifiers').selectAll().execute(),
        await db.selectFrom('settings').selectAll().execute(),
      ]).toLowerCase();
      expect(dump).not.toContain(ledgerHex);
    });

    it('with another master key the identity does not open (and no second identity is created)', async () => {
      const expected = (await loadInstitutionIdentity(createIssuerAgent(db, box), db, box)).did;
      const wrong = new SecretBox(randomBytes(32));
      await expect(loadInstitutionIdentity(createIssuerAgent(db, wrong), db, wrong)).rejects.toThrow(SecretBoxError);
      const institutions = await db
        .selectFrom('identifiers')
        .select('did')
        .where('alias', '=', 'institution')
        .execute();
      expect(institutions.map((r) => r.did)).toEqual([expected]);
    });
  });

  describe('ChallengeStore', () => {
    let challenges: ChallengeStore;
    beforeAll(async () => {
      const verifierDb = await backend.verifier();
      opened.push(verifierDb);
      challenges = new ChallengeStore(verifierDb, 5 * 60_000);
    });

    it('creates distinct challenges that expire after the ttl', async () => {
      const now = new Date('2030-01-01T12:00:00.000Z');
      const a = await challenges.create(now);
      const b = await challenges.create(now);
      expect(a.challenge).not.toBe(b.challenge);
      expect(a.challenge).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(a.expiresAt).toBe('2030-01-01T12:05:00.000Z');
    });

    it('accepts a challenge once; the second use is already_used', async () => {
      const { challenge } = await challenges.create();
      expect(await challenges.consume(challenge)).toBe('accepted');
      expect(await challenges.consume(challenge)).toBe('already_used');
      expect(await challenges.consume(challenge)).toBe('already_used');
    });

    it('does not know challenges it never issued', async () => {
      expect(await challenges.consume(randomBytes(18).toString('base64url'))).toBe('unknown');
      expect(await challenges.consume('')).toBe('unknown');
      expect(await challenges.consume('x'.repeat(65))).toBe('unknown');
      expect(await challenges.consume("' or '1'='1")).toBe('unknown');
    });

    it('refuses an expired challenge, and it stays refused', async () => {
      const past = new Date(Date.now() - 10 * 60_000);
      const { challenge } = await challenges.create(past);
      expect(await challenges.consume(challenge)).toBe('expired');
      expect(await challenges.consume(challenge)).toBe('expired');

      const created = new Date('2031-06-01T00:00:00.000Z');
      const second = await challenges.create(created);
      expect(await challenges.consume(second.challenge, new Date(created.getTime() + 5 * 60_000))).toBe('expired');
      expect(await challenges.consume(second.challenge, new Date(created.getTime() + 5 * 60_000 - 1))).toBe('accepted');
    });

    it('a tiny ttl: expired a moment later', async () => {
      const verifierDb = await backend.verifier();
      opened.push(verifierDb);
      const quick = new ChallengeStore(verifierDb, 1);
      const now = new Date('2032-01-01T00:00:00.000Z');
      const { challenge } = await quick.create(now);
      expect(await quick.consume(challenge, new Date(now.getTime() + 1000))).toBe('expired');
    });

    it('forgets challenges that expired more than a day ago', async () => {
      const old = await challenges.create(new Date(Date.now() - 3 * 86_400_000));
      expect(await challenges.consume(old.challenge)).toBe('expired');
      await challenges.create();
      expect(await challenges.consume(old.challenge)).toBe('unknown');
    });

    it('ten concurrent uses of one challenge: exactly one is accepted', async () => {
      const { challenge } = await challenges.create();
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => challenges.consume(challenge)));
      expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'already_used')).toHaveLength(9);
    });

    it('concurrent uses spread over two connections (two verifier instances): exactly one is accepted', async () => {
      const otherDb = await backend.verifier();
      opened.push(otherDb);
      const other = new ChallengeStore(otherDb, 5 * 60_000);
      const { challenge } = await challenges.create();
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? other : challenges).consume(challenge)),
      );
      expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1);
    });
  });
}

// ---------------------------------------------------------------- SQLite

describe('on SQLite (a temp file)', () => {
  suite(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-stores-'));
    return {
      issuer: async () =>
        (await openDatabase<IssuerTables>({ dataDir, name: 'issuer', migrations: issuerMigrations })).db,
      verifier: async () =>
        (await openDatabase<VerifierTables>({ dataDir, name: 'verifier', migrations: verifierMigrations })).db,
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  });
});

// ---------------------------------------------------------------- PostgreSQL

describe.skipIf(pgSkip)(pgTitle, () => {
  suite(async () => {
    const { schema, databaseUrl, drop } = await freshSchema(PG_URL);
    return {
      issuer: async () => {
        const { db, dialect } = await openDatabase<IssuerTables>({
          databaseUrl,
          dataDir: '/nonexistent',
          name: 'issuer',
          migrations: issuerMigrations,
        });
        expect(dialect).toBe('postgres');
        // Everything happens in the run's own schema, never in public.
        const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
        expect(rows[0]?.schema).toBe(schema);
        return db;
      },
      verifier: async () =>
        (
          await openDatabase<VerifierTables>({
            databaseUrl,
            dataDir: '/nonexistent',
            name: 'verifier',
            migrations: verifierMigrations,
          })
        ).db,
      cleanup: drop,
    };
  });
});
