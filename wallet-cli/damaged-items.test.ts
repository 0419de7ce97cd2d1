/**
 * Hostile or damaged credentials, through the real CLI. Anyone can sign a credential for a
 * wallet's DID (with a receipt that proves a "batch" of one): one with `competencies: "boom"`
 * was stored and then `list` and `receive` crashed for good. Now content is checked against its
 * schema before storing, a damaged item already stored shows as damaged and `remove` deletes it,
 * a receipt nobody checked on the ledger is never shown as "On ledger since", and control
 * characters in a credential never reach the terminal raw.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { type CliResult, runWallet, tempDir } from '../test/support/system.ts';
import { writeFormat1Wallet } from './testing/format-1-wallet.ts';
import { type Bundle, selfSignedBundle, storedItemOf, VALID_QUALIFICATION } from './testing/self-signed.ts';

const PASSPHRASE = 'a long learner passphrase';
const RAW_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let scratch: string;
let count = 0;
const json = (result: CliResult) => JSON.parse(result.stdout);
const fileWith = (bundle: unknown) => {
  const file = join(scratch, `bundle-${++count}.json`);
  writeFileSync(file, JSON.stringify(bundle));
  return file;
};
const boom = (did: string) =>
  selfSignedBundle(did, {
    credentialSubject: { name: 'Amina Yusuf', qualification: { ...VALID_QUALIFICATION, competencies: 'boom' } },
  });

beforeAll(() => {
  scratch = tempDir('skillmark-damaged-');
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('receiving a credential whose content does not match its schema', () => {
  it('is refused (exit 1, naming the field) and nothing is stored; list keeps working', async () => {
    const env = { SKILLMARK_WALLET_DIR: join(scratch, 'refuse'), SKILLMARK_WALLET_PASSPHRASE: PASSPHRASE };
    const did = json(await runWallet(['init', '--json'], env)).did;
    const result = await runWallet(['receive', fileWith(await boom(did))], env);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stderr).toMatch(
      /does not match the Skillmark qualification schema, so it was not stored: \/credentialSubject\/qualification\/competencies must be array/,
    );
    const listed = await runWallet(['list', '--json'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(json(listed).credentials).toEqual([]);
  });
});

describe('receiving from a file that cannot be a credential', () => {
  it('a device or a file beyond the size cap is refused without reading it', async () => {
    const env = { SKILLMARK_WALLET_DIR: join(scratch, 'files'), SKILLMARK_WALLET_PASSPHRASE: PASSPHRASE };
    await runWallet(['init'], env);
    const big = join(scratch, 'big.json');
    writeFileSync(big, `"${'x'.repeat(200_000)}"`);
    const [device, large] = await Promise.all([
      runWallet(['receive', '/dev/zero'], env),
      runWallet(['receive', big], { ...env, SKILLMARK_WALLET_MAX_RESPONSE_BYTES: '100000' }),
    ]);
    expect(device.code, device.stderr).toBe(1);
    expect(device.stderr).toContain('/dev/zero is not a credential file (not a file of at most 2,097,152 bytes).');
    expect(large.code, large.stderr).toBe(1);
    expect(large.stderr).toContain(`${big} is not a credential file (not a file of at most 100,000 bytes).`);
  });
});

describe('a wallet that already holds damaged items (stored by an older wallet)', () => {
  const env = { SKILLMARK_WALLET_DIR: '', SKILLMARK_WALLET_PASSPHRASE: PASSPHRASE };
  let did: string;
  let good: Bundle;

  beforeAll(async () => {
    env.SKILLMARK_WALLET_DIR = join(scratch, 'damaged');
    const seed = randomBytes(32);
    did = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
    good = await selfSignedBundle(did);
    const unreadable = { ...storedItemOf(await selfSignedBundle(did)), credential: 'not.a.jwt' };
    writeFormat1Wallet(
      env.SKILLMARK_WALLET_DIR,
      PASSPHRASE,
      [storedItemOf(await boom(did)), { credential: 42 }, storedItemOf(good), unreadable],
      seed,
    );
  });

  it('list shows each damaged item as damaged, with its number, and the sound one as usual', async () => {
    const [plain, asJson] = await Promise.all([runWallet(['list'], env), runWallet(['list', '--json'], env)]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(
      /^ 1\. damaged {2}it does not match the Skillmark qualification schema: .*competencies must be array \(remove it with: skillmark-wallet remove 1\)$/m,
    );
    expect(plain.stdout).toMatch(
      /^ 2\. damaged {2}its "id" is missing \(remove it with: skillmark-wallet remove 2\)$/m,
    );
    expect(plain.stdout).toMatch(/^ 3\. [0-9a-f]{8} {2}Amina Yusuf, Certificate in Welding$/m);
    expect(plain.stdout).toMatch(/^ {14}not checked yet \(received [A-Z][a-z]+ \d{1,2}, \d{4}\)$/m);
    expect(plain.stdout).toMatch(/^ 4\. damaged {2}the credential cannot be read/m);
    expect(
      json(asJson).credentials.map((c: { number: number; damaged?: string }) => [c.number, c.damaged !== undefined]),
    ).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, true],
    ]);
  });

  it('show of a damaged item says so; verify of one says to remove it', async () => {
    const [shown, verified] = await Promise.all([runWallet(['show', '1'], env), runWallet(['verify', '2'], env)]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(
      /^Damaged: item 1 of this wallet cannot be shown: it does not match the Skillmark qualification schema/m,
    );
    expect(shown.stdout).toContain('skillmark-wallet remove 1');
    expect(verified.code).toBe(1);
    expect(verified.stderr).toMatch(
      /Item 2 of this wallet is damaged \(its "id" is missing\)\. Remove it with: skillmark-wallet remove 2/,
    );
  });

  it('receive still works beside them', async () => {
    const result = await runWallet(
      [
        'receive',
        fileWith(
          await selfSignedBundle(did, {
            credentialSubject: {
              name: 'Amina Yusuf',
              qualification: { title: 'Certificate in Plumbing', awardedOn: '2026-05-03' },
            },
          }),
        ),
        '--json',
      ],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(json(result)).toMatchObject({ added: true, credential: { number: 5, title: 'Certificate in Plumbing' } });
  });

  it('remove without --yes and without a terminal asks for --yes and removes nothing', async () => {
    const result = await runWallet(['remove', '1'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Confirm with --yes to remove item 1 \(damaged: /);
    expect(json(await runWallet(['list', '--json'], env)).credentials).toHaveLength(5);
  });

  it('remove N --yes deletes damaged items by number; the others stay', async () => {
    for (const number of ['4', '2', '1']) {
      const result = await runWallet(['remove', number, '--yes'], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Removed item ${number} \\(damaged: `));
    }
    const listed = json(await runWallet(['list', '--json'], env));
    expect(listed.credentials.map((c: { title: string }) => c.title)).toEqual([
      'Certificate in Welding',
      'Certificate in Plumbing',
    ]);
  });

  it('remove by id deletes a sound credential', async () => {
    const id = String(good.anchorReceipt.credentialHash).slice(2, 10);
    const result = await runWallet(['remove', id, '--yes', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(json(result).removed).toMatchObject({ id, title: 'Certificate in Welding' });
    expect(json(await runWallet(['list', '--json'], env)).credentials.map((c: { title: string }) => c.title)).toEqual([
      'Certificate in Plumbing',
    ]);
  });

  it('show of a credential whose receipt no verifier checked never says "On ledger since"', async () => {
    const result = await runWallet(['show', '1'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /On ledger\s+anchor receipt not checked yet \(check it with: skillmark-wallet verify 1\)/,
    );
    expect(result.stdout).not.toMatch(/On ledger\s+since/);
    expect(json(await runWallet(['show', '1', '--json'], env)).ledger).toEqual({
      status: 'not_checked',
      chainId: 31337,
    });
  });
});

describe('control characters in a credential', () => {
  it('are printed as visible escapes by receive, list and show, in words and as JSON', async () => {
    const env = { SKILLMARK_WALLET_DIR: join(scratch, 'controls'), SKILLMARK_WALLET_PASSPHRASE: PASSPHRASE };
    const did = json(await runWallet(['init', '--json'], env)).did;
    // Not a Skillmark qualification, so only its structure is checked: its content is the issuer's choice.
    const name = 'Amina\u001b[2J\u001b]0;owned\u0007\u0000\u202eanimA\u009b31m';
    const bundle = await selfSignedBundle(did, {
      type: ['VerifiableCredential', 'BadgeCredential'],
      credentialSubject: { name },
      schema: false,
    });
    const received = await runWallet(['receive', fileWith(bundle)], env);
    expect(received.code, received.stderr).toBe(0);
    const results = await Promise.all([
      runWallet(['list'], env),
      runWallet(['show', '1'], env),
      runWallet(['show', '1', '--json'], env),
      runWallet(['list', '--json'], env),
    ]);
    for (const result of [received, ...results]) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).not.toMatch(RAW_CONTROLS);
    }
    expect(results[1]!.stdout).toContain(
      'Awarded to    Amina\\u001b[2J\\u001b]0;owned\\u0007\\u0000\\u202eanimA\\u009b31m',
    );
    expect(json(results[2]!).learner).toBe('Amina\\u001b[2J\\u001b]0;owned\\u0007\\u0000\\u202eanimA\\u009b31m');
  });
});
