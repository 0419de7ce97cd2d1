import { randomBytes } from 'node:crypto';
import { ZeroHash } from 'ethers';
import { describe, expect, it } from 'vitest';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../../core/ed25519.ts';
import { readCredentialToken } from '../../core/formats/index.ts';
import { vcJose20 } from '../../core/formats/vc-jose-2.0/index.ts';
import { nodeJoseSigner } from '../../core/jose/signer.ts';
import { Bitstring, MIN_LIST_SIZE } from '../../core/status-list/bitstring.ts';
import { bitstringCommitment, statusListEntry } from '../../core/status-list/entry.ts';
import { VC_V2_CONTEXT } from '../../core/vc-contexts.ts';
import { localHttpServer } from '../../test/support/local-http-server.ts';
import { DidKeyResolver } from '../did-key-resolver.ts';
import { fragment } from '../fragment.ts';
import { type LedgerReader, LedgerUnreachableError, type StatusListAnswer } from '../ledger-reader.ts';
import { StatusListFetcher } from '../status-list-fetch.ts';
import { type Check, runChecks } from './check.ts';
import { statusList } from './status-list.ts';
import type { CredentialSubject } from './subjects.ts';
import { answerOf, evidenceOf, factsOf, registryNamed, unlisted } from './testing/ledger-facts.ts';

/**
 * The status list check with real signatures (did:key Ed25519, the VC 2.0 + JOSE format), lists
 * served over real HTTP on 127.0.0.1, and the registries' commitments as the ledger reader hands
 * them over (the end-to-end test reads them from a real node).
 */
const issuerKey = () => {
  const seed = randomBytes(32);
  const did = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
  return { did, signer: nodeJoseSigner(ed25519PrivateKey(seed), `${did}#${did.slice(8)}`) };
};
const college = issuerKey();
const stranger = issuerKey();

/** The lists the server hands out, by path; a path not here closes the connection. */
const served = new Map<string, string>();
const server = localHttpServer((req, res) => {
  const body = served.get(req.url ?? '');
  if (body === undefined) return void req.socket.destroy();
  res.writeHead(200, { 'content-type': 'application/vc+jwt' }).end(body);
});
const origin = () => `http://127.0.0.1:${server.port()}`;

async function listToken(bits: Bitstring, url: string, key = college, purpose = 'revocation'): Promise<string> {
  return vcJose20.sign(
    {
      '@context': [VC_V2_CONTEXT],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: key.did,
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: {
        id: `${url}#list`,
        type: 'BitstringStatusList',
        statusPurpose: purpose,
        encodedList: bits.encode(),
      },
    },
    key.did,
    key.signer,
  );
}

const a = registryNamed('a');
const committed = (bitsHash: string, bitsOnly = false): StatusListAnswer => ({
  trusted: a,
  commitment: { institutionId: 1, bitsHash, bitsOnly },
});

