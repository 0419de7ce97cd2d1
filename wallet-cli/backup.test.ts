/**
 * Backup and move (issue 12, part 3), through the real CLI as a child process: export seals the
 * wallet under its own passphrase, import restores it in an empty folder or merges it into the
 * same wallet without doubling anything, and remove asks before it deletes.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runWallet, tempDir } from '../test/support/system.ts';
import { selfSignedBundle } from './testing/self-signed.ts';
import { onTerminal, SCRIPT } from './testing/terminal.ts';

const BACKUP_PASSPHRASE = 'the backup passphrase';
let scratch: string;
let walletA: Record<string, string>;
let didA: string;
let backup: string;
let credentials: string[];

const json = (stdout: string) => JSON.parse(stdout);

async function receiveNew(env: Record<string, string>, did: string, title: string): Promise<string> {
  const file = join(scratch, `${title}.json`);
  const bundle = await selfSignedBundle(did, {
    credentialSubject: { name: 'Amina Yusuf', qualification: { title, awardedOn: '2026-05-01' } },
  });
  writeFileSync(file, JSON.stringify(bundle));
  const result = await runWallet(['receive', file], env);
  expect(result.code, result.stderr).toBe(0);
  return bundle.credential;
}

beforeAll(async () => {
  scratch = tempDir('skillmark-backup-');
  walletA = {
    SKILLMARK_WALLET_DIR: join(scratch, 'a'),
    SKILLMARK_WALLET_PASSPHRASE: 'wallet A passphrase',
    SKILLMARK_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE,
  };
  didA = json((await runWallet(['init', '--json'], walletA)).stdout).did;
  credentials = [
    await receiveNew(walletA, didA, 'Certificate in Welding'),
    await receiveNew(walletA, didA, 'Diploma in Plumbing'),
  ];
  backup = join(scratch, 'backup.skillmark');
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('export', () => {
  it('writes a sealed, versioned backup: nothing of the key or the credentials in clear', async () => {
    const result = await runWallet(['export', '--out', backup], walletA);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Backup of 2 credentials written to ${backup}`);
    const text = readFileSync(backup, 'utf8');
    const file = JSON.parse(text);
    expect(Object.keys(file).sort()).toEqual(['createdAt', 'format', 'kdf', 'sealed']);
    expect(file.format).toBe('skillmark-wallet-backup/1');
    for (const credential of credentials) expect(text).not.toContain(credential.slice(0, 40));
    expect(text).not.toContain('Welding');
  });

  it('never overwrites a file, and needs a backup passphrase of 8 characters or more', async () => {
    const again = await runWallet(['export', '--out', backup], walletA);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already');
    const short = await runWallet(['export', '--out', join(scratch, 'short')], {
      ...walletA,
      SKILLMARK_BACKUP_PASSPHRASE: 'short',
    });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 8 characters');
    expect(existsSync(join(scratch, 'short'))).toBe(false);
  });
});

describe('import', () => {
  it('restores the wallet, with its DID, in a folder without one (another computer)', async () => {
    const walletB = { ...walletA, SKILLMARK_WALLET_DIR: join(scratch, 'b'), SKILLMARK_WALLET_PASSPHRASE: 'new pass B' };
    const result = await runWallet(['import', backup], walletB);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Wallet restored from');
    expect(result.stdout).toContain('Added: 2 credentials.');
    const [did, list] = await Promise.all([runWallet(['did'], walletB), runWallet(['list'], walletB)]);
    expect(did.stdout.trim()).toBe(didA);
    expect(list.stdout).toContain('Certificate in Welding');
    expect(list.stdout).toContain('Diploma in Plumbing');
  });

  it('merges into the same wallet: adds only what it lacks, and says what it added', async () => {
    const removed = await runWallet(['remove', '1', '--yes'], walletA);
    expect(removed.code, removed.stderr).toBe(0);
    const imported = await runWallet(['import', backup, '--json'], walletA);
    expect(imported.code, imported.stderr).toBe(0);
    const report = json(imported.stdout);
    expect(report.restored).toBe(false);
    expect(report.added.map((c: { title: string }) => c.title)).toEqual(['Certificate in Welding']);
    expect(report.alreadyHeld).toBe(1);
    const twice = json((await runWallet(['import', backup, '--json'], walletA)).stdout);
    expect(twice.added).toEqual([]);
    expect(twice.alreadyHeld).toBe(2);
    const list = json((await runWallet(['list', '--json'], walletA)).stdout);
    expect(list.credentials).toHaveLength(2);
  });

  it('refuses a wrong passphrase, a changed file, another wallet and a file that is no backup', async () => {
    const walletC = { ...walletA, SKILLMARK_WALLET_DIR: join(scratch, 'c') };
    await runWallet(['init'], walletC);
    const changed = join(scratch, 'changed.skillmark');
    const file = JSON.parse(readFileSync(backup, 'utf8'));
    writeFileSync(changed, JSON.stringify({ ...file, createdAt: '2020-01-01T00:00:00.000Z' }));
    const [wrong, tampered, other, notBackup] = await Promise.all([
      runWallet(['import', backup], { ...walletA, SKILLMARK_BACKUP_PASSPHRASE: 'not the backup passphrase' }),
      runWallet(['import', changed], walletA),
      runWallet(['import', backup], walletC),
      runWallet(['import', join(PROJECT_ROOT, 'package.json')], walletA),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Wrong backup passphrase');
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('Wrong backup passphrase, or');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('This backup holds another wallet');
    expect(other.stderr).toContain('SKILLMARK_WALLET_DIR=<new folder>');
    expect(notBackup.code).toBe(2);
    expect(notBackup.stderr).toContain('is not a Skillmark wallet backup');
    for (const result of [wrong, tampered, other, notBackup]) expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

/** The CLI on a pseudo-terminal (util-linux `script`), answering each prompt once it shows. */
/** `remove` on a terminal, answering its confirmation. */
const removeOnTerminal = (env: Record<string, string>, answer: string) =>
  onTerminal(['remove', '1'], { HOME: scratch, NO_COLOR: '1', ...env }, [['[y/N]', answer]]);

describe.skipIf(!existsSync(SCRIPT))('remove on a terminal', () => {
  it('asks first: "n" keeps the credential, "y" removes it', async () => {
    const kept = await removeOnTerminal(walletA, 'n');
    expect(kept.output).toContain('for good? [y/N]');
    expect(kept.code).toBe(2);
    expect(kept.output).toContain('Nothing removed.');
    expect(json((await runWallet(['list', '--json'], walletA)).stdout).credentials).toHaveLength(2);
    const removed = await removeOnTerminal(walletA, 'y');
    expect(removed.code, removed.output).toBe(0);
    expect(removed.output).toContain('Removed 1.');
    expect(json((await runWallet(['list', '--json'], walletA)).stdout).credentials).toHaveLength(1);
  });
});
