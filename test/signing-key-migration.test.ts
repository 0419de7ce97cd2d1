import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectProvider } from '../contracts/provider.ts';
import { Registry } from '../contracts/registry.ts';
import type { Verifier } from '../verifier/service.ts';
import { migrateChain, startSuccessorVerifier } from './support/chain-migration.ts';
import { startTestChain, type TestChain } from './support/local-chain.ts';
import { anchorAlone, forge, stealSigningKey } from './support/stolen-key.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  startSystem,
} from './support/system.ts';

type Bundle = { credential: string; anchorReceipt: any };
type Check = { check: string; status: string; reason: string };

/**
 * A chain migration carries the signing DIDs added by a rotation and the compromise reports: on
 * the new registry, a forgery anchored on the old chain after the reported time stays invalid,
 * and credentials of the new DID stay valid.
 */
describe('chain migration of signing DIDs and compromise reports', () => {
  let system: RunningSystem;
  let newChain: TestChain;
  let verifier: Verifier | undefined;
  let institution: { did: string; chainId: number; registry: string };
  let genuine: Bundle;
  let fresh: Bundle;
  let forged: Bundle;
  let compromisedAt: number;

  const issueAndClaim = async (reference: string): Promise<Bundle> =>
    claimWhenAnchored((await issue(system, qualificationRequest({ learnerReference: reference }))).body.claim.url);
  const migrate = (toRegistry?: string) => migrateChain(system, institution.registry, newChain.rpcUrl, toRegistry);

  beforeAll(async () => {
    system = await startSystem();
    newChain = await startTestChain({ chainId: 4343 });
    institution = await (await fetch(`${system.issuerUrl}/institution`)).json();
    genuine = await issueAndClaim('genuine');

    const provider = connectProvider(`http://127.0.0.1:${system.env.LEDGER_PORT}`, institution.chainId);
    try {
      const registry = new Registry(institution.registry, provider);
      compromisedAt = (await registry.anchorOf(genuine.anchorReceipt.merkleRoot)).anchoredAt + 1;
      while (Date.now() < compromisedAt * 1000) await sleep(compromisedAt * 1000 - Date.now());
      const rotated = await fetch(`${system.issuerUrl}/signing-key/rotate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${system.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ compromisedSince: new Date(compromisedAt * 1000).toISOString() }),
      });
      expect(rotated.status).toBe(200);
      fresh = await issueAndClaim('fresh');

      // The attacker anchors a forgery on the old chain through a second anchoring key of the college.
      const institutionId = await registry.institutionOfDid(institution.did);
      const attacker = await provider.getSigner(5);
      await (
        await new Registry(institution.registry, await provider.getSigner(0)).contract.getFunction('addSigner')(
          institutionId,
          await attacker.getAddress(),
        )
      ).wait();
      const forgery = await forge(genuine.credential, await stealSigningKey(system.dataDir, institution.did));
      forged = {
        credential: forgery,
        anchorReceipt: await anchorAlone(new Registry(institution.registry, attacker), forgery, genuine.anchorReceipt),
      };
    } finally {
      provider.destroy();
    }
  });

  afterAll(async () => {
    await verifier?.stop();
    await system?.destroy();
    await newChain?.stop();
  });

  it('copies the added DID and the compromise once, and the new registry judges as the old one did', async () => {
    const first = await migrate();
    expect(first).toMatchObject({ institutionsAccredited: 1, didsAdded: 1, compromisesCopied: 1 });
    const again = await migrate(first.targetRegistry);
    expect(again).toMatchObject({ didsAdded: 0, compromisesCopied: 0, anchorsImported: 0, transactions: 0 });
    const target = new Registry(first.targetRegistry, newChain.provider);
    expect(await target.didCompromisedSince(institution.did)).toBe(compromisedAt);

    process.kill(system.ledgerPid(), 'SIGKILL'); // the old network is gone
    verifier = await startSuccessorVerifier(
      { chainId: 4343, registry: first.targetRegistry, rpcUrl: newChain.rpcUrl },
      institution,
      system.issuerUrl,
    );
    const verify = async (bundle: Bundle) =>
      (
        await postJson(`${verifier!.server.url}/credentials/verify`, {
          verifiableCredential: bundle.credential,
          options: { anchorReceipt: bundle.anchorReceipt },
        })
      ).body as { verdict: string; checks: Check[] };
    const signingKey = (body: { checks: Check[] }) => body.checks.find((c) => c.check === 'signing_key');

    const kept = await verify(genuine);
    expect(kept.verdict).toBe('valid');
    expect(signingKey(kept)).toMatchObject({ status: 'valid', reason: 'signing_key_compromised_after_anchor' });
    const renewed = await verify(fresh);
    expect(renewed.verdict).toBe('valid');
    expect(signingKey(renewed)).toMatchObject({ status: 'valid', reason: 'signing_key_not_reported' });
    const refused = await verify(forged);
    expect(refused.verdict).toBe('invalid');
    expect(signingKey(refused)).toMatchObject({ status: 'invalid', reason: 'signing_key_compromised_before_anchor' });
  });
});
