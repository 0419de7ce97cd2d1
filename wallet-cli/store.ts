import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { type AnchorReceipt, parseReceipt } from '../core/receipt.ts';
import {
  newPassphraseKdf,
  type PassphraseKdf,
  type SecretBox,
  SecretBoxError,
  secretBoxFromPassphrase,
  validPassphraseKdf,
} from '../core/secret-box.ts';
import { shortIdOf } from '../core/short-id.ts';
import { withFileLock } from './file-lock.ts';
import { WALLET_FILE_NAME } from './wallet-dir.ts';
import { WalletError } from './wallet-error.ts';
import { walletKey } from './wallet-key.ts';
import { plural, t } from './words.ts';

/** A verifier found the credential's batch root on the ledger. */
export interface LedgerCheck {
  /** When the ledger says the root was anchored. */
  anchoredAt: string;
  checkedAt: string;
  /** The verifier that looked (its origin). */
  by: string;
}

/** What a verifier last said of the credential (`verify` and `status` record it; `list` shows it). */
export interface LastCheck {
  at: string;
  /** The verifier that answered (its origin). */
  by: string;
  verdict: 'valid' | 'invalid' | 'unverifiable';
  /** The institution as the trusted registry names it, when the answer gave it. */
  institution?: string;
  /**
   * When the answer said the institution revoked it: when, and why as the registry's reason code
   * (`issuedInError`, …), shown in the reader's language. `why` is the verifier's sentence, kept
   * for the wallets before `reason` (they require it); shown only when an item has no `reason`.
   * `dateUnknown`: the institution revoked it on its status list only (a revocation by bits,
   * docs/status-lists.md), which gives no date nor reason: `at` is then when a verifier first
   * found it revoked, never shown as the day it was revoked.
   */
  revoked?: { at: string; reason?: string; why: string; dateUnknown?: true };
}

export interface StoredCredential {
  /** First 8 hex digits of the credential hash: short enough to type. */
  id: string;
  credentialHash: string;
  credential: string;
  anchorReceipt?: AnchorReceipt;
  /** Set once a verifier found the receipt's root on the ledger; until then the receipt is only a claim. */
  ledgerCheck?: LedgerCheck;
  lastCheck?: LastCheck;
  receivedAt: string;
  source: string;
  /** The claim URL it was collected from (a bearer secret, kept sealed): the issuer prints its certificate there. */
  claimUrl?: string;
}

/** An item of the wallet by its list number: a credential, or what is wrong with a damaged item. */
export type WalletEntry = { number: number; stored: StoredCredential } | { number: number; damaged: string };

interface WalletSecrets {
  seed: string;
  /** Checked item by item when read: one damaged item must not lock the learner out of the others. */
  credentials: unknown[];
}

const FORMAT = 'skillmark-wallet/2';
/** Format 1 did not authenticate its header; such files open and are rewritten as format 2 on the next change. */
const FORMAT_1 = 'skillmark-wallet/1';

/** On disk: the DID and key-derivation settings in clear, everything else sealed, the header authenticated with it. */
interface WalletFile {
  format: typeof FORMAT | typeof FORMAT_1;
  did: string;
  kdf: PassphraseKdf;
  sealed: string;
}

type Header = Omit<WalletFile, 'sealed'>;

export { walletDir } from './wallet-dir.ts';
export { WalletError } from './wallet-error.ts';

/**
 * The associated data of the sealed part: every header field, in a fixed order, so editing the
 * DID or the key-derivation settings makes the file fail to open.
 */
function sealContext(header: Header): string {
  if (header.format === FORMAT_1) return FORMAT_1;
  const { algorithm, salt, N, r, p } = header.kdf;
  return JSON.stringify([header.format, header.did, algorithm, salt, N, r, p]);
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

const didOfSeed = (seed: Buffer) => didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
const isText = (value: unknown): value is string => typeof value === 'string';

function isLastCheck(value: unknown): value is LastCheck {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const revoked = c.revoked as Record<string, unknown> | undefined;
  return (
    isText(c.at) &&
    isText(c.by) &&
    ['valid', 'invalid', 'unverifiable'].includes(c.verdict as string) &&
    (c.institution === undefined || isText(c.institution)) &&
    (revoked === undefined ||
      (typeof revoked === 'object' &&
        isText(revoked.at) &&
        isText(revoked.why) &&
        (revoked.reason === undefined || isText(revoked.reason)) &&
        (revoked.dateUnknown === undefined || revoked.dateUnknown === true)))
  );
}

/** The stored item if its fields are all there and of the right kind, else what is wrong with it. */
export function checkItem(item: unknown): StoredCredential | string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return t('item_not_stored');
  const c = item as Record<string, unknown>;
  for (const name of ['id', 'credentialHash', 'credential', 'receivedAt', 'source']) {
    if (!isText(c[name])) return t('item_missing_field', { name });
  }
  if (c.anchorReceipt !== undefined) {
    try {
      parseReceipt(c.anchorReceipt);
    } catch {
      return t('item_bad_receipt');
    }
  }
  const check = c.ledgerCheck as Record<string, unknown> | undefined;
  if (
    check !== undefined &&
    !(
      typeof check === 'object' &&
      check !== null &&
      isText(check.anchoredAt) &&
      isText(check.checkedAt) &&
      isText(check.by)
    )
  ) {
    return t('item_bad_ledger_check');
  }
  if (c.lastCheck !== undefined && !isLastCheck(c.lastCheck)) return t('item_bad_last_check');
  if (c.claimUrl !== undefined && !isText(c.claimUrl)) return t('item_bad_claim_url');
  return item as StoredCredential;
}

