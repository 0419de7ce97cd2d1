import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresSuite } from './support/postgres.ts';
import { claimWhenAnchored, issue, postJson, qualificationRequest, startSystem, type RunningSystem } from './support/system.ts';

/**
 * The scale path for data: the whole system on PostgreSQL (DATABASE_URL) instead of SQLite files,
 * in a fresh schema of the local server. Skipped, saying why, when no PostgreSQL is reachable (outside CI).
 */
const { url: BASE_URL, skip, title } = await postgresSuite('the system');

describe.skipIf(skip)(title, () => {
  let system: RunningSystem;
  let schema: Awaited<ReturnType<typeof freshSchema>>;

  beforeAll(async () => {
    schema = await freshSchema(BASE_URL);
    system = await startSystem({ env: { DATABASE_URL: schema.databaseUrl } });
  });

  afterAll(async () => {
    await system?.destroy();
    await schema?.drop();
  });

  it('issues, anchors, verifies, lists, revokes and survives a restart with nothing in SQLite', async () => {
    const admin = { authorization: `Bearer ${system.adminToken}` };
    const issued = await issue(system, qualificationRequest({ learnerReference: 'pg-1' }));
    expect(issued.status).toBe(201);
    const bundle = await claimWhenAnchored(issued.body.claim.url);
    const verify = () => postJson(`${system.verifierUrl}/credentials/verify`, { verifiableCredential: bundle.credential, options: { anchorReceipt: bundle.anchorReceipt } });
    expect((await verify()).body.checks.find((c: { check: string }) => c.check === 'anchored').status).toBe('valid');

    const { body: challenge } = await postJson(`${system.verifierUrl}/challenges`, {});
    expect(typeof challenge.challenge).toBe('string');
    expect(await (await fetch(`${system.issuerUrl}/anchoring`, { headers: admin })).json()).toMatchObject({ pendingCredentials: 0, batchesInFlight: 0 });

    const revoked = await fetch(`${system.issuerUrl}/credentials/${issued.body.credentialId}/revoke`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'superseded' }),
    });
    expect(revoked.status).toBe(200);
    expect((await verify()).body.checks.find((c: { check: string }) => c.check === 'not_revoked').reason).toBe('revoked');

    const { readdirSync } = await import('node:fs');
    expect(readdirSync(system.dataDir).filter((f) => f.endsWith('.sqlite'))).toEqual([]);

    const before = await (await fetch(`${system.issuerUrl}/institution`)).json();
    await system.stop();
    system = await startSystem({
      dataDir: system.dataDir,
      env: { DATABASE_URL: schema.databaseUrl },
      ports: { ledger: Number(system.env.LEDGER_PORT), issuer: Number(system.env.ISSUER_PORT), verifier: Number(system.env.VERIFIER_PORT) },
    });
    expect(await (await fetch(`${system.issuerUrl}/institution`)).json()).toEqual(before);
    const list = await (await fetch(`${system.issuerUrl}/credentials`, { headers: admin })).json();
    expect(list.items.map((c: { status: string }) => c.status)).toEqual(['revoked']);
  });
});
