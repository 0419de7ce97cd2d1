import { createHash } from 'node:crypto';
import { type SearchField, termsOf } from './fold.ts';

type Json = Record<string, unknown> | undefined;
const member = (value: unknown, name: string): Json =>
  typeof value === 'object' && value !== null ? ((value as Record<string, unknown>)[name] as Json) : undefined;
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A word of a credential in `credential_terms`: its learner's name (every field until migration 015). */
export interface SearchTerm {
  credential_id: string;
  field: SearchField;
  term: string;
}

/** What a word of a qualification_terms row is a word of. */
export type QualificationField = Exclude<SearchField, 'name'>;

/** A word of a qualification (with its occupation), kept once for every credential of it. */
export interface QualificationTerm {
  qualification_key: string;
  field: QualificationField;
  term: string;
}

/** What stores a credential's words: its learner's name per credential, its qualification's once per key. */
export interface CredentialSearchRows {
  qualificationKey: string;
  name: SearchTerm[];
  qualification: QualificationTerm[];
}

/**
 * Hex digits of SHA-256 kept: 128 bits, so that two qualifications share a key by chance with
 * odds of about n²/2^129 (n distinct qualifications), and by design only at a cost of 2^64 hashes.
 */
const KEY_LENGTH = 32;

/**
 * The key of the words a qualification and its occupation are found by. It is made of the folded
 * words rather than the texts: credentials that search cannot tell apart share it, and migration 015
 * computes it from the words already indexed, whatever became of the signed text.
 */
export function qualificationKeyOf(words: Record<QualificationField, readonly string[]>): string {
  const canonical = JSON.stringify([[...words.qualification].sort(), [...words.occupation].sort()]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, KEY_LENGTH);
}

/** The words of a credential, by field. */
function wordsOfSubject(subject: unknown): Record<SearchField, string[]> {
  const qualification = member(subject, 'qualification');
  const occupation = member(qualification, 'occupation');
  return {
    name: termsOf(text(member(subject, 'name'))),
    qualification: termsOf(text(member(qualification, 'title')), text(member(qualification, 'code'))),
    occupation: termsOf(text(member(occupation, 'title')), text(member(occupation, 'code'))),
  };
}

/** The words a credential is found by: the learner's name, the qualification's and the occupation's title and code. */
export function termsOfSubject(credentialId: string, subject: unknown): SearchTerm[] {
  return Object.entries(wordsOfSubject(subject)).flatMap(([field, terms]) =>
    terms.map((term) => ({ credential_id: credentialId, field: field as SearchField, term })),
  );
}

/** The rows that store a credential's words, from the words by field. */
function searchRowsOfWords(credentialId: string, words: Record<SearchField, string[]>): CredentialSearchRows {
  const qualificationKey = qualificationKeyOf(words);
  const fields: QualificationField[] = ['qualification', 'occupation'];
  return {
    qualificationKey,
    name: words.name.map((term) => ({ credential_id: credentialId, field: 'name', term })),
    qualification: fields.flatMap((field) =>
      words[field].map((term) => ({ qualification_key: qualificationKey, field, term })),
    ),
  };
}

/** The rows that store the words of a credential's subject (sign-credential.ts). */
export function searchRowsOfSubject(credentialId: string, subject: unknown): CredentialSearchRows {
  return searchRowsOfWords(credentialId, wordsOfSubject(subject));
}

/** The same from a credential's words as `credential_terms` held them before migration 015. */
export function searchRowsOfTerms(credentialId: string, terms: readonly SearchTerm[]): CredentialSearchRows {
  const words: Record<SearchField, string[]> = { name: [], qualification: [], occupation: [] };
  for (const { field, term } of terms) words[field].push(term);
  return searchRowsOfWords(credentialId, words);
}

/** The words of a signed credential in any of the issuer's formats (for credentials issued before the index). */
export function termsOfSignedCredential(credentialId: string, jwt: string): SearchTerm[] {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return [];
  }
  // VC-JWT 1.1 carries the credential in the `vc` claim; VC-JOSE 2.0 is the credential itself.
  const credential = member(payload, 'vc') ?? payload;
  return termsOfSubject(credentialId, member(credential, 'credentialSubject'));
}

/**
 * The qualification words of credentials, once for each qualification, in primary key order: two
 * PostgreSQL transactions that add the same new qualifications then wait on each other's rows in
 * the same order, never in a cycle.
 */
export function distinctQualificationTerms(credentials: readonly CredentialSearchRows[]): QualificationTerm[] {
  const byKey = new Map<string, QualificationTerm[]>();
  for (const rows of credentials) byKey.set(rows.qualificationKey, rows.qualification);
  const order = (t: QualificationTerm) => [t.field, t.term, t.qualification_key].join('\u0000');
  return [...byKey.values()].flat().sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
