import { parentPort, workerData } from 'node:worker_threads';
import { type SigningSettings, signRows } from './sign-row.ts';
import type { ChunkDone, ChunkTask } from './thread-messages.ts';

/** A signing thread of issuer/signing-pool/pool.ts: signs the chunks it is sent, in order of arrival. */
const settings = workerData as SigningSettings;
const port = parentPort!;

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
