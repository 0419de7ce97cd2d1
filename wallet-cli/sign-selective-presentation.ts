import { createInterface } from 'node:readline/promises';
import { ed25519PrivateKey } from '../core/ed25519.ts';
import { readCredentialToken } from '../core/formats/index.ts';
import { choiceOf, type DisclosureChoice, disclosableClaims } from '../core/formats/sd-jwt-vc/disclosable.ts';
import { presentSdJwtVc } from '../core/formats/sd-jwt-vc/present.ts';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import type { WalletSentenceKey } from '../core/messages/index.ts';
import type { AnchorReceipt } from '../core/receipt.ts';
import { EXIT } from './command.ts';
import type { Holder } from './sign-presentation.ts';
import { WalletError } from './store.ts';
import { isYes, t } from './words.ts';

/** Whether a stored credential is one the learner discloses claim by claim (an SD-JWT VC). */
export const isSelective = (credential: string): boolean => {
  const read = readCredentialToken(credential);
  return read.ok && read.value.format === 'sd-jwt-vc';
};

/** The credential's claims as issued, every disclosure in place: what the learner chooses from. */
export function claimsOf(credential: string): Record<string, unknown> {
  const read = readCredentialToken(credential);
  if (!read.ok) throw new WalletError(read.detail);
  return read.value.credential;
}

/** The learner's `--disclose` names as a choice, or a WalletError naming what the credential can disclose. */
export function choiceFromNames(credential: string, names: readonly string[]): DisclosureChoice {
  const chosen = choiceOf(claimsOf(credential), names);
  if (chosen.ok) return chosen.choice;
  throw new WalletError(
    t('present_disclose_unknown', {
      names: chosen.unknown.join(', '),
      available: chosen.available.join(', ') || '-',
    }),
    EXIT.usage,
  );
}

/**
 * What the learner shows of an SD-JWT VC: the names given with --disclose (comma-separated), else
 * asked one by one on a terminal, else nothing optional (only what is always shown).
 */
export function chosenDisclosures(credential: string, disclose: unknown): Promise<DisclosureChoice> | DisclosureChoice {
  if (disclose === undefined && process.stdin.isTTY) return askDisclosures(credential);
  const names = String(disclose ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return choiceFromNames(credential, names);
}

/** The credential with no disclosure at all: what the wallet sends when it only asks where a credential stands. */
export const undisclosed = (credential: string): string =>
  isSelective(credential) ? `${credential.slice(0, credential.indexOf('~'))}~` : credential;

/** Each detail a credential can disclose, in words: the learner is asked about "your name", not "name". */
const DETAIL_WORDS: Record<string, WalletSentenceKey> = {
  name: 'disclose_name',
  learnerReference: 'disclose_learner_reference',
  birthDate: 'disclose_birth_date',
  dateOfBirth: 'disclose_birth_date',
  startedOn: 'disclose_started_on',
};

function detailInWords(name: string): string {
  const competency = /^competency:(\d+)$/.exec(name);
  if (competency) return t('disclose_competency', { number: competency[1]! });
  return Object.hasOwn(DETAIL_WORDS, name) ? t(DETAIL_WORDS[name]!) : name;
}

/** The learner's choice made on the terminal: each detail the credential can disclose, asked one by one (no is the default). */
export async function askDisclosures(credential: string): Promise<DisclosureChoice> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const picked: string[] = [];
  try {
    for (const { name, value } of disclosableClaims(claimsOf(credential)))
      if (isYes(await prompt.question(`${t('present_disclose_question', { detail: detailInWords(name), value })} `)))
        picked.push(name);
  } finally {
    prompt.close();
  }
  return choiceFromNames(credential, picked);
}

/**
 * The SD-JWT VC with the chosen disclosures only, and a key-binding JWT signed by the holder's
 * did:key over the verifier's `challenge` and `domain`; the anchor receipt rides in it.
 */
export function signSelectivePresentation(
  holder: Holder,
  stored: { credential: string; anchorReceipt?: AnchorReceipt },
  choice: DisclosureChoice,
  challenge: string,
  domain: string,
  now = new Date(),
): Promise<string> {
  const kid = `${holder.did}#${holder.did.slice('did:key:'.length)}`;
  return presentSdJwtVc(stored.credential, choice, {
    holder: nodeJoseSigner(ed25519PrivateKey(holder.seed), kid),
    nonce: challenge,
    aud: domain,
    iat: Math.floor(now.getTime() / 1000),
    ...(stored.anchorReceipt ? { anchorReceipts: [stored.anchorReceipt] } : {}),
  });
}