const isStored = (item: unknown): item is StoredCredential => typeof checkItem(item) !== 'string';
const tamperedWith = (file: string, what: string) => new WalletError(t('wallet_tampered', { file, what }));

function readWalletFile(file: string): WalletFile {
  let parsed: WalletFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as WalletFile;
  } catch {
    throw new WalletError(t('wallet_not_json', { file }));
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed.format !== FORMAT && parsed.format !== FORMAT_1)) {
    throw new WalletError(t('wallet_wrong_format', { file, format: String(parsed?.format) }));
  }
  const known = Object.keys(parsed).every((key) => ['format', 'did', 'kdf', 'sealed'].includes(key));
  // Checked before deriving any key: out-of-range settings could take gigabytes and minutes.
  if (!known || !validPassphraseKdf(parsed.kdf) || !isText(parsed.sealed) || !isText(parsed.did)) {
    throw tamperedWith(file, t('tampered_header'));
  }
  return parsed;
}

/** The sealed part, opened with the header as associated data; the DID must be the key's own. */
function unseal(file: string, header: Header, sealed: string, box: SecretBox): WalletSecrets {
  let secrets: WalletSecrets;
  try {
    secrets = JSON.parse(box.openText(sealed, sealContext(header))) as WalletSecrets;
  } catch (error) {
    if (error instanceof SecretBoxError) throw new WalletError(t('wallet_wrong_passphrase', { file }));
    if (error instanceof SyntaxError) throw tamperedWith(file, t('tampered_not_json'));
    throw error;
  }
  if (typeof secrets !== 'object' || secrets === null || !isText(secrets.seed) || !Array.isArray(secrets.credentials))
    throw tamperedWith(file, t('tampered_not_wallet'));
  // Format 1 did not authenticate the DID in its header: it must be the one of the sealed key.
  const seed = Buffer.from(secrets.seed, 'base64url');
  if (seed.length !== 32 || didOfSeed(seed) !== header.did) throw tamperedWith(file, t('tampered_did'));
  return secrets;
}

export class Wallet {
  private constructor(
    private readonly file: string,
    private readonly header: Header,
    private readonly box: SecretBox,
    private secrets: WalletSecrets,
  ) {}

  get did(): string {
    return this.header.did;
  }

  get seed(): Buffer {
    return Buffer.from(this.secrets.seed, 'base64url');
  }

  /** Every item, numbered from 1 as `list` shows them; damaged ones say what is wrong. */
  get entries(): WalletEntry[] {
    return this.secrets.credentials.map((item, i) => {
      const checked = checkItem(item);
      return typeof checked === 'string' ? { number: i + 1, damaged: checked } : { number: i + 1, stored: checked };
    });
  }

  static exists(dir: string): boolean {
    return existsSync(join(dir, WALLET_FILE_NAME));
  }

  static create(dir: string, passphrase: string): Wallet {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const seed = randomBytes(32);
    const header: Header = { format: FORMAT, did: didOfSeed(seed), kdf: newPassphraseKdf() };
    const wallet = new Wallet(join(dir, WALLET_FILE_NAME), header, secretBoxFromPassphrase(passphrase, header.kdf), {
      seed: seed.toString('base64url'),
      credentials: [],
    });
    wallet.save();
    return wallet;
  }

  /** A wallet made from a backup's key and credentials (import into a folder without a wallet). */
  static restore(dir: string, passphrase: string, seed: Buffer, credentials: StoredCredential[]): Wallet {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const header: Header = { format: FORMAT, did: didOfSeed(seed), kdf: newPassphraseKdf() };
    const wallet = new Wallet(join(dir, WALLET_FILE_NAME), header, secretBoxFromPassphrase(passphrase, header.kdf), {
      seed: seed.toString('base64url'),
      credentials: [...credentials],
    });
    wallet.save();
    return wallet;
  }

