/**
 * Many credentials revoked at once on the real system (issuer, local ledger, verifier as child
 * processes): one ledger transaction for the batch, each id's outcome, the verifier's verdict; the
 * gas a hash costs, measured; each revoked credential's bit in the issuer's status list, committed
 * on the ledger and read by the verifier; and the credentials found again with GET /credentials' filters.
 */
import { join } from 'node:path';
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { JsonRpcProvider } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry, registryInterface } from '../contracts/registry.ts';
import { loadConfig } from '../core/config.ts';
import { readCredentialToken } from '../core/formats/index.ts';
import { Bitstring } from '../core/status-list/bitstring.ts';
import { type BitstringStatusListEntry, bitstringCommitment, statusListKey } from '../core/status-list/entry.ts';
import { REVOCATION_BY_HASH_MAX } from '../issuer/revocations/revoke-by-bits.ts';
import { HASHES_PER_TRANSACTION, MAX_IDS_PER_REQUEST } from '../issuer/revocations/revoke-many.ts';
import { startVerifier, type Verifier } from '../verifier/service.ts';
import { writeFormat1Wallet } from '../wallet-cli/testing/format-1-wallet.ts';
import { storedItemOf } from '../wallet-cli/testing/self-signed.ts';
import { freePort } from './support/local-chain.ts';
import {
  claimWhenAnchored,
  issue,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  runWallet,
  startSystem,
  tempDir,
} from './support/system.ts';

/** The largest transaction the issuer sends (issuer/ledger-writer.ts GAS_CAP). */
const GAS_CAP = 2_000_000;

let system: RunningSystem;
let ledger: JsonRpcProvider;

