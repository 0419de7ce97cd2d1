import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../contracts/registry.ts';
import { readCredentialToken } from '../core/formats/index.ts';
import { statusListKey } from '../core/status-list/entry.ts';
import { REVOCATION_BY_HASH_MAX } from '../issuer/revocations/revoke-by-bits.ts';
import type { Verifier } from '../verifier/service.ts';
import { migrateChain, startSuccessorVerifier } from './support/chain-migration.ts';
import { startTestChain, type TestChain } from './support/local-chain.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  startSystem,
} from './support/system.ts';

/**
 * A network is retired: the documented command re-anchors the registry's history on another
 * chain, and a verifier that trusts the new registry (declaring it took over from the old one)
 * still verifies receipts that name the old chain, with the original anchoring times.
 */
describe('chain migration', () => {
  let system: RunningSystem;
  let newChain: TestChain;
  let verifier: Verifier | undefined;
  let institution: { chainId: number; registry: string };
  let kept: { credential: string; anchorReceipt: any };
  let revoked: { credential: string; anchorReceipt: any };

  const migrate = (toRegistry?: string) => migrateChain(system, institution.registry, newChain.rpcUrl, toRegistry);

  beforeAll(async () => {
    system = await startSystem();
    newChain = await startTestChain({ chainId: 4242 });
    institution = await (await fetch(`${system.issuerUrl}/institution`)).json();
    const a = await issue(system, qualificationRequest({ learnerReference: 'kept' }));
    const b = await issue(system, qualificationRequest({ learnerReference: 'revoked' }));
    kept = await claimWhenAnchored(a.body.claim.url);
    revoked = await claimWhenAnchored(b.body.claim.url);
    const response = await revokeCredential(system, b.body.credentialId, { reason: 'fraud' });
    expect(response.status).toBe(200);
    // A mass revocation: by bits only, which marks the list bits-only on the ledger.
    const many = await Promise.all(
      Array.from({ length: REVOCATION_BY_HASH_MAX + 1 }, (_, i) =>
        issue(system, qualificationRequest({ learnerReference: `mass-${i}` })),
      ),
    );
    const mass = await fetch(`${system.issuerUrl}/credentials/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: many.map((m) => m.body.credentialId), reason: 'issuedInError' }),
    });
    expect((await mass.json()).counts).toMatchObject({ revoked: REVOCATION_BY_HASH_MAX + 1 });
  });

  afterAll(async () => {
    await verifier?.stop();
    await system?.destroy();
    await newChain?.stop();
  });

  it('re-anchors the history on the new chain, idempotently, and receipts of the retired chain still verify', async () => {
    const first = await migrate();
    expect(first).toMatchObject({
      targetChainId: 4242,
      sourceChainId: 31337,
      institutionsAccredited: 1,
      revocationsCopied: 1,
      statusListsCopied: 1,
    });
    expect(first.anchorsImported).toBeGreaterThanOrEqual(1);
    // The list's bits-only mark is carried: the per-hash record copied beside it does not answer for it.
    const read = readCredentialToken(revoked.credential);
    if (!read.ok) throw new Error(read.detail);
    const { statusListCredential } = read.value.credential.credentialStatus as { statusListCredential: string };
    const target = new Registry(first.targetRegistry, newChain.provider);
    expect(await target.statusListOf(read.value.issuer, statusListKey(statusListCredential))).toMatchObject({
      bitsOnly: true,
    });
    const again = await migrate(first.targetRegistry);
    expect(again).toMatchObject({
      anchorsImported: 0,
      anchorsAlreadyPresent: first.anchorsImported,
      revocationsCopied: 0,
      institutionsAccredited: 0,
      transactions: 0,
    });

    process.kill(system.ledgerPid(), 'SIGKILL'); // the old network is gone

    verifier = await startSuccessorVerifier(
      { chainId: 4242, registry: first.targetRegistry, rpcUrl: newChain.rpcUrl },
      { chainId: 31337, registry: institution.registry },
      system.issuerUrl,
    );
    const verify = (bundle: { credential: string; anchorReceipt: any }) =>
      postJson(`${verifier!.server.url}/credentials/verify`, {
        verifiableCredential: bundle.credential,
        options: { anchorReceipt: bundle.anchorReceipt },
      });

    const ok = await verify(kept);
    expect(ok.body.verdict).toBe('valid');
    const anchored = ok.body.checks.find((c: { check: string }) => c.check === 'anchored');
    expect(anchored.details.anchoredAt).toBe(kept.anchorReceipt.anchoredAt);
    expect(ok.body.checks.find((c: { check: string }) => c.check === 'issuer_accredited').details.registry).toBe(
      'Successor registry',
    );

    const bad = await verify(revoked);
    expect(bad.body.verdict).toBe('invalid');
    expect(bad.body.checks.find((c: { check: string }) => c.check === 'not_revoked')).toMatchObject({
      status: 'invalid',
      reason: 'revoked',
    });
  });
});
