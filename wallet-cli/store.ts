import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import type { AnchorReceipt } from '../core/receipt.ts';
import { newPassphraseKdf, SecretBoxError, secretBoxFromPassphrase, validPassphraseKdf, type PassphraseKdf, type SecretBox } from '../core/secret-box.ts';

export interface StoredCredential {
  /** First 8 hex digits of the credential hash: short enough to type. */
  id: string;
  credentialHash: string;
  credential: string;
  anchorReceipt?: AnchorReceipt;
  receivedAt: string;
  source: string;
}

interface WalletSecrets {
  seed: string;
  credentials: StoredCredential[];
}

/** On disk: the DID in clear (so `did` needs no passphrase), everything else sealed. */
interface WalletFile {
  format: 'skillmark-wallet/1';
  did: string;
  kdf: PassphraseKdf;
  sealed: string;
}

export class WalletError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

const FILE_NAME = 'wallet.json';
const CONTEXT = 'skillmark-wallet/1';

export function walletDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.SKILLMARK_WALLET_DIR || join(homedir(), '.skillmark-wallet'));
}

/** Writes via a temporary file, fsync and rename: a crash leaves the old wallet or the new one, never half. */
function writeAtomically(file: string, content: string): void {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export class Wallet {
  private constructor(
    private readonly file: string,
    private readonly header: Omit<WalletFile, 'sealed'>,
    private readonly box: SecretBox,
    private readonly secrets: WalletSecrets,
  ) {}

  get did(): string {
    return this.header.did;
  }

  get seed(): Buffer {
    return Buffer.from(this.secrets.seed, 'base64url');
  }

  get credentials(): readonly StoredCredential[] {
    return this.secrets.credentials;
  }

  static exists(dir: string): boolean {
    return existsSync(join(dir, FILE_NAME));
  }

  static create(dir: string, passphrase: string): Wallet {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const seed = randomBytes(32);
    const header = { format: 'skillmark-wallet/1' as const, did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), kdf: newPassphraseKdf() };
    const wallet = new Wallet(join(dir, FILE_NAME), header, secretBoxFromPassphrase(passphrase, header.kdf), { seed: seed.toString('base64url'), credentials: [] });
    wallet.save();
    return wallet;
  }

  /** The DID only, without the passphrase. */
  static peekDid(dir: string): string {
    return Wallet.#readFile(dir).did;
  }

  static open(dir: string, passphrase: string): Wallet {
    const parsed = Wallet.#readFile(dir);
    const box = secretBoxFromPassphrase(passphrase, parsed.kdf);
    let secrets: WalletSecrets;
    try {
      secrets = JSON.parse(box.openText(parsed.sealed, CONTEXT)) as WalletSecrets;
    } catch (error) {
      if (error instanceof SecretBoxError) throw new WalletError('Wrong passphrase (or the wallet file is damaged).');
      throw error;
    }
    const { sealed: _sealed, ...header } = parsed;
    return new Wallet(join(dir, FILE_NAME), header, box, secrets);
  }

  static #readFile(dir: string): WalletFile {
    const file = join(dir, FILE_NAME);
    if (!existsSync(file)) throw new WalletError(`No wallet in ${dir}. Create one with: skillmark-wallet init`);
    let parsed: WalletFile;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as WalletFile;
    } catch {
      throw new WalletError(`${file} is not a wallet file (it is not JSON).`);
    }
    if (parsed.format !== 'skillmark-wallet/1') throw new WalletError(`${file} is not a Skillmark wallet (format ${String(parsed.format)}).`);
    if (!validPassphraseKdf(parsed.kdf) || typeof parsed.sealed !== 'string' || typeof parsed.did !== 'string') {
      throw new WalletError(`${file} is damaged: its key-derivation settings or contents are not valid.`);
    }
    return parsed;
  }

  /** Adds a credential unless the wallet holds it already; returns the stored entry. */
  add(entry: Omit<StoredCredential, 'id'>): { stored: StoredCredential; added: boolean } {
    const existing = this.secrets.credentials.find((c) => c.credentialHash === entry.credentialHash);
    if (existing) return { stored: existing, added: false };
    const stored = { id: entry.credentialHash.slice(2, 10), ...entry };
    this.secrets.credentials.push(stored);
    this.save();
    return { stored, added: true };
  }

  /** Finds a credential by its list number (1, 2, ...) or by the start of its id. */
  find(ref: string): StoredCredential {
    const list = this.secrets.credentials;
    if (/^\d{1,4}$/.test(ref) && Number(ref) >= 1 && Number(ref) <= list.length) return list[Number(ref) - 1]!;
    const matches = list.filter((c) => c.id.startsWith(ref.toLowerCase()) && ref.length >= 4);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw new WalletError(`"${ref}" matches ${matches.length} credentials; type more of the id.`);
    throw new WalletError(`No credential "${ref}" in this wallet. See them with: skillmark-wallet list`);
  }

  private save(): void {
    const file: WalletFile = { ...this.header, sealed: this.box.seal(JSON.stringify(this.secrets), CONTEXT) };
    writeAtomically(this.file, `${JSON.stringify(file, null, 2)}\n`);
  }
}
