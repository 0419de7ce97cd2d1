/**
 * Scoped API tokens and the audit log on a real started system: tokens made and revoked through
 * the real registrar CLI, each scope asked for by the real HTTP API, the audit log read back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimWhenAnchored,
  qualificationRequest,
  type RunningSystem,
  runIssuerCli,
  startSystem,
  tempDir,
} from './support/system.ts';

let system: RunningSystem;
let asAdmin: Record<string, string>;
/** Every secret seen in this test: none may appear in the audit log or a token list. */
const secrets: string[] = [];

async function call(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${system.issuerUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function createToken(name: string, scopes: string[]): Promise<{ id: string; token: string }> {
  const result = await runIssuerCli(
    ['--json', 'tokens', 'create', name, ...scopes.flatMap((s) => ['--scope', s])],
    asAdmin,
  );
  expect(result.code, result.stderr).toBe(0);
  const created = JSON.parse(result.stdout);
  expect(created).toMatchObject({ name, scopes, lastUsedAt: null, revokedAt: null });
  secrets.push(created.token);
  return created;
}

beforeAll(async () => {
  system = await startSystem();
  asAdmin = { SKILLMARK_ISSUER_URL: system.issuerUrl, SKILLMARK_ISSUER_TOKEN: system.adminToken };
  secrets.push(system.adminToken);
}, 90_000);

afterAll(() => system?.destroy());

describe('scoped API tokens', () => {
  let clerk: { id: string; token: string };
  let registrar: { id: string; token: string };
  let credentialId: string;

  it('the registrar CLI creates named tokens; the secret is shown once, in sentences too', async () => {
    clerk = await createToken('clerk desk 2', ['read']);
    const friendly = await runIssuerCli(
      ['tokens', 'create', 'registry office', '--scope', 'issue', '--scope', 'revoke'],
      asAdmin,
    );
    expect(friendly.code, friendly.stderr).toBe(0);
    expect(friendly.stdout).toContain('cannot show it again');
    const token = /smk_[A-Za-z0-9_-]{43}/.exec(friendly.stdout)![0];
    const id = /tokens revoke (\S+)/.exec(friendly.stdout)![1]!;
    registrar = { id, token };
    secrets.push(token);
    const viaApi = await call(system.adminToken, 'POST', '/tokens', { name: 'ministry export', scopes: ['report'] });
    expect(viaApi.status).toBe(201);
    secrets.push(viaApi.body.token);
  });

  it('a read token reads, but cannot issue or revoke: 403 naming the scope', async () => {
    const issued = await call(
      registrar.token,
      'POST',
      '/credentials/issue',
      qualificationRequest({ learnerReference: 'TOK-1' }),
    );
    expect(issued.status).toBe(201);
    credentialId = issued.body.credentialId;
    secrets.push(issued.body.claim.code);
    await claimWhenAnchored(issued.body.claim.url);

    expect((await call(clerk.token, 'GET', `/credentials/${credentialId}`)).status).toBe(200);
    const refusedIssue = await call(
      clerk.token,
      'POST',
      '/credentials/issue',
      qualificationRequest({ learnerReference: 'TOK-2' }),
    );
    expect(refusedIssue.status).toBe(403);
    expect(refusedIssue.body.detail).toContain('"issue" scope');
    const refusedRevoke = await call(clerk.token, 'POST', `/credentials/${credentialId}/revoke`, {
      reason: 'issuedInError',
    });
    expect(refusedRevoke.status).toBe(403);
    expect(refusedRevoke.body.detail).toContain('"revoke" scope');
    const refusedTokens = await call(registrar.token, 'GET', '/tokens');
    expect(refusedTokens.status).toBe(403);
    expect(refusedTokens.body.detail).toContain('"admin" scope');

    const revoked = await call(registrar.token, 'POST', `/credentials/${credentialId}/revoke`, {
      reason: 'issuedInError',
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
  }, 60_000);

  it('lists tokens with their last use and never a secret; a revoked token is 401; the admin token still works', async () => {
    const listed = await call(system.adminToken, 'GET', '/tokens');
    expect(listed.body.items.map((t: { name: string }) => t.name)).toEqual([
      'clerk desk 2',
      'registry office',
      'ministry export',
    ]);
    expect(listed.body.items[0].lastUsedAt).toEqual(expect.any(String));
    expect(listed.body.items[2].lastUsedAt).toBeNull();
    const table = await runIssuerCli(['tokens', 'list'], asAdmin);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/clerk desk 2\s+read\s/);
    expect(table.stdout).toMatch(/registry office\s+issue,revoke\s/);
    for (const secret of secrets) expect(JSON.stringify(listed.body) + table.stdout).not.toContain(secret);

    const revoke = await runIssuerCli(['tokens', 'revoke', clerk.id], asAdmin);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(revoke.stdout).toContain('"clerk desk 2" is revoked');
    expect((await call(clerk.token, 'GET', `/credentials/${credentialId}`)).status).toBe(401);
    expect((await call('smk_not-a-token-at-all', 'GET', '/credentials')).status).toBe(401);
    expect((await call(system.adminToken, 'GET', `/credentials/${credentialId}`)).status).toBe(200);
  });

  it('the audit log shows each write with the token name, never a secret, and exports as CSV', async () => {
    const result = await runIssuerCli(['--json', 'audit', '--limit', '50'], asAdmin);
    expect(result.code, result.stderr).toBe(0);
    const entries: any[] = JSON.parse(result.stdout).items.reverse();
    const writes = entries.map((e) => [e.tokenName, e.method, e.route, e.status]);
    expect(writes).toEqual([
      ['admin', 'POST', '/tokens', 201],
      ['admin', 'POST', '/tokens', 201],
      ['admin', 'POST', '/tokens', 201],
      ['registry office', 'POST', '/credentials/issue', 201],
      ['clerk desk 2', 'POST', '/credentials/issue', 403],
      ['clerk desk 2', 'POST', '/credentials/{id}/revoke', 403],
      ['registry office', 'POST', '/credentials/{id}/revoke', 200],
      ['admin', 'DELETE', '/tokens/{id}', 200],
    ]);
    expect(entries[0].targets).toEqual([clerk.id]);
    expect(entries[3].targets).toEqual([credentialId]);
    expect(entries[6]).toMatchObject({ tokenId: registrar.id, targets: [credentialId], client: '127.0.0.1' });
    expect(entries[7].targets).toEqual([clerk.id]);
    for (const secret of secrets) expect(result.stdout).not.toContain(secret);
    expect(result.stdout).not.toContain('Amina');

    const file = join(tempDir('skillmark-audit-csv-'), 'audit.csv');
    const exported = await runIssuerCli(['audit', '--from', '2000-01-01', '--csv', file], asAdmin);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`8 entries written to ${file}`);
    const csv = readFileSync(file, 'utf8');
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.token_name, r.method, r.route, r.status])).toEqual(writes.map((w) => w.map(String)));
    for (const secret of secrets) expect(csv).not.toContain(secret);

    const none = await call(system.adminToken, 'GET', '/audit?to=2000-01-01');
    expect(none.body.items).toEqual([]);
    const asRegistrar = await call(registrar.token, 'GET', '/audit');
    expect(asRegistrar.status).toBe(403);
  });
});
