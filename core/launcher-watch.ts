import { readFileSync } from 'node:fs';

interface ProcessIdentity {
  pid: number;
  /** Start time in clock ticks since boot: a recycled pid has another one. */
  startTime: string;
}

/** ppid and start time from /proc/<pid>/stat; undefined when the process is gone. */
function statOf(pid: number): { ppid: number; startTime: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: split after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), startTime: fields[19]! };
  } catch {
    return undefined;
  }
}

function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

const LAUNCHER = /\bnpm\b|\btsx\b|\bnpx\b/;

/**
 * The processes that launched this one: `npm start` runs a shell that runs tsx that runs node.
 * npm does not pass every signal on (SIGTERM to npm's pid leaves the rest running), so we watch
 * the whole chain, walking up while the ancestor is npm, npx, tsx or the shell between them.
 */
function launcherChain(): ProcessIdentity[] {
  const chain: ProcessIdentity[] = [];
  let pid = process.ppid;
  while (pid > 1) {
    const stat = statOf(pid);
    if (!stat || !LAUNCHER.test(cmdlineOf(pid))) break;
    chain.push({ pid, startTime: stat.startTime });
    pid = stat.ppid;
  }
  return chain;
}

/**
 * Calls `onGone` once, when any launcher of this process has ended (or this process was
 * re-parented): a kill of npm or tsx, even kill -9, then stops the system instead of orphaning it.
 * Linux only (reads /proc); elsewhere it watches nothing. Returns a function that stops watching.
 */
export function whenLauncherGone(onGone: () => void, intervalMs = 250): () => void {
  const parent = process.ppid;
  const chain = launcherChain();
  const timer = setInterval(() => {
    const gone = process.ppid !== parent || chain.some((p) => statOf(p.pid)?.startTime !== p.startTime);
    if (gone) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
