import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** How long a command waits for another one's change to the wallet (changes take milliseconds). */
const WAIT_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Whether the lock's process has died without releasing it (a crash or kill -9). */
function holderIsGone(lockFile: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lockFile, 'utf8'));
  } catch {
    return false; // released meanwhile: simply try again
  }
  if (!Number.isSafeInteger(pid) || pid <= 0) return true; // not a lock this code wrote
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Runs `change` while holding `<file>.lock`, so that two wallet commands changing the file at the
 * same moment cannot both read the old content and the second write lose the first one's change.
 * The lock names its process; a lock whose process is gone is taken over (if two commands take
 * over the same dead lock at the very same moment, both may proceed: only after a crash). Synchronous,
 * as the wallet's read-change-write is (a few milliseconds).
 */
export function withFileLock<T>(file: string, change: () => T, onBusy: () => Error): T {
  const lockFile = `${file}.lock`;
  // The lock is made whole (with its process id) under another name, then linked into place, which
  // fails if a lock exists: no other process can ever see a lock without its owner.
  const draft = `${lockFile}.${process.pid}`;
  writeFileSync(draft, String(process.pid), { mode: 0o600 });
  const deadline = Date.now() + WAIT_MS;
  try {
    for (;;) {
      try {
        linkSync(draft, lockFile);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (holderIsGone(lockFile)) rmSync(lockFile, { force: true });
        else if (Date.now() > deadline) throw onBusy();
        else Atomics.wait(pause, 0, 0, 10);
      }
    }
  } finally {
    rmSync(draft, { force: true });
  }
  try {
    return change();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
