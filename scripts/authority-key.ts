/** The registry authority's key, for npm run authority and npm run migrate-chain (docs/ledger.md). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type JsonRpcProvider, type Signer, Wallet } from 'ethers';
import { ConfigError } from '../core/config.ts';
import { PromptCancelled, promptHidden } from '../core/hidden-prompt.ts';

const MIN_PASSPHRASE = 12;

/** The keystore's passphrase: AUTHORITY_KEYSTORE_PASSPHRASE, else asked for on the terminal. */
async function keystorePassphrase(): Promise<string> {
  if (process.env.AUTHORITY_KEYSTORE_PASSPHRASE) return process.env.AUTHORITY_KEYSTORE_PASSPHRASE;
  if (!process.stdin.isTTY)
    throw new ConfigError('Set AUTHORITY_KEYSTORE_PASSPHRASE, or run this on a terminal to be asked for it.');
  try {
    return await promptHidden('Passphrase of the authority keystore:');
  } catch (error) {
    if (error instanceof PromptCancelled) throw new ConfigError('Stopped: no passphrase was given.');
    throw error;
  }
}

/** A new authority key, encrypted in a keystore file that is created (never replaced) with mode 0600. */
export async function newKey(file: string): Promise<string> {
  if (existsSync(file)) throw new ConfigError(`${file} exists already: choose another file (a key is never replaced).`);
  const passphrase = await keystorePassphrase();
  if (passphrase.length < MIN_PASSPHRASE)
    throw new ConfigError(`The passphrase must have at least ${MIN_PASSPHRASE} characters.`);
  const wallet = Wallet.createRandom();
  writeFileSync(file, await wallet.encrypt(passphrase), { mode: 0o600, flag: 'wx' });
  return wallet.address;
}

/** The key in a keystore file, opened with its passphrase. */
async function keystoreKey(file: string): Promise<Wallet> {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file} cannot be read (${(error as NodeJS.ErrnoException).code}).`);
  }
  try {
    const key = await Wallet.fromEncryptedJson(json, await keystorePassphrase());
    return new Wallet(key.privateKey);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`${file} could not be opened: the passphrase is wrong, or it is not a keystore file.`);
  }
}

/**
 * The authority's signer: the key in `keystore`, else AUTHORITY_PRIVATE_KEY, else the unlocked
 * account `local` of a local development node (its address, or its index).
 */
export async function authoritySigner(
  provider: JsonRpcProvider,
  options: { keystore?: string; local?: string | number },
): Promise<Signer> {
  if (options.keystore) return (await keystoreKey(options.keystore)).connect(provider);
  if (process.env.AUTHORITY_PRIVATE_KEY) {
    try {
      return new Wallet(process.env.AUTHORITY_PRIVATE_KEY, provider);
    } catch {
      throw new ConfigError('AUTHORITY_PRIVATE_KEY is not a private key (0x and 64 hex digits).');
    }
  }
  if (options.local !== undefined) return provider.getSigner(options.local);
  throw new ConfigError("Give the registry authority's key: --keystore <file>, or AUTHORITY_PRIVATE_KEY.");
}
