import { ZeroHash } from 'ethers';
import { readCredentialToken } from '../../core/formats/index.ts';
import { Bitstring } from '../../core/status-list/bitstring.ts';
import { bitstringCommitment, STATUS_PURPOSE, statusListKey } from '../../core/status-list/entry.ts';
import { type CheckFragment, fragment } from '../fragment.ts';
import { keyLookup } from '../key-lookup.ts';
import type { StatusListAnswer } from '../ledger-reader.ts';
import { StatusListUnreachable } from '../status-list-fetch.ts';
import type { Check } from './check.ts';
import type { CredentialSubject } from './subjects.ts';

const LIST_TYPE = 'BitstringStatusListCredential';

/** The credential's revocation entry of a Bitstring Status List, if it has one. */
function revocationEntry(credential: Record<string, unknown>): Record<string, unknown> | undefined {
  const status = credential.credentialStatus;
  const entries = Array.isArray(status) ? status : status === undefined ? [] : [status];
  return entries.find(
    (e): e is Record<string, unknown> =>
      typeof e === 'object' &&
      e !== null &&
      (e as Record<string, unknown>).type === 'BitstringStatusListEntry' &&
      (e as Record<string, unknown>).statusPurpose === STATUS_PURPOSE,
  );
}

function entryProblem(entry: Record<string, unknown>): string | undefined {
  const { statusListIndex: index, statusListCredential: url } = entry;
  if (typeof index !== 'string' || !/^(0|[1-9]\d{0,9})$/.test(index)) return 'statusListIndex is not a whole number';
  if (typeof url !== 'string' || url.length > 2000 || !URL.canParse(url)) return 'statusListCredential is not a URL';
  const { protocol } = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') return 'statusListCredential is not an http(s) URL';
  return undefined;
}

/** The commitments registries hold for a list of an institution they list, each with the registry's name. */
const committedIn = (answers: readonly StatusListAnswer[]) =>
  answers.flatMap((a) =>
    'commitment' in a && a.commitment.institutionId !== 0
      ? [{ registry: a.trusted.name, ...a.commitment, asOf: a.asOf }]
      : [],
  );

/** The list's host, to say where it came from: never the path (it could carry anything). */
const sourceOf = (url: string) => new URL(url).host.slice(0, 200);

/**
 * The credential's W3C Bitstring Status List entry (docs/status-lists.md). The list is fetched from
 * the URL the credential names, only for an issuer a trusted registry lists (as its did:web
 * document is), and must be signed by the credential's issuer. A set bit is a revocation the
 * issuer signed: invalid, whatever the ledger says. A clear bit counts only when the list's bits
 * are the ones the institution last committed on the ledger, so a server cannot hide a revocation
 * by serving an older or altered list; no commitment on the ledger means no revocation was ever
 * published on the list, so every bit must be clear. Not fetched: valid when no registry holds a
 * commitment to the list (never revoked from); skipped when the list is not marked bits-only and the
 * revocation record on the ledger (then complete for the list) answers; else unverifiable, never
 * invalid nor valid. Not signed, or not the committed list: unverifiable, never invalid. With no registry answering, a clear bit cannot be confirmed:
 * skipped, the revocation record check (from the ledger or a trust bundle) answering instead.
 */
