import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSystem, startSystem } from './support/system.ts';

/**
 * Every operation the issuer and the verifier describe in their OpenAPI documents, sent what a
 * careless script, a confused clerk or a prober sends: odd path segments, bodies that are not what
 * the operation takes, garbage in each query parameter, strange authorization and language
 * headers. Whatever the answer, it is never a 5xx and never shows a stack trace: a malformed
 * request is the caller's mistake, said in plain words (a 2026-13-45 date once answered 500).
 */

const PATH_VALUES = [
  'x',
  '..',
  '%2e%2e%2f',
  'a'.repeat(2000),
  '%00',
  '%F0%9F%92%A5',
  '-1',
  '9999999999999999999999',
  "'",
];

const BODIES: { type?: string; body?: string }[] = [
  { type: 'application/json', body: '{' },
  { type: 'application/json', body: '[]' },
  { type: 'application/json', body: 'null' },
  { type: 'application/json', body: '"text"' },
  { type: 'application/json', body: '{"unexpected":1}' },
  { type: 'application/json', body: '1e999' },
  { type: 'application/json', body: '' },
  { type: 'application/json', body: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { type: 'application/json', body: '{"credential":{"credentialSubject":null},"ids":[{}],"reason":5,"scopes":"all"}' },
  { type: 'text/plain', body: 'hello' },
  { type: 'text/csv', body: 'a,b\n1,2' },
  {
    type: 'multipart/form-data; boundary=x',
    body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--x--',
  },
  {},
];

const QUERY_VALUES = ['', 'x', '-1', '1e999', 'a'.repeat(3000), '2026-13-45', '2026-Q9', '%00'];

const ODD_HEADERS: Record<string, string>[] = [
  { authorization: 'Bearer' },
  { authorization: 'Basic Zm9vOmJhcg==' },
  { authorization: `Bearer ${'x'.repeat(9000)}` },
  { 'accept-language': `*;q=x,,;;${'zz-'.repeat(300)}` },
  { accept: 'text/html' },
];

interface Operation {
  method: string;
  path: string;
  queryNames: string[];
}

async function operationsOf(baseUrl: string): Promise<Operation[]> {
  const spec = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
  };
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      queryNames: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
}

describe('malformed requests to every operation of the issuer and the verifier', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    // No rate limit: every request reaches its operation, instead of a 429 before it.
    system = await startSystem({ env: { ISSUER_RATE_LIMIT: '1000000', VERIFIER_RATE_LIMIT: '1000000' } });
  }, 120_000);
  afterAll(() => system?.destroy());

  it('never answers 5xx nor shows a stack trace', async () => {
    const failures: string[] = [];
    const statuses = new Set<number>();
    const throttled = new Set<string>();
    let sent = 0;
    const send = async (
      operation: string,
      url: string,
      method: string,
      headers: Record<string, string>,
      body?: string,
    ) => {
      sent++;
      const response = await fetch(url, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : body,
        redirect: 'manual',
      });
      const text = await response.text();
      statuses.add(response.status);
      if (response.status === 429) throttled.add(`${method} ${operation}`);
      if (response.status >= 500 || /\bat .+\.(ts|js):\d+/.test(text))
        failures.push(
          `${response.status} ${method} ${url.slice(0, 140)} ${JSON.stringify(headers).slice(0, 80)} ${String(body).slice(0, 40)} -> ${text.slice(0, 160)}`,
        );
    };
    const admin = { authorization: `Bearer ${system.adminToken}` };
    for (const baseUrl of [system.issuerUrl, system.verifierUrl]) {
      const operations = await operationsOf(baseUrl);
      expect(operations.length).toBeGreaterThan(5);
      for (const { method, path, queryNames } of operations) {
        const hasParameters = path.includes('{');
        for (const value of hasParameters ? PATH_VALUES : ['']) {
          const url = `${baseUrl}${path.replace(/\{[^}]+\}/g, value)}`;
          for (const { type, body } of method === 'GET' ? [{}] : BODIES)
            await send(path, url, method, { ...admin, ...(type ? { 'content-type': type } : {}) }, body);
          for (const headers of ODD_HEADERS)
            await send(path, url, method, { 'content-type': 'application/json', ...headers }, '{}');
          for (const name of queryNames)
            for (const query of QUERY_VALUES)
              await send(
                path,
                `${url}?${name}=${encodeURIComponent(query)}`,
                method,
                { ...admin, 'content-type': 'application/json' },
                '{}',
              );
        }
      }
    }
    expect(failures).toEqual([]);
    // The requests reached the operations: refused in several ways, some even answered.
    expect(sent).toBeGreaterThan(1000);
    for (const status of [200, 400, 401, 404, 415]) expect(statuses).toContain(status);
    // Only claims are throttled even so: wrong claim codes are a guessing attack (issuer/claim-guard.ts).
    expect([...throttled].filter((what) => !/claim/.test(what))).toEqual([]);
  }, 300_000);
});
