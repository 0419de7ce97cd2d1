import { describe, expect, it } from 'vitest';
import { postgresSuite, systemOnFreshSchema } from './support/postgres.ts';
import { claimWhenAnchored, issue, postJson, qualificationRequest } from './support/system.ts';

/** Signing-key rotation on PostgreSQL: the new DID and the switch are stored there and survive a restart. */
const { url: BASE_URL, skip, title } = await postgresSuite('signing-key rotation');

describe.skipIf(skip)(title, () => {
  const onPostgres = systemOnFreshSchema(BASE_URL);

  it('rotates, issues with the new DID, and keeps it across a restart', async () => {
    let system = onPostgres.system();
    const institution = async () => (await fetch(`${system.issuerUrl}/institution`)).json();
    const previous = (await institution()).did;
    const response = await fetch(`${system.issuerUrl}/signing-key/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ compromisedSince: new Date(Date.now() - 60_000).toISOString() }),
    });
    expect(response.status).toBe(200);
    const { current } = await response.json();
    expect(current).not.toBe(previous);

    system = await onPostgres.restart();
    expect((await institution()).did).toBe(current);
    const bundle = await claimWhenAnchored(
      (await issue(system, qualificationRequest({ learnerReference: 'pg-rotated' }))).body.claim.url,
    );
    const { body } = await postJson(`${system.verifierUrl}/credentials/verify`, {
      verifiableCredential: bundle.credential,
      options: { anchorReceipt: bundle.anchorReceipt },
    });
    expect(body.verdict).toBe('valid');
    expect(JSON.parse(Buffer.from(bundle.credential.split('.')[1]!, 'base64url').toString()).iss).toBe(current);
  });
});
