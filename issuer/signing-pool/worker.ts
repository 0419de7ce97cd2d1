import { parentPort, workerData } from 'node:worker_threads';
import { signRows } from './sign-row.ts';
import type { ChunkDone, ChunkTask, ThreadSettings } from './thread-messages.ts';
import { warmUp } from './warm-up.ts';

/** A signing thread of issuer/signing-pool/pool.ts: signs the chunks it is sent, in order of arrival. */
const { warm, ...settings } = workerData as ThreadSettings;
const port = parentPort!;
// Chunks sent meanwhile wait in the port: it delivers them once there is a listener.
if (warm) await warmUp(settings);

port.on('message', async (task: ChunkTask) => {
  // Crash-test hook (test/ and the pool's tests): the thread ends as an uncaught fault would end it.
  if (process.env.SKILLMARK_FAILPOINT === 'signing-pool:thread') process.exit(70);
  let done: ChunkDone;
  try {
    done = { chunk: task.chunk, rows: await signRows(task.rows, task.key, new Date(task.now), settings) };
  } catch (error) {
    done = { chunk: task.chunk, failure: (error as Error).message };
  }
  port.postMessage(done);
});
