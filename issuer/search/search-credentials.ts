import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { CredentialStatus, IssuerDb, IssuerTables } from '../db-schema.ts';
import { termsOf } from './fold.ts';

/** What GET /credentials narrows a listing by; every filter given must hold (AND). */
export interface CredentialFilters {
  /** Words of the learner's name, each the beginning of a word of it, in any case and with or without accents. */
  name?: string;
  learnerReference?: string;
  did?: string;
  /** Words of the qualification's title or code. */
  qualification?: string;
  /** Words of the occupation's title or code. */
  occupation?: string;
  /** Award dates (YYYY-MM-DD), both days included. */
  awardedFrom?: string;
  awardedTo?: string;
  /** Issue days (YYYY-MM-DD, UTC), both days included. */
  issuedFrom?: string;
  issuedTo?: string;
  status?: CredentialStatus;
}

type CredentialQuery<O> = SelectQueryBuilder<IssuerTables, 'credentials', O>;

/** The smallest text after every text that begins with `word` (in code point order). */
function pastPrefix(word: string): string {
  const chars = [...word];
  const last = chars.pop()!.codePointAt(0)!;
  return chars.join('') + String.fromCodePoint(last + 1);
}

const wordsOf = (text: string | undefined) => (text === undefined ? [] : termsOf(text));

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Narrows a query of the credentials table by the filters; each is served by an index. */
export function whereFilters<O>(query: CredentialQuery<O>, filters: CredentialFilters): CredentialQuery<O> {
  let q = query;
  for (const word of wordsOf(filters.name))
    q = q.where('credentials.id', 'in', (eb) =>
      eb
        .selectFrom('credential_terms')
        .select('credential_id')
        .where('field', '=', 'name')
        .where('term', '>=', word)
        .where('term', '<', pastPrefix(word)),
    );
  // A qualification's words are kept once for all its credentials, by the key each credential names.
  for (const field of ['qualification', 'occupation'] as const)
    for (const word of wordsOf(filters[field]))
      q = q.where('credentials.qualification_key', 'in', (eb) =>
        eb
          .selectFrom('qualification_terms')
          .select('qualification_key')
          .where('field', '=', field)
          .where('term', '>=', word)
          .where('term', '<', pastPrefix(word)),
      );
  if (filters.learnerReference !== undefined) q = q.where('learner_reference', '=', filters.learnerReference);
  if (filters.did !== undefined) q = q.where('subject_did', '=', filters.did);
  if (filters.status !== undefined) q = q.where('status', '=', filters.status);
  if (filters.issuedFrom !== undefined) q = q.where('issued_at', '>=', filters.issuedFrom);
  if (filters.issuedTo !== undefined) q = q.where('issued_at', '<', nextDay(filters.issuedTo));
  const { awardedFrom, awardedTo } = filters;
  if (awardedFrom !== undefined || awardedTo !== undefined) {
    q = q.where('credentials.id', 'in', (eb) => {
      let awarded = eb.selectFrom('credential_statistics').select('credential_id');
      if (awardedFrom !== undefined) awarded = awarded.where('awarded_on', '>=', awardedFrom);
      if (awardedTo !== undefined) awarded = awarded.where('awarded_on', '<=', awardedTo);
      return awarded;
    });
  }
  return q;
}

/** One page of a listing: at most `limit`, issued before `before` (and, issued at that instant, with an id before `beforeId`). */
export interface CredentialListing extends CredentialFilters {
  limit: number;
  before?: string;
  beforeId?: string;
}

/** The credentials of one page, newest first (ties by id), every filter applied. */
export function listCredentials(
  db: IssuerDb,
  listing: CredentialListing,
): Promise<Selectable<IssuerTables['credentials']>[]> {
  let query = whereFilters(db.selectFrom('credentials').selectAll(), listing)
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(listing.limit);
  const { before, beforeId } = listing;
  if (before && beforeId) {
    query = query.where((eb) =>
      eb.or([eb('issued_at', '<', before), eb.and([eb('issued_at', '=', before), eb('id', '<', beforeId)])]),
    );
  } else if (before) {
    query = query.where('issued_at', '<', before);
  }
  return query.execute();
}
