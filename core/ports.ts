import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

export class PortInUseError extends Error {}

/**
 * Refuses a port some other process listens on, by trying to bind it (then releasing it at once).
 * `hint` tells the operator which setting picks another port.
 */
export function assertPortFree(host: string, port: number, hint: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' ? new PortInUseError(`port ${port} is in use by another process; ${hint}`) : error,
      ),
    );
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Inodes of the sockets listening on `port` (any local address), from the kernel's TCP tables. */
function listeningSocketInodes(port: number): Set<string> | undefined {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let readAny = false;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    readAny = true;
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // fields: sl local_address rem_address st ... inode (10th)
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') inodes.add(fields[9]!);
    }
  }
  return readAny ? inodes : undefined;
}

/**
 * Whether process `pid` holds the socket listening on `port`: proof that what answers there is
 * that process and not another one. Undefined where the kernel does not expose this (not Linux).
 */
export function listensOn(pid: number, port: number): boolean | undefined {
  const inodes = listeningSocketInodes(port);
  if (!inodes) return undefined;
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  return fds.some((fd) => {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      return target.startsWith('socket:[') && inodes.has(target.slice(8, -1));
    } catch {
      return false;
    }
  });
}