export const statusList: Check<CredentialSubject> = {
  name: 'status_list',
  async skip({ credential, evidence }) {
    const entry = revocationEntry(credential.credential);
    if (!entry) return fragment('status_list', 'skipped', 'status_list_absent');
    if (entryProblem(entry)) return undefined;
    const answers = await evidence.issuer;
    if (!answers.some((a) => 'facts' in a && a.facts.issuerInstitutionId !== 0))
      return fragment('status_list', 'skipped', 'revocation_needs_issuer');
    return undefined;
  },
  async verify({ credential, keys, budget, statusLists, ledger }, earlier) {
    const entry = revocationEntry(credential.credential)!;
    const problem = entryProblem(entry);
    if (problem) return fragment('status_list', 'invalid', 'status_entry_malformed', { detail: problem });
    const url = String(entry.statusListCredential);
    const index = Number(entry.statusListIndex);
    const source = sourceOf(url);
    const unverifiable = (detail: string) =>
      fragment('status_list', 'unverifiable', 'status_list_unverifiable', { source, detail });
    if (!statusLists)
      return fragment(
        'status_list',
        'unverifiable',
        'status_list_unreachable',
        { source },
        { detail: 'this verifier fetches no status lists' },
      );

    // What the registries hold for the issuer's list, read once however often the check asks.
    const key = statusListKey(url);
    let answersOnce: Promise<StatusListAnswer[]> | undefined;
    const issuerAnswers = () => {
      answersOnce ??= ledger.statusListOnEach(credential.issuer, key);
      return answersOnce;
    };

    // A list out of reach (docs/status-lists.md): the ledger may still settle it. No commitment on
    // any registry that answers: no revocation was ever published on the list, its bits are all
    // clear. Else, while the institution recorded every bit of the list by hash too (the list is not
    // marked bits-only), the revocation record check answers for it, so that no institution's
    // website has to stay up for its credentials to verify. Else: cannot tell, never valid.
    const unreachable = async (failure: CheckFragment): Promise<CheckFragment> => {
      const listed = committedIn(await issuerAnswers());
      if (listed.length === 0) return failure;
      if (listed.every((c) => c.bitsHash === ZeroHash))
        return fragment(
          'status_list',
          'valid',
          'status_list_never_revoked',
          { source },
          {
            statusListCredential: url,
            statusListIndex: index,
            ledger: listed.map((c) => ({ registry: c.registry, bitsHash: null })),
          },
        );
      if (listed.some((c) => c.bitsOnly)) return failure;
      return (await earlier('not_revoked')).status === 'valid'
        ? fragment('status_list', 'skipped', 'status_list_unreachable_record_answers', { source }, failure.details)
        : failure;
    };
    const fetchList = async (fresh: boolean) => {
      try {
        return await statusLists.fetch(url, budget, fresh);
      } catch (error) {
        if (!(error instanceof StatusListUnreachable)) throw error;
        return fragment(
          'status_list',
          'unverifiable',
          'status_list_unreachable',
          { source },
          { detail: error.message },
        );
      }
    };
    // The institution signs its lists with its current key: after a signing-key rotation, a list
    // of older credentials is signed by another of its DIDs, which a trusted registry must tie to it.
    const sameInstitution = async (signer: string) => {
      const [ours, theirs] = await Promise.all([issuerAnswers(), ledger.statusListOnEach(signer, key)]);
      return ours.some((a, i) => {
        const b = theirs[i];
        return (
          'commitment' in a &&
          a.commitment.institutionId !== 0 &&
          b !== undefined &&
          'commitment' in b &&
          b.commitment.institutionId === a.commitment.institutionId
        );
      });
    };
    const judge = async (token: string): Promise<CheckFragment> => {
      const read = readCredentialToken(token);
      if (!read.ok) return unverifiable(read.detail);
      const list = read.value;
      const subject = list.credential.credentialSubject as Record<string, unknown> | undefined;
      const types = list.credential.type;
      if (!Array.isArray(types) || !types.includes(LIST_TYPE)) return unverifiable(`it is not a ${LIST_TYPE}`);
      if (list.issuer !== credential.issuer && !(await sameInstitution(list.issuer)))
        return unverifiable('another issuer signed it');
      if (subject?.statusPurpose !== entry.statusPurpose) return unverifiable("its purpose is not the entry's");
      let bits: Bitstring;
      try {
        bits = Bitstring.decode(subject?.encodedList as string);
      } catch (error) {
        return unverifiable((error as Error).message);
      }
      if (index >= bits.size)
        return fragment('status_list', 'invalid', 'status_entry_malformed', {
          detail: `statusListIndex ${index} is beyond the list's ${bits.size} entries`,
        });
      const proof = await list.checkProof(keyLookup(keys, budget));
      if (proof.status !== 'valid') return unverifiable(proof.detail ?? proof.reason);

      const details = { statusListCredential: url, statusListIndex: index };
      if (bits.get(index)) return fragment('status_list', 'invalid', 'status_list_revoked', { source }, details);

      const answers = await issuerAnswers();
      // No registry answered (the ledger is out of reach, a trust bundle may be answering the
      // revocation record): this check cannot confirm the list, and leaves the verdict to that one.
      const failed = answers.find((a) => 'error' in a);
      if (failed && 'error' in failed && answers.every((a) => 'error' in a))
        return fragment(
          'status_list',
          'skipped',
          'status_list_needs_ledger',
          { source },
          { detail: failed.error.message },
        );
      const committed = committedIn(answers);
      const hash = bitstringCommitment(bits.bytes);
      const matches = committed.every((c) => (c.bitsHash === ZeroHash ? !bits.any() : c.bitsHash === hash));
      // Commitments from a trust bundle only: the list may have been published again since its
      // date, so bits that differ prove nothing; the revocation record check answers instead.
      if (!matches && committed.length > 0 && committed.every((c) => c.asOf !== undefined))
        return fragment(
          'status_list',
          'skipped',
          'status_list_needs_ledger',
          { source },
          { ...details, bitsHash: hash, detail: 'the list differs from the trust bundle, which may be older than it' },
        );
      if (committed.length === 0 || !matches)
        return fragment(
          'status_list',
          'unverifiable',
          'status_list_mismatch',
          { source },
          { ...details, bitsHash: hash },
        );
      return fragment(
        'status_list',
        'valid',
        'status_list_clear',
        { source },
        {
          ...details,
          ledger: committed.map((c) => ({
            registry: c.registry,
            bitsHash: c.bitsHash === ZeroHash ? null : c.bitsHash,
          })),
        },
      );
    };
    const fetched = await fetchList(false);
    if ('check' in fetched) return unreachable(fetched);
    const outcome = await judge(fetched.token);
    if (outcome.reason !== 'status_list_mismatch' || !fetched.cached) return outcome;
    // The list cached here may predate the latest commitment: fetched afresh, once.
    const fresh = await fetchList(true);
    return 'check' in fresh ? unreachable(fresh) : judge(fresh.token);
  },
};
