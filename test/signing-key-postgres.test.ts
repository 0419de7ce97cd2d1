import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresSuite } from './support/postgres.ts';
import { claimWhenAnchored, issue, postJson, qualificationRequest, startSystem, type RunningSystem } from './support/system.ts';

/** Signing-key rotation on PostgreSQL: the new DID and the switch are stored there and survive a restart. */
const { url: BASE_URL, skip, title } = await postgresSuite('signing-key rotation');

describe.skipIf(skip)(title, () => {
  let system: RunningSystem;
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  const institution = async () => (await fetch(`${system.issuerUrl}/institution`)).json();

  beforeAll(async () => {
    schema = await freshSchema(BASE_URL);
    system = await startSystem({ env: { DATABASE_URL: schema.databaseUrl } });
  });

  afterAll(async () => {
    await system?.destroy();
    await schema?.drop();
  });

  it('rotates, issues with the new DID, and keeps it across a restart', async () => {
    const previous = (await institution()).did;
    const response = await fetch(`${system.issuerUrl}/signing-key/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ compromisedSince: new Date(Date.now() - 60_000).toISOString() }),
    });
    expect(response.status).toBe(200);
    const { current } = await response.json();
    expect(current).not.toBe(previous);

    await system.stop();
    system = await startSystem({ dataDir: system.dataDir, env: { DATABASE_URL: schema.databaseUrl }, ports: { ledger: Number(system.env.LEDGER_PORT), issuer: Number(system.env.ISSUER_PORT), verifier: Number(system.env.VERIFIER_PORT) } });
    expect((await institution()).did).toBe(current);
    const bundle = await claimWhenAnchored((await issue(system, qualificationRequest({ learnerReference: 'pg-rotated' }))).body.claim.url);
    const { body } = await postJson(`${system.verifierUrl}/credentials/verify`, { verifiableCredential: bundle.credential, options: { anchorReceipt: bundle.anchorReceipt } });
    expect(body.verdict).toBe('valid');
    expect(JSON.parse(Buffer.from(bundle.credential.split('.')[1]!, 'base64url').toString()).iss).toBe(current);
  });
});
