import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { BoundedFetchError, type BoundedResponse, fetchBounded } from '../../core/bounded-fetch.ts';
import { CliError, EXIT } from './cli-error.ts';
import { checkWritable } from './output-file.ts';

export const DEFAULT_ISSUER_URL = 'http://127.0.0.1:4100';
/** A cohort's results or a report run to megabytes; far above that is a wrong address. */
const MAX_ANSWER_BYTES = 256 * 1024 * 1024;
const TIMEOUT_MS = 120_000;

/** What the registrar's CLI asks of the issuer API, with the token and limits applied once. */
export interface IssuerClient {
  readonly url: string;
  json<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** Sends a file as the request body, streamed (a cohort may be 100,000 rows). */
  upload<T>(path: string, file: string, contentType: string): Promise<T>;
  download(path: string): Promise<Buffer>;
  /** Streams an answer of any size (a cohort's certificates) into a file; returns its size in bytes. */
  save(path: string, file: string): Promise<number>;
}

export function issuerClient(env: Record<string, string | undefined>, fetchImpl: typeof fetch = fetch): IssuerClient {
  const url = (env.SKILLMARK_ISSUER_URL ?? DEFAULT_ISSUER_URL).replace(/\/+$/, '');
  const token = env.SKILLMARK_ISSUER_TOKEN;
  if (!token) {
    throw new CliError(
      'Set SKILLMARK_ISSUER_TOKEN to your issuer token (the admin token, SKILLMARK_ADMIN_TOKEN, on a new installation).',
      EXIT.usage,
    );
  }
  const send = async (method: string, path: string, body?: BodyInit, contentType?: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    const init = { method, headers, body, duplex: 'half' } as RequestInit;
    const response = await exchange(fetchImpl, url, `${url}${path}`, init);
    if (response.status >= 400) throw refusal(response);
    return response;
  };
  return {
    url,
    json: async (method, path, body) =>
      parseJson(await send(method, path, body === undefined ? undefined : JSON.stringify(body), 'application/json')),
    upload: async (path, file, contentType) => {
      const size = statSync(file).size;
      const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
      const response = await send('POST', path, stream, contentType);
      return parseJson(response, `${size} bytes sent`);
    },
    download: async (path) => (await send('GET', path)).body,
    save: async (path, file) => {
      checkWritable(file);
      const headers = { authorization: `Bearer ${token}` };
      let response: Response;
      try {
        // The deadline covers the answer's start only: a whole cohort's certificates take minutes to draw.
        response = await fetchImpl(`${url}${path}`, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
      } catch {
        throw new CliError(
          `The issuer at ${url} cannot be reached. Check SKILLMARK_ISSUER_URL and that the issuer is running.`,
          EXIT.unreachable,
        );
      }
      if (response.status >= 400 || !response.body) {
        const body = Buffer.from(await response.arrayBuffer());
        throw refusal({ status: response.status, headers: response.headers, body });
      }
      try {
        await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(file));
      } catch (error) {
        rmSync(file, { force: true });
        throw new CliError(
          `The download from ${url} broke off (${(error as Error).message}): nothing was saved; try again.`,
        );
      }
      return statSync(file).size;
    },
  };
}

async function exchange(fetchImpl: typeof fetch, origin: string, url: string, init: RequestInit) {
  try {
    return await fetchBounded(fetchImpl, url, init, TIMEOUT_MS, MAX_ANSWER_BYTES);
  } catch (error) {
    if (!(error instanceof BoundedFetchError)) throw error;
    const why = error.kind === 'timeout' ? `did not answer within ${TIMEOUT_MS / 1000} seconds` : 'cannot be reached';
    throw new CliError(
      `The issuer at ${origin} ${why}. Check SKILLMARK_ISSUER_URL and that the issuer is running.`,
      EXIT.unreachable,
    );
  }
}

function parseJson<T>(response: BoundedResponse, context = ''): T {
  try {
    return JSON.parse(response.body.toString('utf8')) as T;
  } catch {
    throw new CliError(
      `The issuer answered with something that is not JSON (HTTP ${response.status}${context && `, ${context}`}).`,
    );
  }
}

/** The issuer's problem answer (RFC 9457) as one sentence, with each error it lists. */
function refusal(response: BoundedResponse): CliError {
  let problem: { title?: string; detail?: string; errors?: unknown[] } = {};
  try {
    problem = JSON.parse(response.body.toString('utf8'));
  } catch {
    // not a problem document: the status alone says it
  }
  if (response.status === 401) {
    return new CliError(
      'The issuer does not know the token in SKILLMARK_ISSUER_TOKEN (mistyped, or revoked): check it, or ask an administrator for a new one.',
      EXIT.usage,
    );
  }
  if (response.status === 403) {
    // The issuer names the scope the token lacks (issuer/tokens/guard.ts): say that, not only "refused".
    const detail = typeof problem.detail === 'string' && problem.detail.trim() ? problem.detail.trim() : undefined;
    return new CliError(
      detail
        ? `The issuer refused the token in SKILLMARK_ISSUER_TOKEN: ${detail}`
        : 'The issuer refused the token in SKILLMARK_ISSUER_TOKEN: it does not have the right this needs; ask an administrator for a token with it.',
      EXIT.usage,
    );
  }
  const detail = problem.detail ?? problem.title ?? `The issuer answered HTTP ${response.status}.`;
  const errors = Array.isArray(problem.errors) ? problem.errors.filter((e) => typeof e === 'string') : [];
  const extra = errors.filter((e) => !detail.includes(e));
  const retryAfter = Number(response.headers.get('retry-after'));
  return new CliError(
    [detail, ...extra.map((e) => `  - ${e}`)].join('\n'),
    EXIT.failed,
    retryAfter > 0 ? retryAfter : undefined,
  );
}
