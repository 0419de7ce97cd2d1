/**
 * Encryption at rest: the AES-256-GCM secret box, the service master key (env or 0600 key file)
 * and the passphrase-derived key of the wallet. Real files in a temp dir, no mocks.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  loadMasterKey,
  newPassphraseKdf,
  SecretBox,
  SecretBoxError,
  secretBoxFromPassphrase,
  validPassphraseKdf,
} from './secret-box.ts';

const dirs: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'skillmark-secret-box-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The sealed value with one bit flipped in part `index` (0 version, 1 iv, 2 tag, 3 ciphertext). */
function flipBitIn(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index]!, 'base64url');
  bytes[0]! ^= 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, for text and for bytes', () => {
    const sealed = box.seal('0123456789abcdef secret key material', 'row-1');
    expect(box.openText(sealed, 'row-1')).toBe('0123456789abcdef secret key material');
    const bytes = randomBytes(100);
    expect(box.open(box.seal(bytes, 'row-2'), 'row-2').equals(bytes)).toBe(true);
    expect(box.openText(box.seal(''), '')).toBe('');
  });

  it('does not show the plaintext and never seals the same value twice the same way', () => {
    const a = box.seal('attack at dawn', 'ctx');
    const b = box.seal('attack at dawn', 'ctx');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('attack');
    expect(Buffer.from(a.split('.')[3]!, 'base64url').toString('utf8')).not.toContain('attack');
  });

  it('binds the context: a value sealed for one context does not open in another', () => {
    const sealed = box.seal('private key of alias A', 'alias-A');
    expect(() => box.open(sealed, 'alias-B')).toThrow(SecretBoxError);
    expect(() => box.open(sealed)).toThrow(SecretBoxError);
    expect(box.openText(sealed, 'alias-A')).toBe('private key of alias A');
  });

  it('refuses tampered values: iv, tag or ciphertext changed', () => {
    const sealed = box.seal('do not touch', 'ctx');
    for (const part of [1, 2, 3]) {
      expect(() => box.open(flipBitIn(sealed, part), 'ctx'), `part ${part}`).toThrow(SecretBoxError);
    }
    const parts = sealed.split('.');
    expect(() => box.open([parts[0], parts[1], parts[2], `${parts[3]}AA`].join('.'), 'ctx')).toThrow(SecretBoxError);
    expect(() => box.open([parts[0], parts[1], parts[2], ''].join('.'), 'ctx')).toThrow(SecretBoxError);
  });

  it('refuses values that are not sealed values', () => {
    for (const bad of ['', 'hello', 'v1.a.b', 'v2.AAAA.AAAA.AAAA', 'v1..AAAA.AAAA']) {
      expect(() => box.open(bad), JSON.stringify(bad)).toThrow(SecretBoxError);
    }
  });

  it('does not open with another key', () => {
    const sealed = box.seal('for the first key only', 'ctx');
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'ctx')).toThrow(SecretBoxError);
  });

  it('takes only 32-byte keys', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(SecretBoxError);
    expect(() => new SecretBox(randomBytes(33))).toThrow(SecretBoxError);
    expect(() => new SecretBox(Buffer.alloc(0))).toThrow(SecretBoxError);
  });

  it('copies the key it is given: changing the caller’s buffer afterwards changes nothing', () => {
    const key = randomBytes(32);
    const own = new SecretBox(key);
    const sealed = own.seal('stable', 'ctx');
    key.fill(0);
    expect(own.openText(sealed, 'ctx')).toBe('stable');
  });
});