/** Serves `bits` as a list, then runs the check on a credential holding `index` of it, with the ledger's `answers`. */
async function check(options: {
  bits?: Bitstring;
  index?: number;
  answers?: StatusListAnswer[];
  token?: (url: string) => Promise<string>;
  serve?: boolean;
  entry?: object;
  listed?: boolean;
  fetcher?: StatusListFetcher;
  path?: string;
  /** The ledger's answers by the DID asked about (default: `answers` for every DID). */
  answersFor?: (did: string) => StatusListAnswer[];
  /** What the revocation record check (not_revoked) found, which runs before this one (default: it could not tell). */
  record?: 'valid' | 'invalid' | 'unverifiable';
}) {
  const path = options.path ?? `/status-lists/${randomBytes(8).toString('hex')}`;
  const url = `${origin()}${path}`;
  const bits = options.bits ?? new Bitstring(MIN_LIST_SIZE);
  if (options.serve !== false) served.set(path, await (options.token ?? ((u) => listToken(bits, u)))(url));
  const credential = {
    issuer: college.did,
    credential: { credentialStatus: options.entry ?? statusListEntry(url, options.index ?? 7) },
  };
  const ledger = {
    statusListOnEach: async (did: string) =>
      options.answersFor?.(did) ?? options.answers ?? [committed(bitstringCommitment(bits.bytes))],
  };
  const keys = new DidKeyResolver();
  const subject = {
    credential,
    evidence: evidenceOf([answerOf(options.listed === false ? unlisted(a) : factsOf(a))]),
    ledger: ledger as unknown as LedgerReader,
    statusLists: options.fetcher ?? new StatusListFetcher({ localOrigins: [origin()] }),
    keys,
    budget: keys.requestBudget(),
  } as unknown as CredentialSubject;
  const recordStatus = options.record ?? 'unverifiable';
  const record: Check<CredentialSubject> = {
    name: 'not_revoked',
    verify: () =>
      fragment(
        'not_revoked',
        recordStatus,
        recordStatus === 'valid' ? 'not_revoked' : recordStatus === 'invalid' ? 'revoked' : 'ledger_unreachable',
      ),
  };
  return (await runChecks([record, statusList], subject))[1]!;
}

const withBit = (index: number) => {
  const bits = new Bitstring(MIN_LIST_SIZE);
  bits.set(index);
  return bits;
};

