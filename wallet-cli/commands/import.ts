import { readFileSync, statSync } from 'node:fs';
import { credentialHash } from '../../core/credential-hash.ts';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { MAX_BACKUP_BYTES, openBackup } from '../backup.ts';
import { type Command, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readBackupPassphrase, readPassphrase } from '../passphrase.ts';
import { checkItem, type StoredCredential, Wallet, WalletError } from '../store.ts';

function readBackupFile(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    size = stat.isFile() ? stat.size : Number.POSITIVE_INFINITY;
  } catch {
    throw new WalletError(`There is no file ${file}.`, EXIT.usage);
  }
  if (size > MAX_BACKUP_BYTES)
    throw new WalletError(`${file} is not a wallet backup (not a file of at most ${MAX_BACKUP_BYTES} bytes).`);
  return readFileSync(file, 'utf8');
}

/** The backup's items that are sound credentials (their id made again from their hash), and how many were not. */
function soundCredentials(items: unknown[]): { credentials: StoredCredential[]; damaged: number } {
  const credentials: StoredCredential[] = [];
  for (const item of items) {
    const checked = checkItem(item);
    if (typeof checked === 'string' || credentialHash(checked.credential) !== checked.credentialHash) continue;
    credentials.push({ ...checked, id: checked.credentialHash.slice(2, 10) });
  }
  return { credentials, damaged: items.length - credentials.length };
}

export const importCommand: Command = {
  usage: 'skillmark-wallet import <backup-file>',
  details: [
    'Brings back a backup made by "skillmark-wallet export", with its backup passphrase (or',
    'SKILLMARK_BACKUP_PASSPHRASE). Where there is no wallet yet, it becomes your wallet, with your',
    'old DID, under a wallet passphrase you choose. Where the same wallet is already, the credentials',
    'it lacks are added and none is doubled. It prints what was added.',
  ],
  options: {},
  async run({ positionals }, { out, walletDir }) {
    const [file] = positionals;
    if (!file) throw new WalletError('Say which backup file to import: skillmark-wallet import <file>', EXIT.usage);
    const backup = openBackup(readBackupFile(file), await readBackupPassphrase(), file);
    const seed = Buffer.from(backup.seed, 'base64url');
    if (seed.length !== 32 || didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)) !== backup.did)
      throw new WalletError(`${file} is damaged: its DID is not the one of its key.`);
    const { credentials, damaged } = soundCredentials(backup.credentials);

    const restored = !Wallet.exists(walletDir);
    let wallet: Wallet;
    let added: StoredCredential[];
    if (restored) {
      wallet = Wallet.restore(walletDir, await readPassphrase({ confirm: true }), seed, credentials);
      added = credentials;
    } else {
      wallet = Wallet.open(walletDir, await readPassphrase());
      if (wallet.did !== backup.did)
        throw new WalletError(
          [
            `This backup holds another wallet (${backup.did}) than the one in ${walletDir} (${wallet.did}).`,
            "Its credentials are issued to the backup's DID, so they can only be shown from that wallet.",
            `Import it into a folder without a wallet: SKILLMARK_WALLET_DIR=<new folder> skillmark-wallet import ${file}`,
          ].join('\n'),
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
          ? `Wallet restored from ${file} (backup of ${backup.createdAt}) in ${walletDir}.`
          : `Imported ${file} (backup of ${backup.createdAt}).`,
      ),
    );
    out.line(`Added: ${described.length} credential(s).`);
    for (const d of described) out.line(`  ${d.number}. ${'title' in d ? `${d.id}  ${d.title}` : d.damaged}`);
    if (alreadyHeld > 0) out.line(`Already in your wallet, not added again: ${alreadyHeld}.`);
    if (damaged > 0) out.line(`Damaged items in the backup, left out: ${damaged}.`);
    return EXIT.ok;
  },
};
