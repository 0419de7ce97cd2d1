/** Why a bounded HTTP exchange did not produce a body. */
export class BoundedFetchError extends Error {
  constructor(
    readonly kind: 'network' | 'broke_off' | 'timeout' | 'too_large',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface BoundedResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

/**
 * One HTTP request with a hard deadline (covering the body too, even if the fetch implementation
 * ignores the abort signal) and a cap on the body size, read as a stream so a huge or endless body
 * is cut off early. Redirects are not followed unless `init.redirect` says so: the caller sees the
 * 3xx status. Used by the verifier (DID documents) and the wallet (everything it fetches).
 */
export async function fetchBounded(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  maxBytes: number,
): Promise<BoundedResponse> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new BoundedFetchError('timeout', `no answer from ${new URL(url).host} within ${timeoutMs} ms`));
    }, timeoutMs);
    timer.unref?.();
  });
  const exchange = (async (): Promise<BoundedResponse> => {
    let response: Response;
    try {
      response = await fetchImpl(url, { redirect: 'manual', ...init, signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted)
        throw new BoundedFetchError('timeout', `no answer from ${new URL(url).host} within ${timeoutMs} ms`);
      throw new BoundedFetchError(
        'network',
        `cannot reach ${new URL(url).host}: ${(error as Error)?.message ?? String(error)}`.slice(0, 300),
        { cause: error },
      );
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new BoundedFetchError('too_large', `the response is ${declared} bytes, more than the ${maxBytes} allowed`);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    if (response.body) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw new BoundedFetchError('too_large', `the response is more than the ${maxBytes} bytes allowed`);
          }
          chunks.push(Buffer.from(value));
        }
      } catch (error) {
        if (error instanceof BoundedFetchError) throw error;
        if (controller.signal.aborted)
          throw new BoundedFetchError('timeout', `no answer from ${new URL(url).host} within ${timeoutMs} ms`);
        throw new BoundedFetchError(
          'broke_off',
          `the response from ${new URL(url).host} broke off: ${(error as Error)?.message ?? String(error)}`.slice(
            0,
            300,
          ),
        );
      }
    }
    return { status: response.status, headers: response.headers, body: Buffer.concat(chunks) };
  })();
  exchange.catch(() => undefined); // settled by the race below; never an unhandled rejection
  try {
    return await Promise.race([exchange, deadline]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
