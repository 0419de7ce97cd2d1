import { RevocationReason, type RevocationReasonName } from '../contracts/revocation-reason.ts';
import { LANGUAGES } from '../core/messages/index.ts';

/**
 * Why an institution revoked a credential, as the registry's reason code (`issuedInError`, …): the
 * wallet keeps the code and says it in the reader's language when it shows it (the catalogue's
 * labels), never the sentence of the verifier that happened to answer.
 */

const NAMES = Object.keys(RevocationReason) as RevocationReasonName[];

export const isRevocationReason = (value: unknown): value is RevocationReasonName =>
  typeof value === 'string' && (NAMES as string[]).includes(value);

/** The reason's name from the number a verifier's `not_revoked` check gives (details.reasonCode). */
export function revocationReasonOf(code: unknown): RevocationReasonName | undefined {
  return NAMES.find((name) => RevocationReason[name] === code);
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each language's `revoked` sentence as a pattern whose group is the reason's words, with those words' names. */
const SENTENCES = Object.values(LANGUAGES).map((language) => ({
  pattern: new RegExp(
    `^${escaped(language.messages.revoked)
      .replace(escaped('{revokedAt}'), '.+?')
      .replace(escaped('{reasonName}'), '(.+?)')}`,
    'u',
  ),
  names: new Map(NAMES.map((name) => [language.labels[name], name])),
}));

/**
 * The reason in a sentence a verifier wrote (in any of the catalogue's languages): what wallets
 * before the reason code stored. Undefined when the sentence is not one of them.
 */
export function revocationReasonInSentence(sentence: string): RevocationReasonName | undefined {
  for (const { pattern, names } of SENTENCES) {
    const words = pattern.exec(sentence)?.[1];
    const name = words === undefined ? undefined : names.get(words);
    if (name) return name;
  }
  return undefined;
}
