import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUseError extends Error {}

/**
 * One running system per data dir: a second `npm start` on the same dir would adopt (and on exit
 * stop) the first one's ledger node and share its databases. The lock is a pid file; a stale one
 * (its process is gone) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Keys, databases and the ledger's state are for this account only (older data dirs included).
  chmodSync(dataDir, 0o700);
  const file = join(dataDir, 'skillmark.pid');
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
      process.kill(pid, 0);
      // A recycled pid of an unrelated process is not a running Skillmark.
      if (existsSync(`/proc/${pid}/cmdline`) && !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start'))
        throw new Error('stale');
      throw new DataDirInUseError(
        `Skillmark is already running on ${dataDir} (process ${pid}). Stop it first, or set SKILLMARK_DATA_DIR to another folder.`,
      );
    }
  } catch (error) {
    if (error instanceof DataDirInUseError) throw error;
    // no pid file, or its process is gone
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
