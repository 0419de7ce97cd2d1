import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { RandomPool } from './random-pool.ts';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
/** Each IV is drawn once from the pool and never used again (a repeated IV would break AES-GCM). */
const ivs = new RandomPool();

export class SecretBoxError extends Error {}

/**
 * Authenticated encryption (AES-256-GCM) for secrets at rest. `context` is bound as associated
 * data, so a sealed value copied to another row or file does not open there.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES)
      throw new SecretBoxError(`a secret box key has ${KEY_BYTES} bytes, got ${key.length}`);
    this.#key = Buffer.from(key);
  }

  seal(plaintext: string | Uint8Array, context = ''): string {
    const iv = ivs.take(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
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

  /** HMAC-SHA256 under a key derived (HKDF) for `context`: a keyed hash of a secret to store. */
  mac(data: string | Uint8Array, context: string): Buffer {
    const key = Buffer.from(hkdfSync('sha256', this.#key, Buffer.alloc(0), `skillmark mac: ${context}`, KEY_BYTES));
    return createHmac('sha256', key).update(data).digest();
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

/**
 * Bounds on stored KDF parameters: a tampered file must not make scrypt run for long, take much
 * memory or throw. At most 128 * N * r bytes = 128 MiB, and N * r * p at most 2^21 rounds.
 */
const KDF_BOUNDS = { N: { min: 2 ** 14, max: 2 ** 17 }, r: { min: 1, max: 8 }, p: { min: 1, max: 2 } } as const;

const within = (value: unknown, { min, max }: { min: number; max: number }) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

export function validPassphraseKdf(kdf: unknown): kdf is PassphraseKdf {
  const k = kdf as PassphraseKdf;
  return (
    typeof k === 'object' &&
    k !== null &&
    k.algorithm === 'scrypt' &&
    typeof k.salt === 'string' &&
    k.salt.length >= 16 &&
    k.salt.length <= 64 &&
    within(k.N, KDF_BOUNDS.N) &&
    (k.N & (k.N - 1)) === 0 &&
    within(k.r, KDF_BOUNDS.r) &&
    within(k.p, KDF_BOUNDS.p)
  );
}

/** scrypt's settings for stored parameters; refuses parameters out of bounds rather than deriving with them. */
function scryptSettings(passphrase: string, kdf: PassphraseKdf) {
  if (!validPassphraseKdf(kdf)) throw new SecretBoxError('key-derivation parameters out of bounds');
  return {
    password: passphrase.normalize('NFKC'),
    salt: Buffer.from(kdf.salt, 'base64url'),
    options: { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r },
  };
}

/** The key for a passphrase. */
export function secretBoxFromPassphrase(passphrase: string, kdf: PassphraseKdf): SecretBox {
  const { password, salt, options } = scryptSettings(passphrase, kdf);
  return new SecretBox(scryptSync(password, salt, KEY_BYTES, options));
}

/** The same, derived on libuv's thread pool, so the calling thread goes on meanwhile. */
export function secretBoxFromPassphraseAsync(passphrase: string, kdf: PassphraseKdf): Promise<SecretBox> {
  const { password, salt, options } = scryptSettings(passphrase, kdf);
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(new SecretBox(key)))),
  );
}

/**
 * The master key of a service: from an environment variable (base64 or hex, 32 bytes) when set,
 * else from a key file created on first use with owner-only permissions.
 */
export function loadMasterKey(keyFile: string, fromEnv: string | undefined): SecretBox {
  if (fromEnv) {
    const value = fromEnv.trim();
    const key = /^[0-9a-fA-F]{64}$/.test(value)
      ? Buffer.from(value, 'hex')
      : /^[A-Za-z0-9+/_-]{43}=?$/.test(value)
        ? Buffer.from(value, 'base64')
        : Buffer.alloc(0);
    if (key.length !== KEY_BYTES) {
      throw new SecretBoxError('SKILLMARK_MASTER_KEY must be 32 bytes, as 64 hex characters or base64');
    }
    return new SecretBox(key);
  }
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const mode = statSync(keyFile).mode & 0o777;
  if (mode & 0o077) chmodSync(keyFile, 0o600);
  return new SecretBox(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'));
}
