import { readFileSync, statSync } from 'node:fs';
import { credentialHash } from '../../core/credential-hash.ts';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { shortIdOf } from '../../core/short-id.ts';
import { MAX_BACKUP_BYTES, openBackup } from '../backup.ts';
import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readBackupPassphrase, readPassphrase } from '../passphrase.ts';
import { checkItem, type StoredCredential, Wallet, WalletError } from '../store.ts';
import { day, plural, t } from '../words.ts';

function readBackupFile(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    size = stat.isFile() ? stat.size : Number.POSITIVE_INFINITY;
  } catch {
    throw new WalletError(t('import_no_file', { file }), EXIT.usage);
  }
  if (size > MAX_BACKUP_BYTES)
    throw new WalletError(t('import_too_large', { file, size: plural('size_bytes', MAX_BACKUP_BYTES) }));
  return readFileSync(file, 'utf8');
}

/** The backup's items that are sound credentials (their id made again from their hash), and how many were not. */
function soundCredentials(items: unknown[]): { credentials: StoredCredential[]; damaged: number } {
  const credentials: StoredCredential[] = [];
  for (const item of items) {
    const checked = checkItem(item);
    if (typeof checked === 'string' || credentialHash(checked.credential) !== checked.credentialHash) continue;
    credentials.push({ ...checked, id: shortIdOf(checked.credentialHash) });
  }
  return { credentials, damaged: items.length - credentials.length };
}

export const importCommand: Command = {
  usage: 'usage_import',
  details: 'details_import',
  options: {},
  async run({ positionals }, { out, walletDir }) {
    const [file] = positionals;
    if (!file) throw new WalletError(t('import_say_which'), EXIT.usage);
    const backup = openBackup(readBackupFile(file), await readBackupPassphrase(), file);
    const seed = Buffer.from(backup.seed, 'base64url');
    if (seed.length !== 32 || didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)) !== backup.did)
      throw new WalletError(t('import_bad_did', { file }));
    const { credentials, damaged } = soundCredentials(backup.credentials);

    const restored = !Wallet.exists(walletDir);
    let wallet: Wallet;
    let added: StoredCredential[];
    if (restored) {
      wallet = Wallet.restore(walletDir, await readPassphrase({ confirm: true }), seed, credentials);
      added = credentials;
    } else {
      wallet = await Wallet.open(walletDir, await readPassphrase());
      if (wallet.did !== backup.did)
        throw new WalletError(
          t('import_other_wallet', { backupDid: backup.did, dir: walletDir, walletDid: wallet.did, file }),
          EXIT.usage,
        );
      added = wallet.merge(credentials);
    }
    const addedHashes = new Set(added.map((c) => c.credentialHash));
    const described = wallet.entries
      .filter((e) => 'stored' in e && addedHashes.has(e.stored.credentialHash))
      .map((e) => describeEntry(e));
    const alreadyHeld = credentials.length - added.length;
    out.result({ did: wallet.did, restored, added: described, alreadyHeld, damagedLeftOut: damaged });
    out.line(
      out.ok(
        restored
          ? t('import_restored', { file, date: day(backup.createdAt), dir: walletDir })
          : t('import_imported', { file, date: day(backup.createdAt) }),
      ),
    );
    out.line(plural('import_added', described.length));
    for (const d of described) out.line(`  ${d.number}. ${'title' in d ? `${d.id}  ${d.title}` : d.damaged}`);
    if (alreadyHeld > 0) out.line(t('import_already_held', { count: alreadyHeld }));
    if (damaged > 0) out.line(t('import_damaged', { count: damaged }));
    return EXIT.ok;
  },
};
