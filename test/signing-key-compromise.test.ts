import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectProvider } from '../contracts/provider.ts';
import { Registry } from '../contracts/registry.ts';
import type { AnchorReceipt } from '../core/receipt.ts';
import { anchorAlone, forge, stealSigningKey } from './support/stolen-key.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  startSystem,
} from './support/system.ts';

interface Check {
  check: string;
  status: string;
  reason: string;
  details?: Record<string, unknown>;
}
type Bundle = { credential: string; anchorReceipt: AnchorReceipt };

const DEV_AUTHORITY = 0; // the local chain's authority: node account 0
const ATTACKER_ACCOUNT = 5; // a second anchoring key the attacker gets registered for the institution

/**
 * A college's signing key leaks. The college rotates to a new DID and reports the old one
 * compromised as of T; an attacker holding the old key (and an anchoring key of the college) signs
 * and anchors a forgery after T. The genuine credential anchored before T stays valid; the forgery
 * is invalid because of the compromise, not for any other reason.
 */
describe('a stolen signing key does not void a college’s past', () => {
  let system: RunningSystem;
  const admin = { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' };
  const institution = async () => (await fetch(`${system.issuerUrl}/institution`)).json();
  const rotate = (body: unknown, headers: Record<string, string> = admin) =>
    fetch(`${system.issuerUrl}/signing-key/rotate`, { method: 'POST', headers, body: JSON.stringify(body) });
  const issueAndClaim = async (reference: string): Promise<Bundle> => {
    const issued = await issue(system, qualificationRequest({ learnerReference: reference }));
    expect(issued.status).toBe(201);
    return claimWhenAnchored(issued.body.claim.url);
  };
  const verify = async (credential: string, anchorReceipt?: unknown) =>
    (
      await postJson(`${system.verifierUrl}/credentials/verify`, {
        verifiableCredential: credential,
        ...(anchorReceipt ? { options: { anchorReceipt } } : {}),
      })
    ).body as { verdict: string; checks: Check[] };
  const checkOf = (body: { checks: Check[] }, name: string) => body.checks.find((c) => c.check === name);
  const issuerOf = (jwt: string) =>
    (JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as { iss: string }).iss;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.destroy();
  });

  let firstDid: string;
  let plannedBundle: Bundle;

  it('a planned change: the new DID is registered for the institution and both keys’ credentials stay valid', async () => {
    plannedBundle = await issueAndClaim('before-planned-change');
    firstDid = (await institution()).did;

    const response = await rotate({});
    expect(response.status).toBe(200);
    const rotation = await response.json();
    expect(rotation).toEqual({ previous: firstDid, current: expect.stringMatching(/^did:key:z6Mk/) });
    expect((await institution()).did).toBe(rotation.current);
    expect((await (await fetch(`${system.issuerUrl}/health`)).json()).did).toBe(rotation.current);

    const after = await issueAndClaim('after-planned-change');
    expect(issuerOf(after.credential)).toBe(rotation.current);
    for (const bundle of [plannedBundle, after]) {
      const result = await verify(bundle.credential, bundle.anchorReceipt);
      expect(result.verdict).toBe('valid');
      expect(checkOf(result, 'signing_key')).toMatchObject({ status: 'valid', reason: 'signing_key_not_reported' });
    }
  });

  it('no downtime: credentials issued while a rotation runs are all accepted, each signed wholly by one key, and verify', async () => {
    const before = (await institution()).did;
    const issuing = Array.from({ length: 8 }, (_, i) =>
      issue(system, qualificationRequest({ learnerReference: `during-rotation-${i}` })),
    );
    const [rotated, ...issued] = await Promise.all([rotate({}), ...issuing]);
    expect(rotated.status).toBe(200);
    const { current } = await rotated.json();
    for (const { status, body } of issued) {
      expect(status).toBe(201);
      const bundle = await claimWhenAnchored(body.claim.url);
      const header = JSON.parse(Buffer.from(bundle.credential.split('.')[0]!, 'base64url').toString()) as {
        kid: string;
      };
      expect([before, current]).toContain(issuerOf(bundle.credential));
      expect(header.kid.startsWith(`${issuerOf(bundle.credential)}#`)).toBe(true);
      expect((await verify(bundle.credential, bundle.anchorReceipt)).verdict).toBe('valid');
    }
  });

  it('after a compromise at T: the credential anchored before T stays valid, the attacker’s forgery anchored after T is invalid', async () => {
    const { did: leakedDid, chainId, registry: registryAddress } = await institution();
    const genuine = await issueAndClaim('genuine-before-compromise');
    expect(issuerOf(genuine.credential)).toBe(leakedDid);

    // The compromise is dated one second after the genuine credential's on-chain anchoring time.
    const provider = connectProvider(`http://127.0.0.1:${system.env.LEDGER_PORT}`, chainId);
    try {
      const registry = new Registry(registryAddress, provider);
      const anchoredAt = (await registry.anchorOf(genuine.anchorReceipt.merkleRoot)).anchoredAt;
      const compromisedSince = new Date((anchoredAt + 1) * 1000);
      while (Date.now() < compromisedSince.getTime()) await sleep(compromisedSince.getTime() - Date.now());

      const response = await rotate({ compromisedSince: compromisedSince.toISOString() });
      expect(response.status).toBe(200);
      const rotation = await response.json();
      expect(rotation).toEqual({
        previous: leakedDid,
        current: expect.stringMatching(/^did:key:/),
        compromisedSince: compromisedSince.toISOString(),
      });
      expect(await registry.didCompromisedSince(leakedDid)).toBe(anchoredAt + 1);
      const institutionId = await registry.institutionOfDid(leakedDid);
      expect(await registry.institutionOfDid(rotation.current)).toBe(institutionId);

      // The attacker signs with the stolen key and anchors through a second anchoring key of the college.
      const stolen = await stealSigningKey(system.dataDir, leakedDid);
      const forgery = await forge(genuine.credential, stolen);
      const authority = await provider.getSigner(DEV_AUTHORITY);
      const attacker = await provider.getSigner(ATTACKER_ACCOUNT);
      await (
        await new Registry(registryAddress, authority).contract.getFunction('addSigner')(
          institutionId,
          await attacker.getAddress(),
        )
      ).wait();
      const forgedReceipt = await anchorAlone(new Registry(registryAddress, attacker), forgery, genuine.anchorReceipt);
      expect(Date.parse(forgedReceipt.anchoredAt)).toBeGreaterThanOrEqual(compromisedSince.getTime());

      const forged = await verify(forgery, forgedReceipt);
      expect(forged.verdict).toBe('invalid');
      expect(forged.checks.filter((c) => c.status === 'invalid').map((c) => `${c.check}:${c.reason}`)).toEqual([
        'signing_key:signing_key_compromised_before_anchor',
      ]);
      expect(checkOf(forged, 'signature')?.status).toBe('valid');
      expect(checkOf(forged, 'anchored')?.status).toBe('valid');
      expect(checkOf(forged, 'signing_key')?.details).toEqual({
        compromisedSince: compromisedSince.toISOString(),
        anchoredAt: forgedReceipt.anchoredAt,
      });

      const unanchored = await verify(forgery);
      expect(checkOf(unanchored, 'signing_key')).toMatchObject({
        status: 'invalid',
        reason: 'signing_key_compromised_unanchored',
      });

      const kept = await verify(genuine.credential, genuine.anchorReceipt);
      expect(kept.verdict).toBe('valid');
      expect(checkOf(kept, 'signing_key')).toMatchObject({
        status: 'valid',
        reason: 'signing_key_compromised_after_anchor',
        details: {
          compromisedSince: compromisedSince.toISOString(),
          anchoredAt: new Date(anchoredAt * 1000).toISOString(),
        },
      });

      // The college goes on issuing with its new key; the first DID (a planned change) is unaffected.
      const fresh = await issueAndClaim('after-compromise');
      expect(issuerOf(fresh.credential)).toBe(rotation.current);
      expect((await verify(fresh.credential, fresh.anchorReceipt)).verdict).toBe('valid');
      expect((await verify(plannedBundle.credential, plannedBundle.anchorReceipt)).verdict).toBe('valid');
    } finally {
      provider.destroy();
    }
  });

  it('a leak found after a planned change: the earlier DID is reported without rotating; the DID in use and foreign DIDs are refused', async () => {
    const report = (body: unknown) =>
      fetch(`${system.issuerUrl}/signing-key/report-compromise`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify(body),
      });
    const compromisedSince = new Date().toISOString().replace(/\.\d+Z$/, '.000Z');
    const { did: inUse } = await institution();
    expect((await report({ did: inUse, compromisedSince })).status).toBe(409);
    expect(
      (await report({ did: 'did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf', compromisedSince })).status,
    ).toBe(422);
    expect((await report({ did: firstDid })).status).toBe(422);
    expect((await report({})).status).toBe(422);

    const response = await report({ did: firstDid, compromisedSince });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ did: firstDid, compromisedSince });
    const kept = await verify(plannedBundle.credential, plannedBundle.anchorReceipt);
    expect(kept.verdict).toBe('valid');
    expect(checkOf(kept, 'signing_key')).toMatchObject({
      status: 'valid',
      reason: 'signing_key_compromised_after_anchor',
    });
    const forgery = await forge(plannedBundle.credential, await stealSigningKey(system.dataDir, firstDid));
    expect(checkOf(await verify(forgery), 'signing_key')).toMatchObject({
      status: 'invalid',
      reason: 'signing_key_compromised_unanchored',
    });
    expect((await institution()).did).toBe(inUse);
  });

  it('the new signing key survives a restart', async () => {
    const { did: current } = await institution();
    await system.stop();
    system = await startSystem({ dataDir: system.dataDir, ports: system.ports });
    expect((await institution()).did).toBe(current);
    const bundle = await issueAndClaim('after-restart');
    expect(issuerOf(bundle.credential)).toBe(current);
    expect((await verify(bundle.credential, bundle.anchorReceipt)).verdict).toBe('valid');
  });

  it('answers problem details for a missing token, a bad or future compromisedSince and unknown fields', async () => {
    const before = (await institution()).did;
    expect((await rotate({}, { 'content-type': 'application/json' })).status).toBe(401);
    const future = new Date(Date.now() + 3600_000).toISOString();
    for (const body of [
      { compromisedSince: 'yesterday' },
      { compromisedSince: 1_700_000_000 },
      { compromisedSince: future },
      { compromisedSince: '1970-01-01T00:00:00Z' },
      { since: '2026-01-01T00:00:00Z' },
    ]) {
      const response = await rotate(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await response.json()).detail).toMatch(/compromisedSince/);
    }
    expect((await institution()).did).toBe(before);
  });

  it('with the ledger down, a rotation answers 503 and the issuer keeps signing with its current key', async () => {
    const before = (await institution()).did;
    process.kill(system.ledgerPid(), 'SIGKILL');
    const response = await rotate({ compromisedSince: new Date(Date.now() - 60_000).toISOString() });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await institution()).did).toBe(before);
    const issued = await issue(system, qualificationRequest({ learnerReference: 'ledger-down' }));
    expect(issued.status).toBe(201);
    expect(issuerOf(issued.body.verifiableCredential.id.split(',')[1])).toBe(before);
  });
});
