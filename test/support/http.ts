import http from 'node:http';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  body: any;
}

/** Reads a fetch response whole: status, headers, text and (when it is JSON) the parsed body. */
export async function readReply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/**
 * A POST over node:http, on a fresh connection (default) or a given keep-alive agent, for what
 * fetch cannot do. A body given as a list of chunks is sent chunked, without Content-Length.
 */
export function rawPost(
  url: string,
  body: string | string[],
  headers: Record<string, string> = {},
  agent: http.Agent | false = false,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(body);
    const allHeaders = {
      'content-type': 'application/json',
      ...headers,
      ...(chunked ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
    };
    const request = http.request(url, { method: 'POST', agent, headers: allHeaders }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (d: string) => (text += d));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, text }));
    });
    request.on('error', reject);
    if (chunked) {
      for (const chunk of body) request.write(chunk);
      request.end();
    } else request.end(body);
  });
}