  static async open(dir: string, passphrase: string): Promise<Wallet> {
    const file = join(dir, WALLET_FILE_NAME);
    if (!existsSync(file)) throw new WalletError(t('wallet_none', { dir }));
    const { sealed, ...header } = readWalletFile(file);
    const box = await walletKey(passphrase, header.kdf);
    // Format 1 files are rewritten as format 2 on their next change.
    return new Wallet(file, { ...header, format: FORMAT }, box, unseal(file, header, sealed, box));
  }

  /** Adds a credential unless the wallet holds it already; returns its entry. */
  add(entry: Omit<StoredCredential, 'id'>): { entry: WalletEntry & { stored: StoredCredential }; added: boolean } {
    const stored = { id: shortIdOf(entry.credentialHash), ...entry };
    let added = false;
    this.#change((credentials) => {
      if (credentials.some((item) => isStored(item) && item.credentialHash === entry.credentialHash)) return;
      credentials.push(stored);
      added = true;
    });
    const found = this.entries.find(
      (e): e is WalletEntry & { stored: StoredCredential } =>
        'stored' in e && e.stored.credentialHash === entry.credentialHash,
    )!;
    return { entry: found, added };
  }

  /** Finds an item by its list number (1, 2, ...) or by the start of its id; damaged items by number only. */
  entry(ref: string): WalletEntry {
    const entries = this.entries;
    if (/^\d{1,4}$/.test(ref) && Number(ref) >= 1 && Number(ref) <= entries.length) return entries[Number(ref) - 1]!;
    const matches = entries.filter(
      (e) => 'stored' in e && e.stored.id.startsWith(ref.toLowerCase()) && ref.length >= 4,
    );
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw new WalletError(plural('ref_ambiguous', matches.length, { ref }));
    throw new WalletError(t('ref_unknown', { ref }));
  }

  /** Like `entry`, for commands that need the credential itself. */
  find(ref: string): StoredCredential {
    const found = this.entry(ref);
    if ('damaged' in found) throw new WalletError(t('item_damaged', { number: found.number, reason: found.damaged }));
    return found.stored;
  }

  /** Adds the credentials the wallet does not hold yet (by credential hash); returns those added. */
  merge(credentials: readonly StoredCredential[]): StoredCredential[] {
    const added: StoredCredential[] = [];
    this.#change((items) => {
      const held = new Set(items.filter(isStored).map((item) => item.credentialHash));
      for (const credential of credentials) {
        if (held.has(credential.credentialHash)) continue;
        held.add(credential.credentialHash);
        items.push(credential);
        added.push(credential);
      }
    });
    return added;
  }

  remove(entry: WalletEntry): void {
    const item = JSON.stringify(this.secrets.credentials[entry.number - 1]);
    this.#change((credentials) => {
      const at = credentials.findIndex((c) => JSON.stringify(c) === item);
      if (at >= 0) credentials.splice(at, 1);
    });
  }

  /** Remembers a verifier's answer, and that it found the credential on the ledger when it did. */
  recordCheck(credentialHash: string, last: LastCheck, ledger?: LedgerCheck): void {
    this.#change((credentials) => {
      const stored = credentials.find((item) => isStored(item) && item.credentialHash === credentialHash);
      if (!stored) return;
      // Found revoked again with no date: when it was first found revoked (or revoked, if known) says more.
      const before = (stored as StoredCredential).lastCheck?.revoked;
      (stored as StoredCredential).lastCheck =
        last.revoked?.dateUnknown && before ? { ...last, revoked: before } : last;
      if (ledger) (stored as StoredCredential).ledgerCheck = ledger;
    });
  }

  recordLedgerCheck(credentialHash: string, check: LedgerCheck): void {
    this.#change((credentials) => {
      const stored = credentials.find((item) => isStored(item) && item.credentialHash === credentialHash);
      if (stored) (stored as StoredCredential).ledgerCheck = check;
    });
  }

  /**
   * Changes the wallet as it is on disk now, not as it was when this command opened it: another
   * command (a `receive` while a `verify` waits for its verifier) may have written it since. One
   * change at a time: two at the same moment would both start from the old content.
   */
  #change(mutate: (credentials: unknown[]) => void): void {
    withFileLock(
      this.file,
      () => {
        const { sealed, ...header } = readWalletFile(this.file);
        if (header.did !== this.header.did || JSON.stringify(header.kdf) !== JSON.stringify(this.header.kdf)) {
          throw new WalletError(t('wallet_replaced', { file: this.file }));
        }
        this.secrets = unseal(this.file, header, sealed, this.box);
        mutate(this.secrets.credentials);
        this.save();
      },
      () => new WalletError(t('wallet_busy', { file: this.file })),
    );
  }

  private save(): void {
    const file: WalletFile = {
      ...this.header,
      sealed: this.box.seal(JSON.stringify(this.secrets), sealContext(this.header)),
    };
    writeAtomically(this.file, `${JSON.stringify(file, null, 2)}\n`);
  }
}
