import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpProblem, problemResponse } from './http-problem.ts';

/** Hono's bodyLimit, answering 413 with problem details: bodies larger than `maxBytes` are refused before they are read in full. */
export function problemBodyLimit(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // The rest of the body is never read, so this connection cannot carry another request.
      c.header('Connection', 'close');
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
