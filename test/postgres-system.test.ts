import { describe, expect, it } from 'vitest';
import { postgresSuite, systemOnFreshSchema } from './support/postgres.ts';
import { claimWhenAnchored, issue, postJson, qualificationRequest, revokeCredential } from './support/system.ts';

/**
 * The scale path for data: the whole system on PostgreSQL (DATABASE_URL) instead of SQLite files,
 * in a fresh schema of the local server. Skipped, saying why, when no PostgreSQL is reachable (outside CI).
 */
const { url: BASE_URL, skip, title } = await postgresSuite('the system');

describe.skipIf(skip)(title, () => {
  const onPostgres = systemOnFreshSchema(BASE_URL);

  it('issues, anchors, verifies, lists, revokes and survives a restart with nothing in SQLite', async () => {
    let system = onPostgres.system();
    const admin = { authorization: `Bearer ${system.adminToken}` };
    const issued = await issue(system, qualificationRequest({ learnerReference: 'pg-1' }));
    expect(issued.status).toBe(201);
    const bundle = await claimWhenAnchored(issued.body.claim.url);
    const verify = () =>
      postJson(`${system.verifierUrl}/credentials/verify`, {
        verifiableCredential: bundle.credential,
        options: { anchorReceipt: bundle.anchorReceipt },
      });
    expect((await verify()).body.checks.find((c: { check: string }) => c.check === 'anchored').status).toBe('valid');

    const { body: challenge } = await postJson(`${system.verifierUrl}/challenges`, {});
    expect(typeof challenge.challenge).toBe('string');
    expect(await (await fetch(`${system.issuerUrl}/anchoring`, { headers: admin })).json()).toMatchObject({
      pendingCredentials: 0,
      batchesInFlight: 0,
    });

    const revoked = await revokeCredential(system, issued.body.credentialId, { reason: 'superseded' });
    expect(revoked.status).toBe(200);
    expect((await verify()).body.checks.find((c: { check: string }) => c.check === 'not_revoked').reason).toBe(
      'revoked',
    );

    const { readdirSync } = await import('node:fs');
    expect(readdirSync(system.dataDir).filter((f) => f.endsWith('.sqlite'))).toEqual([]);

    const before = await (await fetch(`${system.issuerUrl}/institution`)).json();
    system = await onPostgres.restart();
    expect(await (await fetch(`${system.issuerUrl}/institution`)).json()).toEqual(before);
    const list = await (await fetch(`${system.issuerUrl}/credentials`, { headers: admin })).json();
    expect(list.items.map((c: { status: string }) => c.status)).toEqual(['revoked']);
  });
});
