/**
 * The wallet file against tampering, through the real CLI: the header (DID, key-derivation
 * settings) is authenticated with the sealed part, settings out of range are refused before any
 * key is derived, and a file of format 1 (header not authenticated) still opens and is rewritten
 * as format 2 on its next change.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWallet, tempDir } from '../test/support/system.ts';
import { Wallet } from './store.ts';
import { writeFormat1Wallet } from './testing/format-1-wallet.ts';
import { selfSignedBundle } from './testing/self-signed.ts';

const PASSPHRASE = 'a long learner passphrase';
const OTHER_DID = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const TAMPERED = /wallet\.json is damaged or was tampered with/;

let scratch: string;
let count = 0;
const walletEnv = () => ({
  SKILLMARK_WALLET_DIR: join(scratch, `wallet-${++count}`),
  SKILLMARK_WALLET_PASSPHRASE: PASSPHRASE,
});
const fileOf = (env: { SKILLMARK_WALLET_DIR: string }) => join(env.SKILLMARK_WALLET_DIR, 'wallet.json');
const edit = (env: { SKILLMARK_WALLET_DIR: string }, change: (file: any) => void) => {
  const file = JSON.parse(readFileSync(fileOf(env), 'utf8'));
  change(file);
  writeFileSync(fileOf(env), JSON.stringify(file));
};

beforeAll(() => {
  scratch = tempDir('skillmark-wallet-file-');
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('a wallet file of format 2', () => {
  let env: ReturnType<typeof walletEnv>;
  let did: string;

  beforeAll(async () => {
    env = walletEnv();
    const created = await runWallet(['init', '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    did = JSON.parse(created.stdout).did;
  });

  it('is written as format 2', () => {
    expect(JSON.parse(readFileSync(fileOf(env), 'utf8')).format).toBe('skillmark-wallet/2');
  });

  it('with its DID edited: did and list refuse to open it, as damaged or tampered with', async () => {
    const original = readFileSync(fileOf(env), 'utf8');
    edit(env, (file) => (file.did = OTHER_DID));
    const results = await Promise.all([runWallet(['did'], env), runWallet(['list'], env)]);
    writeFileSync(fileOf(env), original);
    for (const result of results) {
      expect(result.code, result.stdout).toBe(1);
      expect(result.stderr).toMatch(TAMPERED);
      expect(result.stdout).not.toContain(OTHER_DID);
    }
    expect((await runWallet(['did'], env)).stdout.trim()).toBe(did);
  });

  it('with key-derivation settings out of range (they took 2.2 GB to open): refused before deriving', async () => {
    const original = readFileSync(fileOf(env), 'utf8');
    const cases = [{ N: 2 ** 18 }, { r: 16 }, { p: 4 }, { N: 2 ** 20, r: 16 }];
    const results = [];
    for (const settings of cases) {
      edit(env, (file) => Object.assign(file.kdf, settings));
      results.push(await runWallet(['list'], env));
      writeFileSync(fileOf(env), original);
    }
    for (const [i, result] of results.entries()) {
      expect(result.code, JSON.stringify(cases[i])).toBe(1);
      expect(result.stderr).toMatch(
        /wallet\.json is damaged or was tampered with: its key-derivation settings or its header are not valid/,
      );
    }
  });

  it('with a field added to its header: refused', async () => {
    const original = readFileSync(fileOf(env), 'utf8');
    edit(env, (file) => (file.note = 'hello'));
    const result = await runWallet(['list'], env);
    writeFileSync(fileOf(env), original);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(TAMPERED);
  });
});

describe('a wallet file of format 1 (header not authenticated)', () => {
  it('opens, keeps its DID, and is rewritten as format 2 on its next change', async () => {
    const env = walletEnv();
    const { did, file } = writeFormat1Wallet(env.SKILLMARK_WALLET_DIR, PASSPHRASE);
    const [shown, listed] = await Promise.all([runWallet(['did'], env), runWallet(['list', '--json'], env)]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.trim()).toBe(did);
    expect(JSON.parse(listed.stdout).credentials).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('skillmark-wallet/1');

    const bundle = join(scratch, 'format-1-bundle.json');
    writeFileSync(bundle, JSON.stringify(await selfSignedBundle(did)));
    const received = await runWallet(['receive', bundle], env);
    expect(received.code, received.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('skillmark-wallet/2');
    const after = await runWallet(['list', '--json'], env);
    expect(JSON.parse(after.stdout)).toMatchObject({
      did,
      credentials: [{ number: 1, title: 'Certificate in Welding' }],
    });

    // From now on the header is authenticated.
    edit(env, (f) => (f.did = OTHER_DID));
    const tampered = await runWallet(['did'], env);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(TAMPERED);
  });

  it('with its DID edited: refused, since the DID must be the one of the sealed key', async () => {
    const env = walletEnv();
    writeFormat1Wallet(env.SKILLMARK_WALLET_DIR, PASSPHRASE);
    edit(env, (file) => (file.did = OTHER_DID));
    const results = await Promise.all([runWallet(['did'], env), runWallet(['list'], env)]);
    for (const result of results) {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/wallet\.json is damaged or was tampered with: its DID is not the one of its key/);
      expect(result.stdout).not.toContain(OTHER_DID);
    }
  });
});

describe('two commands at once', () => {
  it('a change made by one is kept when the other, opened earlier, writes', async () => {
    const dir = join(scratch, 'concurrent');
    const did = Wallet.create(dir, PASSPHRASE).did;
    const [first, second] = await Promise.all([Wallet.open(dir, PASSPHRASE), Wallet.open(dir, PASSPHRASE)]);
    const [a, b] = await Promise.all([selfSignedBundle(did), selfSignedBundle(did)]);
    const entryOf = (bundle: typeof a) => ({
      credentialHash: String(bundle.anchorReceipt.credentialHash),
      credential: bundle.credential,
      anchorReceipt: bundle.anchorReceipt as never,
      receivedAt: '2026-05-02T00:00:00.000Z',
      source: 'file',
    });
    first.add(entryOf(a));
    // `second` was opened before `first` added A (a `verify` waiting for its verifier while `receive` ran).
    second.add(entryOf(b));
    second.recordLedgerCheck(String(a.anchorReceipt.credentialHash), {
      anchoredAt: '2026-05-01T00:00:00.000Z',
      checkedAt: '2026-05-02T00:00:00.000Z',
      by: 'http://127.0.0.1:4200',
    });
    const stored = (await Wallet.open(dir, PASSPHRASE)).entries.map((e) =>
      'stored' in e ? [e.stored.credential, e.stored.ledgerCheck?.by] : e.damaged,
    );
    expect(stored).toEqual([
      [a.credential, 'http://127.0.0.1:4200'],
      [b.credential, undefined],
    ]);
  });
});
