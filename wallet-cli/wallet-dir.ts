import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The wallet's one file, in its folder. */
export const WALLET_FILE_NAME = 'wallet.json';

export function walletDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.SKILLMARK_WALLET_DIR || join(homedir(), '.skillmark-wallet'));
}
