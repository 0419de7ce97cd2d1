/**
 * Issue 7, item 1: a revoked credential must read as revoked (invalid, 422) whatever receipt the
 * presenter sends with it, never as "cannot tell" (503). Against the real system over HTTP.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { leafOf, sha256 } from '../../core/merkle.ts';
import { type Holder, signPresentation } from '../../wallet-cli/sign-presentation.ts';
import {
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  startSystem,
} from '../support/system.ts';

type Check = {
  check: string;
  status: string;
  reason: string;
  params?: Record<string, unknown>;
  details?: Record<string, unknown>;
};
type Bundle = { credential: string; anchorReceipt: any };

describe('a revoked credential cannot be passed off as "cannot tell"', () => {
  let system: RunningSystem;
  let revoked: Bundle;
  let genuine: Bundle;
  const seed = randomBytes(32);
  const learner: Holder = { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), seed };

  const issueAndClaim = async (): Promise<{ id: string; bundle: Bundle }> => {
    const issued = await issue(system, qualificationRequest({ id: learner.did }));
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    return { id: issued.body.credentialId, bundle: await claimWhenAnchored(issued.body.claim.url) };
  };
  const verify = (credential: string, anchorReceipt?: unknown) =>
    postJson(`${system.verifierUrl}/credentials/verify`, {
      verifiableCredential: credential,
      ...(anchorReceipt === undefined ? {} : { options: { anchorReceipt } }),
    });
  const check = (body: { checks: Check[] }, name: string) => body.checks.find((c) => c.check === name);

  /** 422 invalid, with the revocation among the failures, whatever else the receipt caused. */
  async function expectRevoked(anchorReceipt: unknown) {
    const reply = await verify(revoked.credential, anchorReceipt);
    expect(reply.status, reply.text).toBe(422);
    expect(reply.body.verdict).toBe('invalid');
    expect(check(reply.body, 'not_revoked')).toMatchObject({ status: 'invalid', reason: 'revoked' });
    return reply.body as { checks: Check[] };
  }

  beforeAll(async () => {
    // One batch of exactly these two, so a credential's leaf is not its batch's root: the batch is
    // sent when its second credential arrives, never by age.
    system = await startSystem({ env: { ANCHOR_BATCH_SIZE: '2', ANCHOR_BATCH_WAIT_MS: '600000' } });
    const [toRevoke, kept] = await Promise.all([issueAndClaim(), issueAndClaim()]);
    revoked = toRevoke.bundle;
    genuine = kept.bundle;
    expect(revoked.anchorReceipt.merkleRoot).toBe(genuine.anchorReceipt.merkleRoot);
    // No reason given: the registry records code 0, "unspecified".
    const response = await revokeCredential(system, toRevoke.id, {});
    expect(response.status, response.text).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await system?.destroy();
  });

  it('with its genuine receipt, revoked without a reason: revoked (code 0, "unspecified")', async () => {
    const body = await expectRevoked(revoked.anchorReceipt);
    expect(check(body, 'not_revoked')).toMatchObject({
      message: expect.stringContaining('(reason: unspecified)'),
      details: { reasonCode: 0 },
    });
    expect(check(body, 'anchored')?.status).toBe('valid');
  });

  it('with a self-rooted receipt (the leaf as root, no proof) in a far-future block anchored "now"', async () => {
    const leaf = `0x${leafOf(Buffer.from(revoked.anchorReceipt.credentialHash.slice(2), 'hex'), sha256).toString('hex')}`;
    expect(leaf).not.toBe(revoked.anchorReceipt.merkleRoot);
    for (const blockNumber of [1_000_000_000, 2 ** 40, 0]) {
      const body = await expectRevoked({
        ...revoked.anchorReceipt,
        merkleRoot: leaf,
        proof: [],
        blockNumber,
        anchoredAt: new Date().toISOString(),
      });
      expect(check(body, 'anchored')).toMatchObject({ status: 'invalid', reason: 'root_not_anchored' });
    }
  });

  it('with a receipt naming an untrusted registry, in any spelling', async () => {
    const registry = `0x${randomBytes(20).toString('hex')}`;
    for (const receipt of [
      { ...revoked.anchorReceipt, registry },
      { ...revoked.anchorReceipt, registry: registry.toUpperCase().replace('0X', '0x') },
    ]) {
      const body = await expectRevoked(receipt);
      expect(check(body, 'anchored')).toMatchObject({ status: 'unverifiable', reason: 'untrusted_registry' });
    }
  });

  it('with a receipt for another chain id', async () => {
    for (const chainId of [1, 137, 0]) {
      const body = await expectRevoked({ ...revoked.anchorReceipt, chainId });
      expect(check(body, 'anchored')).toMatchObject({ status: 'unverifiable', reason: 'untrusted_registry' });
    }
  });

  it('with no receipt, or a malformed one', async () => {
    expect(check(await expectRevoked(undefined), 'anchored')).toMatchObject({ reason: 'receipt_missing' });
    expect(check(await expectRevoked({ ...revoked.anchorReceipt, blockNumber: -1 }), 'anchored')).toMatchObject({
      reason: 'receipt_malformed',
    });
  });

  it('inside a presentation, with a self-rooted receipt: the credential is revoked, the presentation invalid', async () => {
    const leaf = `0x${leafOf(Buffer.from(revoked.anchorReceipt.credentialHash.slice(2), 'hex'), sha256).toString('hex')}`;
    const forged = {
      ...revoked.anchorReceipt,
      merkleRoot: leaf,
      proof: [],
      blockNumber: 1_000_000_000,
      anchoredAt: new Date().toISOString(),
    };
    const { body: challenge } = await postJson(`${system.verifierUrl}/challenges`, {});
    const domain = new URL(system.verifierUrl).host;
    const jwt = await signPresentation(
      learner,
      [{ credential: revoked.credential, anchorReceipt: forged }],
      challenge.challenge,
      domain,
    );
    const reply = await postJson(`${system.verifierUrl}/presentations/verify`, {
      verifiablePresentation: jwt,
      options: { challenge: challenge.challenge, domain },
    });
    expect(reply.status, reply.text).toBe(422);
    expect(reply.body.verdict).toBe('invalid');
    expect(check(reply.body.credentials[0], 'not_revoked')).toMatchObject({ status: 'invalid', reason: 'revoked' });
  });

  it('control: the same hand-made receipts on an unrevoked credential are refused, never "cannot tell"', async () => {
    const leaf = `0x${leafOf(Buffer.from(genuine.anchorReceipt.credentialHash.slice(2), 'hex'), sha256).toString('hex')}`;
    expect(leaf).not.toBe(genuine.anchorReceipt.merkleRoot);
    const reply = await verify(genuine.credential, {
      ...genuine.anchorReceipt,
      merkleRoot: leaf,
      proof: [],
      blockNumber: 1_000_000_000,
      anchoredAt: new Date().toISOString(),
    });
    expect(reply.status, reply.text).toBe(422);
    expect(reply.body.verdict).toBe('invalid');
    expect(check(reply.body, 'anchored')).toMatchObject({ status: 'invalid', reason: 'root_not_anchored' });
    expect(check(reply.body, 'not_revoked')).toMatchObject({ status: 'valid', reason: 'not_revoked' });
  });

  it('the root decides, not the transaction: a receipt with a stale transaction and block still verifies', async () => {
    const stale = {
      ...genuine.anchorReceipt,
      transactionHash: `0x${randomBytes(32).toString('hex')}`,
      blockNumber: 1,
      anchoredAt: '2001-01-01T00:00:00Z',
    };
    const reply = await verify(genuine.credential, stale);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.verdict).toBe('valid');
  });
});
