/**
 * `npm run authority`: the accreditation authority's steps on the registry of a started system
 * (the embedded node, its authority account), run as the compiled script in a child process.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JsonRpcProvider, Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { COMPILED } from './support/compiled.ts';
import { freePort } from './support/local-chain.ts';
import { PROJECT_ROOT, type RunningSystem, startSystem, tempDir } from './support/system.ts';

let system: RunningSystem;

function authority(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return withEnv({}, ...args);
}

function withEnv(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [COMPILED.authority, ...args], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        SKILLMARK_DATA_DIR: system.dataDir,
        LEDGER_PORT: String(system.ports.ledger),
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

const institution = {
  address: Wallet.createRandom().address,
  did: didKeyOfEd25519(ed25519PublicKeyOfSeed(randomBytes(32))),
  name: 'Northern Polytechnic',
};

beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  await system?.destroy();
});

describe('npm run authority', () => {
  it('lists the institutions on the registry: the one npm start accredited', async () => {
    const listed = await authority('list', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ id: 1, status: 'accredited', name: 'Skillmark Demo Training Centre' }),
    ]);
  });

  it('accredits an institution and sends it gas money; refuses the same key twice, saying why', async () => {
    const accredited = await authority(
      'accredit',
      '--address',
      institution.address,
      '--did',
      institution.did,
      '--name',
      institution.name,
      '--fund',
      '0.05',
    );
    expect(accredited.code, accredited.stderr).toBe(0);
    expect(accredited.stdout).toContain('Accredited Northern Polytechnic as institution 2, and sent it 0.05 for gas.');
    const provider = new JsonRpcProvider(`http://127.0.0.1:${system.ports.ledger}`);
    try {
      expect(await provider.getBalance(institution.address)).toBe(50_000_000_000_000_000n);
    } finally {
      provider.destroy();
    }
    const again = await authority(
      'accredit',
      '--address',
      institution.address,
      '--did',
      `${institution.did}x`,
      '--name',
      'Twice',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      `The registry refused to accredit Twice: SignerAlreadyRegistered(${institution.address})`,
    );
  });

  it('suspends, restores and withdraws, by number or by DID, each step seen by the registry', async () => {
    const suspended = await authority('suspend', '2');
    expect(suspended.code, suspended.stderr).toBe(0);
    expect(suspended.stdout).toContain('Institution 2 (Northern Polytechnic) is now suspended.');
    expect(JSON.parse((await authority('show', institution.did, '--json')).stdout)).toMatchObject({
      id: 2,
      status: 'suspended',
      did: institution.did,
    });
    expect((await authority('restore', institution.did)).stdout).toContain('is now accredited.');
    expect((await authority('withdraw', '2')).stdout).toContain('is now withdrawn.');
    const listed = (await authority('list')).stdout;
    expect(listed).toMatch(/ {2}1 {2}accredited .*Skillmark Demo Training Centre/);
    expect(listed).toMatch(/ {2}2 {2}withdrawn .*Northern Polytechnic/);
  });

  it('keeps a key of its own encrypted in a keystore file (0600), opened with its passphrase, and signs with it', async () => {
    const keystore = join(tempDir('skillmark-authority-'), 'authority.json');
    const passphrase = { AUTHORITY_KEYSTORE_PASSPHRASE: 'a long authority passphrase' };
    const made = await withEnv(passphrase, 'new-key', '--keystore', keystore, '--json');
    expect(made.code, made.stderr).toBe(0);
    const { address } = JSON.parse(made.stdout);
    expect(statSync(keystore).mode & 0o777).toBe(0o600);
    // The Ethereum keystore format, the key sealed under a scrypt-derived key.
    expect(JSON.parse(readFileSync(keystore, 'utf8'))).toMatchObject({
      address: address.slice(2).toLowerCase(),
      Crypto: { kdf: 'scrypt' },
    });
    expect((await withEnv(passphrase, 'new-key', '--keystore', keystore)).stderr).toContain('exists already');
    // Not the registry's authority: the registry refuses the step it signed.
    const refused = await withEnv(passphrase, 'suspend', '1', '--keystore', keystore);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The registry refused to suspend institution 1: NotAuthority');
    const wrong = await withEnv(
      { AUTHORITY_KEYSTORE_PASSPHRASE: 'not the passphrase' },
      'suspend',
      '1',
      '--keystore',
      keystore,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe(
      `${keystore} could not be opened: the passphrase is wrong, or it is not a keystore file.`,
    );
    expect(JSON.parse((await authority('show', '1', '--json')).stdout).status).toBe('accredited');
  });

  it('says what is wrong with a request in one line: unknown institution, missing argument, unknown command', async () => {
    const unknown = await authority('show', '99');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('The registry has no institution 99 (list them with "list").');
    const missing = await authority('suspend');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Say which institution to suspend');
    const command = await authority('accreditate');
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('Unknown command "accreditate"');
    const badAddress = await authority('accredit', '--address', 'nope', '--did', 'did:key:z', '--name', 'X');
    expect(badAddress.code).toBe(1);
    expect(badAddress.stderr).toContain('nope is not a ledger address');
    const noNode = await withEnv({ LEDGER_PORT: String(await freePort()) }, 'list');
    expect(noNode.code).toBe(1);
    expect(noNode.stderr).toContain('The ledger node does not answer: start the system first (`npm start`');
    const help = await authority('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run authority -- accredit --address');
  });
});
