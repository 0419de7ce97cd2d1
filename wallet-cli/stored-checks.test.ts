/**
 * Where a credential stands, from what the wallet stored of its last check, said in the reader's
 * language at display time: a revocation's reason from its code (never the sentence of the verifier
 * that answered, which also held the date as a raw timestamp), a credential never checked as such.
 * Items stored by earlier wallets (the verifier's sentence only, in whatever language it answered)
 * still read sensibly. No server: the items are written into the wallet file as those wallets did.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { runWallet, tempDir } from '../test/support/system.ts';
import { writeFormat1Wallet } from './testing/format-1-wallet.ts';
import { selfSignedBundle, storedItemOf } from './testing/self-signed.ts';

const PASSPHRASE = 'a long learner passphrase';
let scratch: string;
let env: Record<string, string>;

const checked = (revoked?: Record<string, string>, verdict = 'invalid') => ({
  at: '2026-12-01T07:00:00.000Z',
  by: 'http://127.0.0.1:1',
  verdict,
  ...(revoked ? { revoked } : {}),
});

beforeAll(async () => {
  scratch = tempDir('skillmark-stored-checks-');
  env = { SKILLMARK_WALLET_DIR: join(scratch, 'wallet'), SKILLMARK_WALLET_PASSPHRASE: PASSPHRASE };
  const seed = randomBytes(32);
  const did = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
  const bundles = await Promise.all(Array.from({ length: 6 }, () => selfSignedBundle(did)));
  const at = '2026-12-01T06:33:30.000Z';
  writeFormat1Wallet(
    env.SKILLMARK_WALLET_DIR!,
    PASSPHRASE,
    [
      // As this wallet stores it: the reason's code (the sentence only for earlier wallets reading the file).
      storedItemOf(
        bundles[0]!,
        checked({
          at,
          reason: 'issuedInError',
          why: `The institution revoked this credential on ${at} (reason: issued in error).`,
        }),
      ),
      // As earlier wallets stored it: the verifier's sentence, in English or in the language asked for.
      storedItemOf(
        bundles[1]!,
        checked({ at, why: `The institution revoked this credential on ${at} (reason: fraud).` }),
      ),
      storedItemOf(
        bundles[2]!,
        checked({ at, why: `L'établissement a révoqué cette attestation le ${at} (motif : remplacée).` }),
      ),
      storedItemOf(bundles[3]!, checked({ at, why: 'Revoked, says a verifier of another make.' })),
      storedItemOf(bundles[4]!),
      storedItemOf(bundles[5]!, checked(undefined, 'unverifiable')),
    ],
    seed,
  );
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const states = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => /^ {14}\S/.test(line))
    .map((line) => line.trim());

describe('list says where each stored credential stands, in the reader language', () => {
  it('in English: the revocation date once, the reason in words; never checked is said so', async () => {
    const listed = await runWallet(['list'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(states(listed.stdout)).toEqual([
      'REVOKED on December 1, 2026 (issued in error)',
      'REVOKED on December 1, 2026 (fraud)',
      'REVOKED on December 1, 2026 (superseded)',
      // A sentence the wallet cannot read a reason from is all it has: shown as it was.
      'REVOKED on December 1, 2026: Revoked, says a verifier of another make.',
      'not checked yet (received May 2, 2026)',
      'could not be checked on December 1, 2026 (see: skillmark-wallet verify)',
    ]);
    expect(listed.stdout).not.toContain('2026-12-01T');
  });

  it('in French: the reasons translated whatever language the stored sentence was in', async () => {
    const listed = await runWallet(['--lang', 'fr', 'list'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(states(listed.stdout)).toEqual([
      'RÉVOQUÉE le 1 décembre 2026 (délivrée par erreur)',
      'RÉVOQUÉE le 1 décembre 2026 (fraude)',
      'RÉVOQUÉE le 1 décembre 2026 (remplacée)',
      'RÉVOQUÉE le 1 décembre 2026 : Revoked, says a verifier of another make.',
      'pas encore vérifiée (reçue le 2 mai 2026)',
      'vérification impossible le 1 décembre 2026 (voir : skillmark-wallet verify)',
    ]);
  });

  it('show says the same; --json gives the reason code, and the sentence only when no code could be read', async () => {
    const [shown, listed] = await Promise.all([
      runWallet(['show', '2', '--lang', 'es'], env),
      runWallet(['list', '--json'], env),
    ]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/REVOCADA el 1 de diciembre de 2026 \(fraude\)$/m);
    const items = JSON.parse(listed.stdout).credentials.map((c: { state: unknown }) => c.state);
    expect(items[0]).toEqual({
      state: 'revoked',
      revokedAt: '2026-12-01T06:33:30.000Z',
      reason: 'issuedInError',
      checkedAt: '2026-12-01T07:00:00.000Z',
    });
    expect(items[2]).toMatchObject({ reason: 'superseded' });
    expect(items[3]).toMatchObject({ why: 'Revoked, says a verifier of another make.' });
    expect(items[4]).toEqual({ state: 'not_checked', since: '2026-05-02T00:00:00.000Z' });
    expect(items[5]).toEqual({
      state: 'not_checked',
      since: '2026-05-02T00:00:00.000Z',
      undecidedAt: '2026-12-01T07:00:00.000Z',
    });
  });
});
