import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { openDatabase } from '../../core/db.ts';
import { didKeyOfEd25519, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { encodeQrBundle } from '../../core/qr-bundle/index.ts';
import type { AnchorReceipt } from '../../core/receipt.ts';
import { freePort } from '../../test/support/local-chain.ts';
import { signPresentation } from '../../wallet-cli/sign-presentation.ts';
import { selfSignedBundle } from '../../wallet-cli/testing/self-signed.ts';
import { ChallengeStore, type VerifierTables, verifierMigrations } from '../challenges.ts';
import { DidKeyResolver } from '../did-key-resolver.ts';
import { type CheckFragment, fragment } from '../fragment.ts';
import { LedgerReader } from '../ledger-reader.ts';
import { verifyPresentationToken } from '../verify-presentation.ts';
import { verifyQrCodeText } from '../verify-qr-code.ts';
import {
  CHECK_NAMES,
  type CheckName,
  CREDENTIAL_CHECK_NAMES,
  PRESENTATION_CHECK_NAMES,
  QR_CODE_OUTCOME_NAMES,
} from './check-names.ts';
import { CREDENTIAL_CHECKS, PRESENTATION_CHECKS } from './index.ts';

/**
 * The check lists, and the closed set of names a fragment can carry: by type, and over real
 * verification runs (a presentation of a self-signed credential, to a verifier whose one trusted
 * registry cannot be reached, so that every check has something to say).
 */
describe('the check lists', () => {
  it('run the credential and presentation checks in the order their names are listed, each once', () => {
    expect(CREDENTIAL_CHECKS.map((c) => c.name)).toEqual(CREDENTIAL_CHECK_NAMES);
    expect(PRESENTATION_CHECKS.map((c) => c.name)).toEqual(PRESENTATION_CHECK_NAMES);
  });

  it('a fragment names a check from the closed set, by type', () => {
    expectTypeOf<CheckFragment['check']>().toEqualTypeOf<CheckName>();
    expectTypeOf(fragment).parameter(0).toEqualTypeOf<CheckName>();
  });
});

describe('every fragment a verification run gives names a check from the set', () => {
  let dataDir: string;
  let db: Kysely<VerifierTables>;
  let ledger: LedgerReader;
  const keys = new DidKeyResolver();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'skillmark-check-names-'));
    ({ db } = await openDatabase<VerifierTables>({ dataDir, name: 'verifier', migrations: verifierMigrations }));
    const unreachable = {
      name: 'unreachable registry',
      chainId: 31337,
      registry: `0x${'11'.repeat(20)}`,
      rpcUrls: [`http://127.0.0.1:${await freePort()}`],
    };
    ledger = new LedgerReader({ registries: [unreachable] }, { timeoutMs: 500, cacheTtlMs: 0 });
  });
  afterAll(async () => {
    ledger.destroy();
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function namesIn(credentials: { credential: string; anchorReceipt?: AnchorReceipt }[], token?: string) {
    const seed = randomBytes(32);
    const holder = { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), seed };
    const challenges = new ChallengeStore(db, 60_000);
    const { challenge } = await challenges.create(new Date());
    const presentation = token ?? (await signPresentation(holder, credentials, challenge));
    const result = await verifyPresentationToken(
      presentation,
      { challenge },
      { keys, ledger, now: () => new Date(), clockSkewSeconds: 60, challenges },
    );
    return {
      holder,
      result,
      names: [...result.checks, ...result.credentials.flatMap((c) => c.checks)].map((f) => f.check),
    };
  }

  it('a presentation with a credential: each presentation and credential check, in list order', async () => {
    const seed = randomBytes(32);
    const bundle = await selfSignedBundle(didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)));
    const { result, names } = await namesIn([
      { credential: bundle.credential, anchorReceipt: bundle.anchorReceipt as unknown as AnchorReceipt },
    ]);
    expect(result.checks.map((f) => f.check)).toEqual(['structure', ...PRESENTATION_CHECK_NAMES]);
    expect(result.credentials[0]!.checks.map((f) => f.check)).toEqual(['structure', ...CREDENTIAL_CHECK_NAMES]);
    for (const name of names) expect(CHECK_NAMES.has(name), name).toBe(true);
  });

  it('a credential read from a QR code: each credential check, then the holder left unchecked', async () => {
    const bundle = await selfSignedBundle(didKeyOfEd25519(ed25519PublicKeyOfSeed(randomBytes(32))));
    const text = encodeQrBundle({
      credential: bundle.credential,
      anchorReceipt: bundle.anchorReceipt as unknown as AnchorReceipt,
    });
    const result = await verifyQrCodeText(text, { keys, ledger, now: () => new Date(), clockSkewSeconds: 60 });
    const names = result.checks.map((f) => f.check);
    expect(names).toEqual(['structure', ...CREDENTIAL_CHECK_NAMES, ...QR_CODE_OUTCOME_NAMES]);
    expect(result.checks.at(-1)).toMatchObject({ status: 'skipped', reason: 'holder_not_checked' });
    for (const name of names) expect(CHECK_NAMES.has(name), name).toBe(true);
  });

  it('a presentation holding no credential, and a token that cannot be read', async () => {
    const empty = await namesIn([]);
    expect(empty.names).toEqual([
      'structure',
      'presentation_signature',
      'challenge',
      'presentation_validity',
      'credentials',
    ]);
    const unreadable = await namesIn([], 'not.a.token');
    expect(unreadable.names).toEqual(['structure']);
    for (const name of [...empty.names, ...unreadable.names]) expect(CHECK_NAMES.has(name), name).toBe(true);
  });
});
