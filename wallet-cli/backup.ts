import {
  newPassphraseKdf,
  type PassphraseKdf,
  SecretBoxError,
  secretBoxFromPassphrase,
  validPassphraseKdf,
} from '../core/secret-box.ts';
import { EXIT } from './command.ts';
import { WalletError } from './wallet-error.ts';
import { t } from './words.ts';

/**
 * A wallet backup (docs/wallet.md): the wallet's key and credentials sealed with AES-256-GCM under
 * a key derived by scrypt from the backup's own passphrase (core/secret-box.ts). In clear only the
 * format, the date and the key-derivation settings, all bound to the sealed part as associated data.
 */
export const BACKUP_FORMAT = 'skillmark-wallet-backup/1';

interface BackupFile {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  kdf: PassphraseKdf;
  sealed: string;
}

export interface BackupContents {
  did: string;
  /** The wallet's Ed25519 seed (base64url): the credentials are issued to its DID. */
  seed: string;
  /** Stored credentials as the wallet holds them; checked one by one on import. */
  credentials: unknown[];
}

/** A backup larger than this is not one (some 10,000 credentials fit). */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

const sealContext = (file: Omit<BackupFile, 'sealed'>) => {
  const { algorithm, salt, N, r, p } = file.kdf;
  return JSON.stringify([file.format, file.createdAt, algorithm, salt, N, r, p]);
};

export function sealBackup(contents: BackupContents, passphrase: string, now = new Date()): string {
  const header = { format: BACKUP_FORMAT, createdAt: now.toISOString(), kdf: newPassphraseKdf() } as const;
  const sealed = secretBoxFromPassphrase(passphrase, header.kdf).seal(JSON.stringify(contents), sealContext(header));
  return `${JSON.stringify({ ...header, sealed } satisfies BackupFile, null, 2)}\n`;
}

const notABackup = (name: string) => new WalletError(t('backup_not_backup', { file: name }), EXIT.usage);

/** The backup's contents; a wrong passphrase or a changed file are refused in plain words. */
export function openBackup(text: string, passphrase: string, name: string): BackupContents & { createdAt: string } {
  let file: BackupFile;
  try {
    file = JSON.parse(text) as BackupFile;
  } catch {
    throw notABackup(name);
  }
  if (typeof file !== 'object' || file === null || file.format !== BACKUP_FORMAT) throw notABackup(name);
  // Checked before deriving any key: out-of-range settings could take gigabytes and minutes.
  if (!validPassphraseKdf(file.kdf) || typeof file.sealed !== 'string' || typeof file.createdAt !== 'string')
    throw new WalletError(t('backup_bad_header', { file: name }));
  let contents: BackupContents;
  try {
    contents = JSON.parse(
      secretBoxFromPassphrase(passphrase, file.kdf).openText(file.sealed, sealContext(file)),
    ) as BackupContents;
  } catch (error) {
    if (error instanceof SecretBoxError) throw new WalletError(t('backup_wrong_passphrase', { file: name }));
    throw new WalletError(t('backup_not_wallet', { file: name }));
  }
  if (typeof contents?.did !== 'string' || typeof contents.seed !== 'string' || !Array.isArray(contents.credentials))
    throw new WalletError(t('backup_not_wallet', { file: name }));
  return { ...contents, createdAt: file.createdAt };
}
