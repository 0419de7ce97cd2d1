import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db.ts';
import { ChallengeStore, type VerifierTables, verifierMigrations } from '../challenges.ts';
import { type CheckFragment, fragment } from '../fragment.ts';
import { challenge as challengeCheck } from './challenge.ts';
import type { PresentationSubject } from './subjects.ts';

/**
 * The challenge check of a presentation showing `presented`, for a caller expecting `expected`,
 * whose signature check gave `signature`; asserting that its fragment carries its own name.
 */
async function checkChallenge(
  presented: { nonce?: string; audience: string[] },
  expected: { challenge?: string; domain?: string },
  signature: Promise<CheckFragment>,
  challenges: ChallengeStore,
  now: Date,
) {
  const subject = { presentation: presented, expected, challenges, now } as PresentationSubject;
  const f = await challengeCheck.verify(subject, (name) =>
    name === 'presentation_signature' ? signature : Promise.reject(new Error(`no ${name} check`)),
  );
  expect(f.check).toBe('challenge');
  return f;
}

/**
 * The challenge check against a real challenge store on a SQLite file with an injected clock:
 * which rule decides, and that only a validly signed presentation uses a challenge.
 */
const HOLDER = 'did:example:holder';

describe('challenge check', () => {
  const TTL = 60_000;
  const T0 = new Date('2031-03-01T10:00:00.000Z');
  let dataDir: string;
  let db: Kysely<VerifierTables>;
  let store: ChallengeStore;
  const signedOk = () =>
    Promise.resolve(fragment('presentation_signature', 'valid', 'presentation_signature_valid', { holder: HOLDER }));
  const signedBadly = () => Promise.resolve(fragment('presentation_signature', 'invalid', 'signature_invalid'));
  const used = async (challenge: string) =>
    (await db.selectFrom('challenges').select('used_at').where('challenge', '=', challenge).executeTakeFirstOrThrow())
      .used_at;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'skillmark-presentation-'));
    ({ db } = await openDatabase<VerifierTables>({ dataDir, name: 'verifier', migrations: verifierMigrations }));
    store = new ChallengeStore(db, TTL);
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is valid for the pinned challenge, once: a replay is refused', async () => {
    const { challenge } = await store.create(T0);
    expect(await checkChallenge({ nonce: challenge, audience: [] }, { challenge }, signedOk(), store, T0)).toEqual({
      check: 'challenge',
      status: 'valid',
      reason: 'challenge_valid',
      message: expect.any(String),
      details: { challenge },
    });
    expect(await used(challenge)).toBe(T0.toISOString());
    expect(
      await checkChallenge({ nonce: challenge, audience: [] }, { challenge }, signedOk(), store, T0),
    ).toMatchObject({ status: 'invalid', reason: 'challenge_already_used' });
  });

  it('is invalid without a nonce, or without a pinned challenge, leaving the challenge unused', async () => {
    const { challenge } = await store.create(T0);
    for (const nonce of [undefined, '']) {
      expect(
        await checkChallenge(
          { ...(nonce === undefined ? {} : { nonce }), audience: [] },
          { challenge },
          signedOk(),
          store,
          T0,
        ),
      ).toMatchObject({ status: 'invalid', reason: 'challenge_missing' });
    }
    expect(await checkChallenge({ nonce: challenge, audience: [] }, {}, signedOk(), store, T0)).toMatchObject({
      status: 'invalid',
      reason: 'challenge_not_pinned',
    });
    expect(await used(challenge)).toBeNull();
  });

  it('is invalid for a nonce other than the pinned challenge, even one this verifier issued', async () => {
    const pinned = await store.create(T0);
    const other = await store.create(T0);
    expect(
      await checkChallenge(
        { nonce: other.challenge, audience: [] },
        { challenge: pinned.challenge },
        signedOk(),
        store,
        T0,
      ),
    ).toMatchObject({ status: 'invalid', reason: 'challenge_mismatch' });
    expect(await used(other.challenge)).toBeNull();
    expect(await used(pinned.challenge)).toBeNull();
  });

  it('checks the domain against the audience when the caller gives one, naming the audience it saw', async () => {
    const { challenge } = await store.create(T0);
    expect(
      await checkChallenge(
        { nonce: challenge, audience: ['https://a.example', 'https://b.example'] },
        { challenge, domain: 'https://c.example' },
        signedOk(),
        store,
        T0,
      ),
    ).toMatchObject({
      status: 'invalid',
      reason: 'domain_mismatch',
      params: { domain: 'https://a.example, https://b.example' },
    });
    expect(
      await checkChallenge(
        { nonce: challenge, audience: [] },
        { challenge, domain: 'https://c.example' },
        signedOk(),
        store,
        T0,
      ),
    ).toMatchObject({ reason: 'domain_mismatch', params: { domain: 'none' } });
    expect(
      await checkChallenge(
        { nonce: challenge, audience: [`https://${'a'.repeat(300)}`] },
        { challenge, domain: 'https://c.example' },
        signedOk(),
        store,
        T0,
      ),
    ).toMatchObject({
      params: { domain: `https://${'a'.repeat(192)}` },
    });
    expect(await used(challenge)).toBeNull();
    expect(
      await checkChallenge(
        { nonce: challenge, audience: ['https://a.example', 'https://c.example'] },
        { challenge, domain: 'https://c.example' },
        signedOk(),
        store,
        T0,
      ),
    ).toMatchObject({ status: 'valid', reason: 'challenge_valid' });
  });

  it('says so when the presentation names an audience nobody asked to check', async () => {
    const { challenge } = await store.create(T0);
    expect(
      await checkChallenge({ nonce: challenge, audience: ['https://a.example'] }, { challenge }, signedOk(), store, T0),
    ).toMatchObject({
      status: 'valid',
      reason: 'challenge_valid_audience_unchecked',
      params: { audience: 'https://a.example' },
      details: { challenge },
    });
  });

  it('is skipped, and the challenge left unused, when the presentation signature is not valid', async () => {
    const { challenge } = await store.create(T0);
    expect(
      await checkChallenge({ nonce: challenge, audience: [] }, { challenge }, signedBadly(), store, T0),
    ).toMatchObject({ status: 'skipped', reason: 'challenge_needs_signature' });
    expect(await used(challenge)).toBeNull();
    expect(
      await checkChallenge({ nonce: challenge, audience: [] }, { challenge }, signedOk(), store, T0),
    ).toMatchObject({ status: 'valid' });
  });

  it('is invalid for an expired challenge and for one this verifier never issued', async () => {
    const { challenge } = await store.create(T0);
    const late = new Date(T0.getTime() + TTL);
    expect(
      await checkChallenge({ nonce: challenge, audience: [] }, { challenge }, signedOk(), store, late),
    ).toMatchObject({ status: 'invalid', reason: 'challenge_expired' });
    expect(
      await checkChallenge(
        { nonce: 'never-issued', audience: [] },
        { challenge: 'never-issued' },
        signedOk(),
        store,
        T0,
      ),
    ).toMatchObject({ status: 'invalid', reason: 'challenge_unknown' });
  });
});
