import { describe, expect, it } from 'vitest';
import { LedgerUnreachableError } from '../ledger-reader.ts';
import { anchored, DEFAULT_MAX_HEAD_AGE_SECONDS } from './anchored.ts';
import { runChecks } from './check.ts';
import { type LedgerEvidence, unreachable } from './ledger-evidence.ts';
import type { CredentialSubject } from './subjects.ts';
import { answerOf, evidenceOf, factsOf, receiptOn, registryNamed } from './testing/ledger-facts.ts';

/**
 * The anchored check on ledger evidence as the reader hands it over, one outcome at a time
 * (ledger-evidence.test.ts gives the same outcomes from a real node).
 */
const NOW = new Date('2031-06-01T12:00:00.000Z');
const nowSeconds = NOW.getTime() / 1000;
const a = registryNamed('a');
const check = async (evidence: LedgerEvidence, now = NOW) =>
  (await runChecks([anchored], { evidence, now } as CredentialSubject))[0]!;
const onChain = (overrides: Parameters<typeof factsOf>[1]) => factsOf(a, overrides);

describe('anchored check', () => {
  it('is valid for a root the issuer’s institution anchored, saying where, when and in how large a batch', async () => {
    const facts = onChain({ anchor: { institutionId: 1, anchoredAt: nowSeconds - 3600, batchSize: 3 } });
    const receipt = receiptOn(a);
    expect(await check(evidenceOf([answerOf(facts)], facts))).toEqual({
      check: 'anchored',
      status: 'valid',
      reason: 'anchored',
      message: expect.any(String),
      params: { chainId: 31337, anchoredAt: '2031-06-01T11:00:00.000Z' },
      details: {
        chainId: 31337,
        registry: a.registry,
        merkleRoot: receipt.merkleRoot,
        anchoredAt: '2031-06-01T11:00:00.000Z',
        batchSize: 3,
      },
    });
  });

  it('gives the receipt’s own fragment when the receipt is not usable', async () => {
    expect(await check(evidenceOf([]))).toMatchObject({
      check: 'anchored',
      status: 'invalid',
      reason: 'receipt_missing',
    });
  });

  it('is invalid for a root nobody anchored, or another institution anchored', async () => {
    const missing = onChain({ head: { blockNumber: 9, time: nowSeconds, syncing: false } });
    expect(await check(evidenceOf([], missing))).toMatchObject({
      status: 'invalid',
      reason: 'root_not_anchored',
      details: { merkleRoot: receiptOn(a).merkleRoot },
    });
    const elsewhere = onChain({ anchor: { institutionId: 2, anchoredAt: nowSeconds, batchSize: 1 } });
    expect(await check(evidenceOf([], elsewhere))).toMatchObject({
      status: 'invalid',
      reason: 'anchored_by_another_institution',
      details: { anchoredBy: 2 },
    });
  });

  it('cannot tell when the node lacking the root is syncing or its head is older than the registry allows', async () => {
    const behind = (time: number, syncing = false) => onChain({ head: { blockNumber: 9, time, syncing } });
    expect(await check(evidenceOf([], behind(nowSeconds, true)))).toMatchObject({
      status: 'unverifiable',
      reason: 'ledger_lagging',
      details: { syncing: true },
    });
    const old = nowSeconds - DEFAULT_MAX_HEAD_AGE_SECONDS - 1;
    expect(await check(evidenceOf([], behind(old)))).toMatchObject({
      status: 'unverifiable',
      reason: 'ledger_lagging',
      params: { blockNumber: 9, headAt: new Date(old * 1000).toISOString() },
    });
    expect(await check(evidenceOf([], behind(old + 1)))).toMatchObject({
      status: 'invalid',
      reason: 'root_not_anchored',
    });
    const onDemand = factsOf({ ...a, maxHeadAgeSeconds: 0 }, { head: { blockNumber: 9, time: 0, syncing: false } });
    expect(await check(evidenceOf([], onDemand))).toMatchObject({ status: 'invalid', reason: 'root_not_anchored' });
  });

  it('cannot tell when the registry holding the root could not be asked', async () => {
    const down = unreachable('anchored', new LedgerUnreachableError('connect ECONNREFUSED', [a]));
    expect(await check(evidenceOf([], down))).toMatchObject({
      check: 'anchored',
      status: 'unverifiable',
      reason: 'ledger_unreachable',
      details: { detail: 'connect ECONNREFUSED' },
    });
  });
});
