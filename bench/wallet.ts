import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../test/support/system.ts';
import { selfSignedBundle } from '../wallet-cli/testing/self-signed.ts';
import { report } from './report.ts';

const ROUNDS = 15;
const COMPILED = join(PROJECT_ROOT, 'wallet-cli', 'package', 'dist', 'skillmark-wallet.js');
const THROUGH_TSX = join(PROJECT_ROOT, 'wallet-cli', 'bin', 'skillmark-wallet.js');
/** What opening a wallet costs by design: the passphrase's scrypt (core/secret-box.ts, N = 2^15). */
const SCRYPT_ONLY = `require('node:crypto').scryptSync('p', Buffer.alloc(16), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 2 ** 26 })`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Start time of the compiled wallet (the installable package) against `node -e 0`, measured in
 * the same run, interleaved round by round so a busy machine slows every case alike.
 */
export async function walletBench(): Promise<void> {
  execFileSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'wallet-cli', 'build.ts')]);
  const dir = mkdtempSync(join(tmpdir(), 'skillmark-wallet-bench-'));
  const env = { ...process.env, SKILLMARK_WALLET_DIR: join(dir, 'wallet'), SKILLMARK_WALLET_PASSPHRASE: 'bench pass' };
  try {
    const init = JSON.parse(execFileSync('node', [COMPILED, 'init', '--json'], { env, encoding: 'utf8' }));
    const file = join(dir, 'credential.json');
    writeFileSync(file, JSON.stringify(await selfSignedBundle(init.did)));
    execFileSync('node', [COMPILED, 'receive', file], { env });
    const cases: Record<string, string[]> = {
      'node -e 0': ['-e', '0'],
      'node -e <scrypt of a passphrase>': ['-e', SCRYPT_ONLY],
      '--help (compiled)': [COMPILED, '--help'],
      'list, 1 credential (compiled)': [COMPILED, 'list'],
      '--help (through tsx, in the repository)': [THROUGH_TSX, '--help'],
    };
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, args] of Object.entries(cases)) {
        const start = performance.now();
        const result = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
        if (result.status !== 0) throw new Error(`${name} exited with ${result.status}`);
        times[name]!.push(performance.now() - start);
      }
    }
    const base = median(times['node -e 0']!);
    const scrypt = median(times['node -e <scrypt of a passphrase>']!) - base;
    report(
      'wallet',
      `Wallet start time against node -e 0 (median of ${ROUNDS} interleaved rounds)`,
      Object.entries(times).map(([name, t]) => ({
        run: name,
        'median ms': Math.round(median(t)),
        'x node -e 0': Number((median(t) / base).toFixed(2)),
      })),
      [
        `list opens the wallet, which derives its key with scrypt (~${Math.round(scrypt)} ms here by design), on the`,
        `thread pool while the command's code loads; list less that time: ${((median(times['list, 1 credential (compiled)']!) - scrypt) / base).toFixed(2)} x node -e 0.`,
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
