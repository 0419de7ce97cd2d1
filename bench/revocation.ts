import { randomBytes, randomInt } from 'node:crypto';
import {
  DEFAULT_LIST_SHAPE,
  HASHES_PER_TRANSACTION,
  LISTS_PER_TRANSACTION,
  REVOCATION_BY_HASH_MAX,
} from '../issuer/index.ts';
import { startTestChain } from '../test/support/local-chain.ts';
import { gasOfRegistryCalls } from './bench-registry.ts';
import { report } from './report.ts';
import { apiPathGas } from './revocation-api.ts';

const hash = () => `0x${randomBytes(32).toString('hex')}`;
/** The institution the bench revokes for: a million credentials issued, so 16 status lists (65,536 each). */
const ISSUED = 1_000_000;
const SIZES = [1, 100, 1_000, 10_000];

/**
 * Gas per credential to revoke 1 to 10,000 credentials, on the local node, in the same run:
 * per-hash revocation as the issuer sends it (one `revoke`, or `revokeMany` in chunks of 64),
 * beside status bits (the issuer sets the bits off chain and commits each touched list's hash with
 * `publishStatusLists`, 30 lists a transaction). The revoked credentials are drawn at random from
 * the institution's million, so a revocation touches the lists their random indexes fell on; each
 * list's commitment is a first one (new storage), the dearest case. Beside them, what the issuer's
 * own batch revocation sends for the same numbers (./revocation-api.ts).
 */
export async function revocationBench(): Promise<void> {
  const chain = await startTestChain();
  try {
    const gasOf = await gasOfRegistryCalls(chain, 'did:key:z6MkRevocationBench');
    const inChunks = async <T>(items: T[], size: number, send: (chunk: T[]) => Promise<number>) => {
      let gas = 0;
      let transactions = 0;
      for (let i = 0; i < items.length; i += size) {
        gas += await send(items.slice(i, i + size));
        transactions += 1;
      }
      return { gas, transactions };
    };

    const listCount = Math.ceil(ISSUED / DEFAULT_LIST_SHAPE.capacity);
    const singlePerHash = await gasOf('revoke', hash(), 1);
    const rows: Record<string, string | number>[] = [];
    const api = await apiPathGas(SIZES);
    for (const n of SIZES) {
      const perHash =
        n === 1
          ? { gas: await gasOf('revoke', hash(), 1), transactions: 1 }
          : await inChunks(Array.from({ length: n }, hash), HASHES_PER_TRANSACTION, (chunk) =>
              gasOf('revokeMany', chunk, 1),
            );
      // Which lists the n revoked credentials sit on: credential k of the million is on list k / capacity.
      const touched = new Set<number>();
      for (const k of distinctDraws(n, ISSUED)) touched.add(Math.floor(k / DEFAULT_LIST_SHAPE.capacity));
      const lists = [...touched].map(() => ({ key: hash(), bits: hash() }));
      const bits = await inChunks(lists, LISTS_PER_TRANSACTION, (chunk) =>
        gasOf(
          'publishStatusLists',
          chunk.map((l) => l.key),
          chunk.map((l) => l.bits),
        ),
      );
      // The same lists committed as the issuer's mass revocation commits them: marked bits-only (a second slot each).
      const marked = await inChunks(
        [...touched].map(() => ({ key: hash(), bits: hash() })),
        LISTS_PER_TRANSACTION,
        (chunk) =>
          gasOf(
            'publishStatusListsBitsOnly',
            chunk.map((l) => l.key),
            chunk.map((l) => l.bits),
            chunk.map(() => true),
          ),
      );
      // A cohort revoked together (a compromised exam session) was issued together: its indexes are on one list.
      const cohort = await gasOf('publishStatusLists', [hash()], [hash()]);
      rows.push({
        credentials: n,
        'per-hash txs': perHash.transactions,
        'per-hash gas/credential': Math.round(perHash.gas / n),
        'lists touched': lists.length,
        'status-bit txs': bits.transactions,
        'status-bit gas/credential': Math.round(bits.gas / n),
        'status bits vs one per-hash revocation': ratio(singlePerHash, bits.gas / n),
        'marked bits-only gas/credential': Math.round(marked.gas / n),
        'one cohort (one list) gas/credential': Math.round(cohort / n),
        'issuer API txs': api.get(n)!.transactions,
        'issuer API gas/credential': Math.round(api.get(n)!.gas / n),
        'issuer API vs one per-hash revocation': ratio(singlePerHash, api.get(n)!.gas / n),
      });
    }
    report('revocation', 'Revocation gas per credential: per-hash revocation vs status-list bits', rows, [
      `One per-hash revocation (revoke, its own transaction) in this run: ${singlePerHash} gas.`,
      `Per-hash: revoke for 1, revokeMany in chunks of ${HASHES_PER_TRANSACTION} otherwise (issuer/revocations/revoke-many.ts).`,
      `Status bits: credentials drawn at random from ${ISSUED.toLocaleString('en')} issued (${listCount} lists of ${DEFAULT_LIST_SHAPE.capacity.toLocaleString('en')} entries); one publishStatusLists commitment per touched list, ${LISTS_PER_TRANSACTION} lists a transaction, each a first commitment (new storage).`,
      'Marked bits-only: the same random lists committed with publishStatusListsBitsOnly, each marked (what the issuer sends for a mass revocation spread over 16 lists).',
      'One cohort: the credentials were issued together, so their random indexes are all on one list (one commitment).',
      `Issuer API: POST /credentials/revoke's code (the issuer's revokeMany and status lists, SQLite, this node) on credentials of one fresh list: up to ${REVOCATION_BY_HASH_MAX} per hash then the list's commitment, beyond that bits only (one publishStatusListsBitsOnly commitment, marking the list).`,
      'Target: 1,000 credentials at most 1/100 of the gas per credential of a single per-hash revocation.',
    ]);
  } finally {
    await chain.stop();
  }
}

/** A cost per credential against one per-hash revocation: "1/113" (cheaper), or "2.05x" (dearer). */
const ratio = (single: number, perCredential: number) =>
  perCredential <= single ? `1/${Math.round(single / perCredential)}` : `${(perCredential / single).toFixed(2)}x`;

/** n distinct numbers below `max`, drawn uniformly. */
function distinctDraws(n: number, max: number): Set<number> {
  const drawn = new Set<number>();
  while (drawn.size < n) drawn.add(randomInt(max));
  return drawn;
}