const admin = () => ({ authorization: `Bearer ${system.adminToken}`, 'content-type': 'application/json' });
const revokeMany = async (body: unknown) => {
  const response = await fetch(`${system.issuerUrl}/credentials/revoke`, {
    method: 'POST',
    headers: admin(),
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
};
const search = async (query: Record<string, string>) => {
  const response = await fetch(`${system.issuerUrl}/credentials?${new URLSearchParams(query)}`, { headers: admin() });
  return { status: response.status, body: await response.json() };
};
const issueTo = async (name: string, learnerReference: string, awardedOn = '2026-06-30') => {
  const request = qualificationRequest({ learnerReference });
  request.credential.credentialSubject.name = name;
  request.credential.credentialSubject.qualification.awardedOn = awardedOn;
  const issued = await issue(system, request);
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body as { credentialId: string; shortId: string; claim: { url: string } };
};
const verdictOf = async (bundle: { credential: string; anchorReceipt: unknown }, verifierUrl = system.verifierUrl) =>
  (
    await fetch(`${verifierUrl}/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        verifiableCredential: bundle.credential,
        options: { anchorReceipt: bundle.anchorReceipt },
      }),
    })
  ).json();
const gasOf = async (txHash: string) => Number((await ledger.getTransactionReceipt(txHash))!.gasUsed);

type Bundle = { credential: string; anchorReceipt: unknown };
const checkOf = (body: { checks: { check: string; status: string }[] }, name: string) =>
  body.checks.find((c) => c.check === name)!;
const entryOf = (bundle: { credential: string }) => {
  const read = readCredentialToken(bundle.credential);
  if (!read.ok) throw new Error(read.detail);
  return read.value.credential.credentialStatus as BitstringStatusListEntry;
};
const issuerOf = (bundle: { credential: string }) => {
  const read = readCredentialToken(bundle.credential);
  if (!read.ok) throw new Error(read.detail);
  return read.value.issuer;
};
/** A verifier trusting the same registry that fetches no status list (no local origin allowed): every list out of reach. */
let listless: Verifier | undefined;
/** A credential issued before any list was committed; one of a mass revocation. */
let untouched: Bundle;
let shown: Bundle;

/** Credentials the first issuer process revoked on the ledger just before it was killed (failpoint). */
let revokedBeforeTheCrash: { ids: string[]; bundles: { credential: string; anchorReceipt: unknown }[] };

beforeAll(async () => {
  const first = await startSystem({ env: { SKILLMARK_FAILPOINT: 'revoke-many:after-ledger' } });
  system = first;
  const issued = await Promise.all(['X', 'Y'].map((n) => issueTo(`Crash ${n}`, `CRASH-${n}`)));
  const bundles = await Promise.all(issued.map((i) => claimWhenAnchored(i.claim.url)));
  const ids = issued.map((i) => i.credentialId);
  await revokeMany({ ids, reason: 'fraud' }).catch(() => undefined); // the process dies before it answers
  expect([137, 'SIGKILL']).toContain(await first.exited);
  revokedBeforeTheCrash = { ids, bundles };
  system = await startSystem({ dataDir: first.dataDir, ports: first.ports });
  ledger = new JsonRpcProvider(`http://127.0.0.1:${system.ports.ledger}`, undefined, { staticNetwork: true });
  untouched = await claimWhenAnchored((await issueTo('Untouched', 'UNTOUCHED')).claim.url);
  const institution = await (await fetch(`${system.issuerUrl}/institution`)).json();
  listless = await startVerifier({
    config: { ...loadConfig({}), dataDir: tempDir('skillmark-listless-verifier-'), verifierPort: await freePort() },
    trust: {
      registries: [
        {
          name: 'Local registry',
          chainId: institution.chainId,
          registry: institution.registry.toLowerCase(),
          rpcUrls: [`http://127.0.0.1:${system.ports.ledger}`],
        },
      ],
    },
  });
}, 120_000);

afterAll(async () => {
  await listless?.stop();
  ledger?.destroy();
  await system?.destroy();
});

describe('POST /credentials/revoke', () => {
  it('a list never revoked from verifies from the ledger alone, without being fetched', async () => {
    const body = await verdictOf(untouched, listless!.server.url);
    expect(checkOf(body, 'status_list')).toMatchObject({ status: 'valid', reason: 'status_list_never_revoked' });
    expect(body.verdict).toBe('valid');
  });

  it('killed between the ledger and the database, it repairs the records from the ledger and sends nothing again', async () => {
    const { ids, bundles } = revokedBeforeTheCrash;
    for (const id of ids) {
      const record = await (await fetch(`${system.issuerUrl}/credentials/${id}`, { headers: admin() })).json();
      expect(record.status).not.toBe('revoked');
    }
    const retry = await revokeMany({ ids, reason: 'fraud' });
    expect(retry.body.counts).toMatchObject({ revoked: 2, failed: 0 });
    expect(retry.body.transactions).toEqual([]);
    expect(retry.body.outcomes[0]).toMatchObject({ outcome: 'revoked', reason: 'fraud' });
    expect(retry.body.outcomes[0].transactionHash).toBeUndefined();
    for (const id of ids) {
      const record = await (await fetch(`${system.issuerUrl}/credentials/${id}`, { headers: admin() })).json();
      expect(record).toMatchObject({ status: 'revoked', revocationReason: 'fraud' });
    }
    const verdict = await verdictOf(bundles[0]!);
    expect(verdict.checks.find((check: { check: string }) => check.check === 'not_revoked').status).toBe('invalid');
  });

  it('revokes the valid ones in one transaction and reports unknown, already revoked and repeated ids', async () => {
    const issued = await Promise.all(['A', 'B', 'C', 'D'].map((n) => issueTo(`Batch ${n}`, `BATCH-${n}`)));
    const bundles = await Promise.all(issued.map((i) => claimWhenAnchored(i.claim.url)));
    const [a, b, c, d] = issued.map((i) => i.credentialId) as [string, string, string, string];
    const single = await revokeCredential(system, d, { reason: 'fraud' });
    expect(single.status).toBe(200);
    const unknown = '00000000-0000-4000-8000-000000000000';

    // c by its short id, as a clerk reads it off the printed certificate.
    const shortC: string = issued[2]!.shortId;
    expect(shortC).toMatch(/^[0-9a-f]{8}$/);
    const batch = await revokeMany({ ids: [a, b, unknown, d, shortC, a.toUpperCase()], reason: 'issuedInError' });
    expect(batch.status).toBe(200);
    expect(batch.body.counts).toEqual({ revoked: 3, alreadyRevoked: 1, unknown: 1, duplicate: 1, failed: 0 });
    expect(batch.body.transactions).toHaveLength(1);
    const [tx] = batch.body.transactions;
    expect(batch.body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual([
      'revoked',
      'revoked',
      'unknown',
      'alreadyRevoked',
      'revoked',
      'duplicate',
    ]);
    expect(batch.body.outcomes[0]).toMatchObject({ id: a, reason: 'issuedInError', transactionHash: tx });
    expect(batch.body.outcomes[0].revokedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(batch.body.outcomes[3]).toMatchObject({ id: d, revokedAt: expect.stringMatching(/^\d{4}-/) });
    expect(batch.body.outcomes[4]).toMatchObject({ id: c, outcome: 'revoked' });

    // The verifier reads the revocations from the ledger.
    for (const bundle of bundles) {
      const verdict = await verdictOf(bundle);
      expect(verdict.checks.find((check: { check: string }) => check.check === 'not_revoked')).toMatchObject({
        status: 'invalid',
        reason: 'revoked',
      });
    }
    const record = await (await fetch(`${system.issuerUrl}/credentials/${b}`, { headers: admin() })).json();
    expect(record).toMatchObject({ status: 'revoked', revocationReason: 'issuedInError' });

    // Repeating the request is safe: nothing reaches the ledger again.
    const again = await revokeMany({ ids: [a, b, c], reason: 'issuedInError' });
    expect(again.body.counts).toMatchObject({ alreadyRevoked: 3, revoked: 0 });
    expect(again.body.transactions).toEqual([]);

    // What a hash costs: the three-hash transaction against the single revocation's.
    const perHash = ((await gasOf(tx)) - (await gasOf(single.body.transactionHash))) / 2;
    const base = (await gasOf(single.body.transactionHash)) - perHash;
    console.log(`revokeMany: ${perHash} gas a hash, ${base} a transaction`);
    expect(base + HASHES_PER_TRANSACTION * perHash).toBeLessThan(GAS_CAP / 1.2);
  }, 60_000);

  it(`revokes more than ${REVOCATION_BY_HASH_MAX} status-list credentials by their bits only: one commitment, no per-hash record, never valid`, async () => {
    const count = REVOCATION_BY_HASH_MAX + 6;
    const ids: string[] = [];
    for (let i = 0; i < count; i += 10) {
      const group = await Promise.all(
        Array.from({ length: Math.min(10, count - i) }, (_, k) => issueTo(`Many ${i + k}`, `MANY-${i + k}`)),
      );
      ids.push(...group.map((g) => g.credentialId));
      if (i === 0) shown = await claimWhenAnchored(group[0]!.claim.url);
    }
    const batch = await revokeMany({ ids, reason: 'superseded' });
    expect(batch.body.counts).toMatchObject({ revoked: count, failed: 0 });
    // One transaction: the list's commitment, marked bits-only; the per-hash path would take two.
    expect(batch.body.transactions).toHaveLength(1);
    const [tx] = batch.body.transactions;
    const sent = await ledger.getTransaction(tx);
    expect(registryInterface().parseTransaction(sent!)!.name).toBe('publishStatusListsBitsOnly');
    console.log(`bits-only mass revocation: ${Math.round((await gasOf(tx)) / count)} gas a credential for ${count}`);
    expect(batch.body.outcomes[0]).toMatchObject({ outcome: 'revoked', reason: 'superseded', transactionHash: tx });
    const listed = await search({ name: 'many', status: 'revoked', limit: '500' });
    expect(listed.body.items).toHaveLength(count);

    const entry = entryOf(shown);
    const institution = await (await fetch(`${system.issuerUrl}/institution`)).json();
    const onChain = await new Registry(institution.registry, ledger).statusListOf(
      issuerOf(shown),
      statusListKey(entry.statusListCredential),
    );
    expect(onChain.bitsOnly).toBe(true);
    const served = readCredentialToken(await (await fetch(entry.statusListCredential)).text());
    if (!served.ok) throw new Error(served.detail);
    const bits = Bitstring.decode((served.value.credential.credentialSubject as { encodedList: string }).encodedList);
    expect(bits.get(Number(entry.statusListIndex))).toBe(true);
    expect(onChain.bitsHash).toBe(bitstringCommitment(bits.bytes));

    // The verifier: no per-hash record (not_revoked valid), the list says revoked.
    const reachable = await verdictOf(shown);
    expect(reachable.verdict).toBe('invalid');
    expect(checkOf(reachable, 'not_revoked').status).toBe('valid');
    expect(checkOf(reachable, 'status_list')).toMatchObject({ status: 'invalid', reason: 'status_list_revoked' });
    // The learner's wallet says it is revoked, found so when it checked (the list tells no date nor reason).
    const walletDir = join(tempDir('skillmark-wallet-bits-only-'), 'wallet');
    const anchorReceipt = shown.anchorReceipt as Record<string, unknown>;
    writeFormat1Wallet(walletDir, 'a long learner passphrase', [
      storedItemOf({ type: 'SkillmarkCredentialBundle', credential: shown.credential, anchorReceipt }),
    ]);
    const walletEnv = { SKILLMARK_WALLET_DIR: walletDir, SKILLMARK_WALLET_PASSPHRASE: 'a long learner passphrase' };
    const checked = await runWallet(['status', '--verifier', system.verifierUrl], walletEnv);
    expect(checked.code, checked.stderr).toBe(4);
    expect(checked.stdout).toMatch(/REVOKED \(found on \w+ \d{1,2}, \d{4}\)/);
    const inWallet = await runWallet(['list', '--json'], walletEnv);
    expect(JSON.parse(inWallet.stdout).credentials[0].state).toEqual({
      state: 'revoked',
      foundAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      checkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    // A verifier that cannot fetch the list: cannot tell, never valid (the per-hash record does not answer for it).
    const unreachable = await verdictOf(shown, listless!.server.url);
    expect(unreachable.verdict).toBe('unverifiable');
    expect(checkOf(unreachable, 'status_list')).toMatchObject({
      status: 'unverifiable',
      reason: 'status_list_unreachable',
    });
  }, 90_000);

  it("sets the revoked credentials' status list bits, commits the list on the ledger, and the verifier reads it", async () => {
    const issued = await Promise.all(['S', 'T'].map((n) => issueTo(`Status ${n}`, `STATUS-${n}`)));
    const [revoked, kept] = await Promise.all(issued.map((i) => claimWhenAnchored(i.claim.url)));
    const statusCheck = async (bundle: { credential: string; anchorReceipt: unknown }) =>
      (await verdictOf(bundle)).checks.find((c: { check: string }) => c.check === 'status_list');
    expect(await statusCheck(revoked!)).toMatchObject({ status: 'valid', reason: 'status_list_clear' });

    expect((await revokeMany({ ids: [issued[0]!.credentialId], reason: 'fraud' })).body.counts.revoked).toBe(1);

    // The list the issuer serves: signed, cacheable, its bit set (read by Digital Bazaar's implementation too).
    const entry = entryOf(revoked!);
    expect(entryOf(kept!).statusListCredential).toBe(entry.statusListCredential);
    const response = await fetch(entry.statusListCredential);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('content-type')).toBe('application/jwt'); // the configured format's (VC-JWT 1.1)
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-list'])
      expect((await fetch(`${system.issuerUrl}/status-lists/${id}`)).status).toBe(404);
    const list = readCredentialToken(await response.text());
    if (!list.ok) throw new Error(list.detail);
    const { encodedList } = list.value.credential.credentialSubject as { encodedList: string };
    const independent = await decodeList({ encodedList });
    expect(independent.getStatus(Number(entry.statusListIndex))).toBe(true);
    expect(independent.getStatus(Number(entryOf(kept!).statusListIndex))).toBe(false);

    // The ledger holds the hash of exactly these bits, under the issuer's institution.
    const institution = await (await fetch(`${system.issuerUrl}/institution`)).json();
    const onChain = await new Registry(institution.registry, ledger).statusListOf(
      list.value.issuer,
      statusListKey(entry.statusListCredential),
    );
    expect(onChain.bitsHash).toBe(bitstringCommitment(Bitstring.decode(encodedList).bytes));

    // The verifier: revoked from the list (saying where the list came from), the other still clear.
    expect(await statusCheck(revoked!)).toMatchObject({
      status: 'invalid',
      reason: 'status_list_revoked',
      message: expect.stringContaining(new URL(entry.statusListCredential).host),
    });
    expect(await statusCheck(kept!)).toMatchObject({ status: 'valid', reason: 'status_list_clear' });
  }, 60_000);

  it('refuses a request it cannot read, in plain words', async () => {
    expect((await revokeMany({ ids: [] })).body.detail).toBe(
      `"ids" must be a list of 1 to ${MAX_IDS_PER_REQUEST} credential ids.`,
    );
    expect((await revokeMany({ ids: ['x'], reason: 'bored' })).status).toBe(400);
    const tooMany = await revokeMany({ ids: Array.from({ length: MAX_IDS_PER_REQUEST + 1 }, () => 'x') });
    expect(tooMany.status).toBe(400);
    const unauthenticated = await fetch(`${system.issuerUrl}/credentials/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: ['x'] }),
    });
    expect(unauthenticated.status).toBe(401);
  });
});

describe('GET /credentials with filters', () => {
  it("finds a learner's credentials by name, whatever the accents, and by award dates", async () => {
    const amina = await issueTo('Amína Yúsuf', 'FIND-1', '2026-04-01');
    await issueTo('Amina Bello', 'FIND-2', '2026-07-01');
    const byName = await search({ name: 'amina yusuf' });
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((i: { id: string }) => i.id)).toEqual([amina.credentialId]);
    // The name as the credential states it, accents and all, for the clerk to see who it is.
    expect(byName.body.items[0]).toMatchObject({ learnerName: 'Amína Yúsuf', shortId: amina.shortId });
    const one = await fetch(`${system.issuerUrl}/credentials/${amina.shortId}`, { headers: admin() });
    expect(await one.json()).toMatchObject({ id: amina.credentialId, learnerName: 'Amína Yúsuf' });
    const inQ2 = await search({ name: 'AMINA', awardedFrom: '2026-04-01', awardedTo: '2026-06-30' });
    expect(inQ2.body.items.map((i: { subject: { learnerReference: string } }) => i.subject.learnerReference)).toEqual([
      'FIND-1',
    ]);
    const firstPage = await search({ name: 'amina', limit: '1' });
    const next = await search({ name: 'amina', limit: '1', ...firstPage.body.next });
    expect(
      [...firstPage.body.items, ...next.body.items].map((i: { subject: any }) => i.subject.learnerReference),
    ).toEqual(['FIND-2', 'FIND-1']);
  });

  it('answers a wrong parameter with a 400 saying what is wrong', async () => {
    const wrong = await search({ awardedFrom: '30/06/2026' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.detail).toBe('"awardedFrom" must be a date written YYYY-MM-DD, such as 2026-06-30.');
    const misspelt = await search({ nmae: 'amina' });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.detail).toMatch(/"nmae" is not a parameter/);
  });
});
