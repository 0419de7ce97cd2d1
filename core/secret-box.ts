import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const VERSION = 'v1';
const KEY_BYTES = 32;

export class SecretBoxError extends Error {}

/**
 * Authenticated encryption (AES-256-GCM) for secrets at rest. `context` is bound as associated
 * data, so a sealed value copied to another row or file does not open there.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new SecretBoxError(`a secret box key has ${KEY_BYTES} bytes, got ${key.length}`);
    this.#key = Buffer.from(key);
  }

  seal(plaintext: string | Uint8Array, context = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  open(sealed: string, context = ''): Buffer {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new SecretBoxError('not a sealed value');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    } catch {
      throw new SecretBoxError('cannot decrypt: wrong key or damaged data');
    }
  }

  openText(sealed: string, context = ''): string {
    return this.open(sealed, context).toString('utf8');
  }
}

/** Parameters of the passphrase-derived key; stored beside the sealed data. */
export interface PassphraseKdf {
  algorithm: 'scrypt';
  salt: string;
  N: number;
  r: number;
  p: number;
}

export function newPassphraseKdf(): PassphraseKdf {
  // N = 2^15 takes ~100 ms on a slow phone-class CPU: costly for guessing, fine for a person.
  return { algorithm: 'scrypt', salt: randomBytes(16).toString('base64url'), N: 2 ** 15, r: 8, p: 1 };
}

/** Bounds on stored KDF parameters: a tampered file must not make scrypt run for hours or throw. */
export function validPassphraseKdf(kdf: unknown): kdf is PassphraseKdf {
  const k = kdf as PassphraseKdf;
  return (
    typeof k === 'object' && k !== null && k.algorithm === 'scrypt' && typeof k.salt === 'string' && k.salt.length >= 16 && k.salt.length <= 64 &&
    Number.isInteger(k.N) && k.N >= 2 ** 14 && k.N <= 2 ** 20 && (k.N & (k.N - 1)) === 0 &&
    Number.isInteger(k.r) && k.r >= 1 && k.r <= 16 && Number.isInteger(k.p) && k.p >= 1 && k.p <= 4
  );
}

export function secretBoxFromPassphrase(passphrase: string, kdf: PassphraseKdf): SecretBox {
  const key = scryptSync(passphrase.normalize('NFKC'), Buffer.from(kdf.salt, 'base64url'), KEY_BYTES, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r,
  });
  return new SecretBox(key);
}

/**
 * The master key of a service: from an environment variable (base64 or hex, 32 bytes) when set,
 * else from a key file created on first use with owner-only permissions.
 */
export function loadMasterKey(keyFile: string, fromEnv: string | undefined): SecretBox {
  if (fromEnv) {
    const value = fromEnv.trim();
    const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
    if (key.length !== KEY_BYTES) {
      throw new SecretBoxError('SKILLMARK_MASTER_KEY must be 32 bytes, as 64 hex characters or base64');
    }
    return new SecretBox(key);
  }
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, randomBytes(KEY_BYTES).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const mode = statSync(keyFile).mode & 0o777;
  if (mode & 0o077) chmodSync(keyFile, 0o600);
  return new SecretBox(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'));
}
