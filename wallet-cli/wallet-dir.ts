import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function walletDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.SKILLMARK_WALLET_DIR || join(homedir(), '.skillmark-wallet'));
}
