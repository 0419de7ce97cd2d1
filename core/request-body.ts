import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpProblem, problemResponse } from './http-problem.ts';

/** A refused body up to this size is read and dropped, so the client can read the 413 (see below). */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads and drops what is left of a refused body, up to DRAIN_LIMIT_BYTES; whether it all came.
 * A server that answers and closes while the client is still sending makes the client's socket
 * fail (EPIPE, reset) before it reads the answer, so a phone on a slow link would see a broken
 * connection instead of "too large"; a lingering read of a bounded amount avoids that.
 */
async function drain(body: ReadableStream<Uint8Array> | null): Promise<boolean> {
  if (!body) return true;
  const reader = body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      read += value.byteLength;
      if (read > DRAIN_LIMIT_BYTES) return false;
    }
  } catch {
    return false;
  } finally {
    reader.releaseLock();
  }
}

/** Hono's bodyLimit, answering 413 with problem details: bodies larger than `maxBytes` are refused before they are used. */
export function problemBodyLimit(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: async (c) => {
      // A declared length up to the drain limit is read to its end, keeping the connection usable; a
      // chunked or larger body is never read in full, so its connection cannot carry another request.
      const declared = Number(c.req.header('content-length'));
      const drained = declared <= DRAIN_LIMIT_BYTES && (await drain(c.req.raw.body));
      if (!drained) c.header('Connection', 'close');
      return problemResponse(
        c,
        new HttpProblem(413, 'Request too large', `The request body is larger than ${maxBytes} bytes.`),
      );
    },
  });
}

/** Reads a JSON object body, rejecting other content types and malformed JSON with a clear 4xx. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new HttpProblem(
      415,
      'Unsupported media type',
      'Send the request body as JSON with "Content-Type: application/json".',
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new HttpProblem(400, 'Malformed JSON', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpProblem(400, 'Malformed request', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}
