/**
 * A credential its institution revoked on its status list only (more than 64 at once are revoked by
 * their bits, docs/status-lists.md): the verifier's `not_revoked` check does not say so, its
 * `status_list` check does, with no date nor reason. The wallet remembers it as revoked, with when
 * it found it so, and says it in every language apart from a revocation whose date it knows. No
 * server: the verifier's answers are made of its own check fragments.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { tempDir } from '../test/support/system.ts';
import { fragment } from '../verifier/fragment.ts';
import { describeEntry } from './describe.ts';
import { stateWords } from './plain-words.ts';
import { checkItem, type LastCheck, type StoredCredential, Wallet } from './store.ts';
import { type Bundle, selfSignedBundle, storedItemOf } from './testing/self-signed.ts';
import { lastCheckOf } from './verification-report.ts';
import { speak } from './words.ts';

const VERIFIER = 'http://127.0.0.1:1';
const CHECKED_AT = new Date('2026-12-01T07:00:00.000Z');
const LIST = { statusListCredential: 'https://uni.example/status/1', statusListIndex: 7 };

/** The verifier's answer on a credential revoked by its bit only: the ledger's record says nothing. */
const revokedByBit = {
  verdict: 'invalid',
  checks: [
    fragment('not_revoked', 'valid', 'not_revoked'),
    fragment('status_list', 'invalid', 'status_list_revoked', { source: 'uni.example' }, LIST),
  ],
};
/** Revoked by hash as well: the ledger's record gives the date and the reason. */
const revokedByHash = {
  verdict: 'invalid',
  checks: [
    fragment(
      'not_revoked',
      'invalid',
      'revoked',
      { revokedAt: '2026-11-20T10:00:00.000Z', reasonName: 'fraud' },
      { revokedAt: '2026-11-20T10:00:00.000Z', reasonCode: 2 },
    ),
    fragment('status_list', 'invalid', 'status_list_revoked', { source: 'uni.example' }, LIST),
  ],
};

let bundle: Bundle;
let scratch: string;

beforeAll(async () => {
  bundle = await selfSignedBundle(didKeyOfEd25519(ed25519PublicKeyOfSeed(randomBytes(32))));
  scratch = tempDir('skillmark-status-list-revocation-');
});