describe('loadMasterKey', () => {
  it('creates a 0600 key file (and a 0700 directory) on first use and reuses it afterwards', () => {
    const dir = join(temp(), 'nested', 'data');
    const file = join(dir, 'issuer-master.key');
    const first = loadMasterKey(file, undefined);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const content = readFileSync(file, 'utf8');
    expect(Buffer.from(content.trim(), 'base64')).toHaveLength(32);

    const sealed = first.seal('institution signing key', 'alias');
    const second = loadMasterKey(file, undefined);
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(second.openText(sealed, 'alias')).toBe('institution signing key');
  });

  it('two data dirs get two different keys', () => {
    const a = loadMasterKey(join(temp(), 'master.key'), undefined);
    const b = loadMasterKey(join(temp(), 'master.key'), undefined);
    expect(() => b.open(a.seal('x'))).toThrow(SecretBoxError);
  });

  it('tightens a key file that others can read back to 0600', () => {
    const file = join(temp(), 'master.key');
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o644 });
    chmodSync(file, 0o644);
    loadMasterKey(file, undefined);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('takes the key from the environment as 64 hex characters or as base64, and then writes no key file', () => {
    const raw = randomBytes(32);
    const file = join(temp(), 'master.key');
    const fromHex = loadMasterKey(file, raw.toString('hex'));
    const fromUpperHex = loadMasterKey(file, raw.toString('hex').toUpperCase());
    const fromBase64 = loadMasterKey(file, raw.toString('base64'));
    const direct = new SecretBox(raw);
    const sealed = direct.seal('same key', 'ctx');
    for (const box of [fromHex, fromUpperHex, fromBase64]) expect(box.openText(sealed, 'ctx')).toBe('same key');
    expect(direct.openText(fromBase64.seal('back', 'ctx'), 'ctx')).toBe('back');
    expect(existsSync(file)).toBe(false);
  });

  it('the environment key wins over an existing key file', () => {
    const file = join(temp(), 'master.key');
    const fromFile = loadMasterKey(file, undefined);
    const raw = randomBytes(32);
    const fromEnv = loadMasterKey(file, raw.toString('hex'));
    expect(() => fromEnv.open(fromFile.seal('file key', 'ctx'), 'ctx')).toThrow(SecretBoxError);
    expect(new SecretBox(raw).openText(fromEnv.seal('env key', 'ctx'), 'ctx')).toBe('env key');
  });

  it('rejects an environment key that is not 32 bytes', () => {
    const file = join(temp(), 'master.key');
    const bad = [
      'short',
      randomBytes(31).toString('hex'),
      randomBytes(33).toString('hex'),
      randomBytes(31).toString('base64'),
      randomBytes(33).toString('base64'),
      randomBytes(16).toString('hex'), // 32 hex characters: only 16 bytes
      '!!!!',
    ];
    for (const value of bad) {
      expect(() => loadMasterKey(file, value), value).toThrow(/SKILLMARK_MASTER_KEY must be 32 bytes/);
    }
    expect(existsSync(file)).toBe(false);
  });
});

describe('passphrase-derived keys', () => {
  it('the same passphrase and parameters give the same key; another passphrase does not open', () => {
    const kdf = newPassphraseKdf();
    expect(kdf.algorithm).toBe('scrypt');
    expect(kdf.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(Buffer.from(kdf.salt, 'base64url')).toHaveLength(16);
    const sealed = secretBoxFromPassphrase('correct horse battery staple', kdf).seal(
      'wallet secrets',
      'skillmark-wallet/1',
    );
    expect(secretBoxFromPassphrase('correct horse battery staple', kdf).openText(sealed, 'skillmark-wallet/1')).toBe(
      'wallet secrets',
    );
    expect(() =>
      secretBoxFromPassphrase('correct horse battery stapler', kdf).open(sealed, 'skillmark-wallet/1'),
    ).toThrow(SecretBoxError);
  });

  it('the salt matters: the same passphrase with a new salt does not open', () => {
    const sealed = secretBoxFromPassphrase('passphrase', newPassphraseKdf()).seal('x');
    expect(() => secretBoxFromPassphrase('passphrase', newPassphraseKdf()).open(sealed)).toThrow(SecretBoxError);
  });

  it('a passphrase typed in another Unicode form (composed or decomposed é) opens the same wallet', () => {
    const kdf = newPassphraseKdf();
    const composed = 'caf\u00e9 au lait';
    const decomposed = 'cafe\u0301 au lait';
    const sealed = secretBoxFromPassphrase(composed, kdf).seal('ok');
    expect(secretBoxFromPassphrase(decomposed, kdf).openText(sealed)).toBe('ok');
  });
});

describe('passphrase key-derivation bounds', () => {
  it('parameters beyond the bounds (as a tampered wallet file could hold) are refused before deriving', () => {
    const kdf = newPassphraseKdf();
    // N = 2^18 alone, or r = 16, would have scrypt take 256 MiB; N = 2^20, r = 16 took 2.2 GB.
    for (const tampered of [
      { N: 2 ** 18 },
      { r: 16 },
      { p: 4 },
      { N: 2 ** 20, r: 16 },
      { N: 2 ** 15 + 1 },
      { N: 2 ** 10 },
      { r: 0 },
      { p: 1.5 },
    ]) {
      const settings = { ...kdf, ...tampered };
      expect(validPassphraseKdf(settings), JSON.stringify(tampered)).toBe(false);
      expect(() => secretBoxFromPassphrase('passphrase', settings), JSON.stringify(tampered)).toThrow(SecretBoxError);
    }
    expect(validPassphraseKdf(kdf)).toBe(true);
  });
});