describe('status list check', () => {
  it('is valid when the bit is clear and the list is the one committed on the ledger', async () => {
    const outcome = await check({ bits: withBit(8), index: 7 });
    expect(outcome).toMatchObject({ check: 'status_list', status: 'valid', reason: 'status_list_clear' });
    expect(outcome.params).toEqual({ source: `127.0.0.1:${server.port()}` });
    expect(outcome.message).toContain(`127.0.0.1:${server.port()}`);
  });

  it('is valid with no commitment on the ledger only while every bit is clear', async () => {
    expect(await check({ answers: [committed(ZeroHash)] })).toMatchObject({ status: 'valid' });
    expect(await check({ bits: withBit(8), index: 7, answers: [committed(ZeroHash)] })).toMatchObject({
      status: 'unverifiable',
      reason: 'status_list_mismatch',
    });
  });

  it('fetches a cached list again when the ledger holds a newer commitment', async () => {
    const fetcher = new StatusListFetcher({ localOrigins: [origin()] });
    const path = '/status-lists/cached';
    expect(await check({ fetcher, path })).toMatchObject({ status: 'valid' });
    // Another credential of the list was revoked since: new bits, a new commitment.
    expect(await check({ fetcher, path, bits: withBit(8), index: 7 })).toMatchObject({
      status: 'valid',
      reason: 'status_list_clear',
    });
  });

  it('is invalid when the issuer-signed list sets the bit, and says where the list came from', async () => {
    expect(await check({ bits: withBit(7), index: 7 })).toMatchObject({
      status: 'invalid',
      reason: 'status_list_revoked',
      params: { source: `127.0.0.1:${server.port()}` },
      details: { statusListIndex: 7 },
    });
  });

  it('a tampered list is never valid: altered bits, a forged signature, another signer', async () => {
    const bits = new Bitstring(MIN_LIST_SIZE);
    // Bits other than the committed ones (an older list hiding a revocation, say).
    expect(await check({ bits, answers: [committed(bitstringCommitment(withBit(7).bytes))] })).toMatchObject({
      status: 'unverifiable',
      reason: 'status_list_mismatch',
    });
    // The payload changed after signing.
    const altered = async (url: string) => {
      const [h, , s] = (await listToken(bits, url)).split('.');
      const payload = readCredentialToken(await listToken(bits, url));
      if (!payload.ok) throw new Error(payload.detail);
      const credential = { ...payload.value.credential, id: `${url}?x` };
      return `${h}.${Buffer.from(JSON.stringify(credential)).toString('base64url')}.${s}`;
    };
    expect(await check({ bits, token: altered })).toMatchObject({
      status: 'unverifiable',
      reason: 'status_list_unverifiable',
    });
    // Signed, but by someone else than the credential's issuer (no registry ties the signer to it).
    const strangers: StatusListAnswer = {
      trusted: a,
      commitment: { institutionId: 2, bitsHash: ZeroHash, bitsOnly: false },
    };
    const ledgerFor = (did: string) =>
      did === college.did ? [committed(bitstringCommitment(bits.bytes))] : [strangers];
    expect(await check({ bits, token: (url) => listToken(bits, url, stranger), answersFor: ledgerFor })).toMatchObject({
      status: 'unverifiable',
      reason: 'status_list_unverifiable',
      params: { detail: 'another issuer signed it' },
    });
    // Signed by another DID of the same institution (after a signing-key rotation): accepted.
    const sameCollege = (did: string) => (did === college.did ? ledgerFor(did) : [committed(ZeroHash)]);
    expect(
      await check({ bits, token: (url) => listToken(bits, url, stranger), answersFor: sameCollege }),
    ).toMatchObject({
      status: 'valid',
    });
    // Not a list at all, and a list for another purpose.
    expect(await check({ token: async () => 'not a token' })).toMatchObject({ status: 'unverifiable' });
    expect(await check({ bits, token: (url) => listToken(bits, url, college, 'suspension') })).toMatchObject({
      status: 'unverifiable',
      reason: 'status_list_unverifiable',
    });
  });

  it("an unreachable list is never invalid, nor is an unreachable ledger (a set bit is the issuer's own word)", async () => {
    expect(await check({ bits: withBit(7), index: 7, serve: false })).toMatchObject({
      status: 'unverifiable',
      reason: 'status_list_unreachable',
    });
    const down: StatusListAnswer = { trusted: a, error: new LedgerUnreachableError('a: connect ECONNREFUSED', [a]) };
    expect(await check({ answers: [down] })).toMatchObject({ status: 'skipped', reason: 'status_list_needs_ledger' });
    expect(await check({ bits: withBit(7), index: 7, answers: [down] })).toMatchObject({ status: 'invalid' });
    // One registry out of reach, another answering: the one that answered decides.
    const b = registryNamed('b');
    const other: StatusListAnswer = {
      trusted: b,
      commitment: { institutionId: 1, bitsHash: ZeroHash, bitsOnly: false },
    };
    expect(await check({ answers: [down, other] })).toMatchObject({ status: 'valid' });
    expect(await check({ bits: withBit(8), answers: [down, other] })).toMatchObject({
      status: 'unverifiable',
      reason: 'status_list_mismatch',
    });
  });

  it("an unreachable list leaves the verdict to the ledger's revocation record when that answers", async () => {
    expect(await check({ bits: withBit(8), index: 7, serve: false, record: 'valid' })).toMatchObject({
      status: 'skipped',
      reason: 'status_list_unreachable_record_answers',
    });
    // A record that could not tell, or that says revoked, leaves nothing settled by this check.
    for (const record of ['unverifiable', 'invalid'] as const)
      expect(await check({ bits: withBit(8), index: 7, serve: false, record })).toMatchObject({
        status: 'unverifiable',
        reason: 'status_list_unreachable',
      });
    // Reachable, the list still decides: a set bit is a revocation whatever the record says.
    expect(await check({ bits: withBit(7), index: 7, record: 'valid' })).toMatchObject({ status: 'invalid' });
  });

  it('an unreachable list never revoked from is clear from the ledger alone; one marked bits-only is never valid', async () => {
    // No commitment on any registry that answers: no revocation was ever published on the list.
    const down: StatusListAnswer = { trusted: a, error: new LedgerUnreachableError('a: connect ECONNREFUSED', [a]) };
    const never = registryNamed('b');
    const zero: StatusListAnswer = {
      trusted: never,
      commitment: { institutionId: 1, bitsHash: ZeroHash, bitsOnly: false },
    };
    expect(await check({ serve: false, answers: [down, zero] })).toMatchObject({
      status: 'valid',
      reason: 'status_list_never_revoked',
      details: { ledger: [{ registry: never.name, bitsHash: null }] },
    });
    // With the ledger out of reach, the list's mark cannot be read: whatever the record says, cannot tell.
    expect(await check({ serve: false, answers: [down], record: 'valid' })).toMatchObject({
      status: 'unverifiable',
      reason: 'status_list_unreachable',
    });
    // Marked bits-only on a registry: the revocation record no longer answers for the list.
    const marked = committed(bitstringCommitment(withBit(8).bytes), true);
    for (const answers of [[marked], [marked, committed(bitstringCommitment(withBit(8).bytes))]])
      expect(await check({ bits: withBit(8), index: 7, serve: false, record: 'valid', answers })).toMatchObject({
        status: 'unverifiable',
        reason: 'status_list_unreachable',
      });
  });

  it('with a trust bundle answering for the ledger, a list that differs from it leaves the verdict to the record', async () => {
    // The bundle's commitment is of its date: a list published again since differs without being altered.
    const fromBundle = (bitsHash: string): StatusListAnswer => ({ ...committed(bitsHash), asOf: 1_800_000_000 });
    const older = fromBundle(bitstringCommitment(withBit(9).bytes));
    expect(await check({ bits: withBit(8), index: 7, answers: [older], record: 'valid' })).toMatchObject({
      status: 'skipped',
      reason: 'status_list_needs_ledger',
      details: { detail: 'the list differs from the trust bundle, which may be older than it' },
    });
    // The same list as the bundle's: clear as of its date; a set bit is a revocation whatever its date.
    expect(
      await check({ bits: withBit(8), index: 7, answers: [fromBundle(bitstringCommitment(withBit(8).bytes))] }),
    ).toMatchObject({ status: 'valid', reason: 'status_list_clear' });
    expect(await check({ bits: withBit(7), index: 7, answers: [older] })).toMatchObject({ status: 'invalid' });
    // Neither the list nor the ledger in reach: never published as of the bundle, or recorded by hash too.
    expect(await check({ serve: false, answers: [fromBundle(ZeroHash)] })).toMatchObject({
      status: 'valid',
      reason: 'status_list_never_revoked',
    });
    expect(await check({ serve: false, answers: [older], record: 'valid' })).toMatchObject({
      status: 'skipped',
      reason: 'status_list_unreachable_record_answers',
    });
  });

  it('fetches nothing for an issuer no registry lists, nor from an address that is not allowed', async () => {
    expect(await check({ listed: false, serve: false })).toMatchObject({
      status: 'skipped',
      reason: 'revocation_needs_issuer',
    });
    const elsewhere = statusListEntry('http://127.0.0.2:9/status-lists/1', 7);
    expect(await check({ entry: elsewhere, serve: false })).toMatchObject({
      status: 'unverifiable',
      reason: 'status_list_unreachable',
      details: { detail: 'only https status lists are fetched' },
    });
  });

  it('is skipped without an entry, and invalid for an entry the issuer signed malformed', async () => {
    const keys = new DidKeyResolver();
    const none = { credential: { issuer: college.did, credential: {} }, keys } as unknown as CredentialSubject;
    expect((await runChecks([statusList], none))[0]).toMatchObject({ status: 'skipped', reason: 'status_list_absent' });
    const entry = { ...statusListEntry('https://college.example/l', 0), statusListIndex: '-1' };
    expect(await check({ entry, serve: false })).toMatchObject({ status: 'invalid', reason: 'status_entry_malformed' });
    expect(await check({ index: MIN_LIST_SIZE })).toMatchObject({
      status: 'invalid',
      reason: 'status_entry_malformed',
    });
  });
});