afterAll(() => {
  speak({ tag: 'en', locale: 'en' });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const stateOf = (lastCheck: unknown) => {
  const d = describeEntry(
    { number: 1, stored: storedItemOf(bundle, lastCheck) as unknown as StoredCredential },
    CHECKED_AT,
  );
  if ('damaged' in d) throw new Error(d.damaged);
  return d.state;
};

/** The state in the words of each of the seven languages. */
const inEveryLanguage = (lastCheck: unknown) =>
  Object.fromEntries(
    ['en', 'fr', 'es', 'ar', 'zh', 'pt', 'hi'].map((tag) => {
      speak({ tag, locale: tag });
      return [tag, stateWords(stateOf(lastCheck))];
    }),
  );

describe('a credential revoked on its status list only', () => {
  it("is remembered as revoked: found so when checked, the verifier's sentence kept for earlier wallets", () => {
    expect(lastCheckOf(revokedByBit, VERIFIER, CHECKED_AT)).toEqual({
      at: '2026-12-01T07:00:00.000Z',
      by: VERIFIER,
      verdict: 'invalid',
      revoked: {
        at: '2026-12-01T07:00:00.000Z',
        why: 'The institution revoked this credential: its signed status list (uni.example) marks it as revoked.',
        dateUnknown: true,
      },
    });
  });

  it("the ledger's record, when it has one, keeps its date and reason", () => {
    expect(lastCheckOf(revokedByHash, VERIFIER, CHECKED_AT)?.revoked).toEqual({
      at: '2026-11-20T10:00:00.000Z',
      reason: 'fraud',
      why: 'The institution revoked this credential on 2026-11-20T10:00:00.000Z (reason: fraud).',
    });
  });

  it('a status list that fails otherwise (malformed entry) is no revocation', () => {
    const malformed = {
      verdict: 'invalid',
      checks: [fragment('status_list', 'invalid', 'status_entry_malformed', { detail: 'statusListIndex is bad' })],
    };
    expect(lastCheckOf(malformed, VERIFIER, CHECKED_AT)).toEqual({
      at: '2026-12-01T07:00:00.000Z',
      by: VERIFIER,
      verdict: 'invalid',
    });
  });

  it('is described as revoked with when it was found so (in --json: foundAt, no revokedAt)', () => {
    expect(stateOf(lastCheckOf(revokedByBit, VERIFIER, CHECKED_AT))).toEqual({
      state: 'revoked',
      foundAt: '2026-12-01T07:00:00.000Z',
      checkedAt: '2026-12-01T07:00:00.000Z',
    });
  });

  it('is said in every language, apart from a revocation whose date is known', () => {
    expect(inEveryLanguage(lastCheckOf(revokedByBit, VERIFIER, CHECKED_AT))).toEqual({
      en: 'REVOKED (found on December 1, 2026)',
      fr: 'RÉVOQUÉE (révocation constatée le 1 décembre 2026)',
      es: 'REVOCADA (revocación detectada el 1 de diciembre de 2026)',
      ar: 'أُلغيت (اكتُشف ذلك في 1 ديسمبر 2026)',
      zh: '已撤销（于2026年12月1日发现）',
      pt: 'REVOGADA (revogação constatada em 1 de dezembro de 2026)',
      hi: 'रद्द (1 दिसंबर 2026 को पता चला)',
    });
    expect(inEveryLanguage(lastCheckOf(revokedByHash, VERIFIER, CHECKED_AT))).toMatchObject({
      en: 'REVOKED on November 20, 2026 (fraud)',
      fr: 'RÉVOQUÉE le 20 novembre 2026 (fraude)',
    });
  });

  it('items stored without the new field read as before; the field is checked when there', () => {
    const old = { at: '2026-12-01T07:00:00.000Z', by: VERIFIER, verdict: 'invalid' };
    const dated = { ...old, revoked: { at: '2026-11-20T10:00:00.000Z', reason: 'fraud', why: 'sentence' } };
    expect(typeof checkItem(storedItemOf(bundle, old))).toBe('object');
    expect(typeof checkItem(storedItemOf(bundle, dated))).toBe('object');
    expect(stateOf(dated)).toMatchObject({ state: 'revoked', revokedAt: '2026-11-20T10:00:00.000Z', reason: 'fraud' });
    expect(stateOf(old)).toEqual({ state: 'invalid', checkedAt: '2026-12-01T07:00:00.000Z' });
    const bit = lastCheckOf(revokedByBit, VERIFIER, CHECKED_AT);
    expect(typeof checkItem(storedItemOf(bundle, bit))).toBe('object');
    expect(typeof checkItem(storedItemOf(bundle, { ...bit, revoked: { ...bit!.revoked, dateUnknown: 'yes' } }))).toBe(
      'string',
    );
  });

  it('checked again later, it keeps the day it was first found revoked', () => {
    const wallet = Wallet.restore(scratch, 'a long learner passphrase', randomBytes(32), [
      storedItemOf(bundle) as unknown as StoredCredential,
    ]);
    const hash = String(bundle.anchorReceipt.credentialHash);
    wallet.recordCheck(hash, lastCheckOf(revokedByBit, VERIFIER, CHECKED_AT) as LastCheck);
    wallet.recordCheck(hash, lastCheckOf(revokedByBit, VERIFIER, new Date('2026-12-08T09:00:00.000Z')) as LastCheck);
    const d = describeEntry(wallet.entries[0]!, new Date('2026-12-08T10:00:00.000Z'));
    expect('state' in d && d.state).toEqual({
      state: 'revoked',
      foundAt: '2026-12-01T07:00:00.000Z',
      checkedAt: '2026-12-08T09:00:00.000Z',
    });
  });
});
