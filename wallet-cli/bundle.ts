import { credentialHash } from '../core/credential-hash.ts';
import { message, type ReasonCode } from '../core/messages/index.ts';
import { type AnchorReceipt, receiptFor } from '../core/receipt.ts';
import { checkSignature, DidKeyResolver, ISSUER_SIGNATURE, readCredential } from '../verifier/index.ts';
import { contentProblems } from './credential-content.ts';
import { WalletError } from './store.ts';
import { spokenLanguage, t } from './words.ts';

export interface CheckedBundle {
  credential: string;
  credentialHash: string;
  anchorReceipt: AnchorReceipt;
  subject?: string;
}

/**
 * The checks a wallet can make offline before it accepts a credential: it is a signed VC-JWT
 * whose signature holds, its content matches its schema, it is about this wallet's DID, and its
 * receipt proves its batch (whether that batch is on the ledger, only a verifier can tell).
 */
export async function checkBundle(input: unknown, walletDid: string): Promise<CheckedBundle> {
  const bundle = input as { type?: unknown; credential?: unknown; anchorReceipt?: unknown };
  if (
    typeof bundle !== 'object' ||
    bundle === null ||
    bundle.type !== 'SkillmarkCredentialBundle' ||
    typeof bundle.credential !== 'string'
  ) {
    throw new WalletError(t('bundle_not_skillmark'));
  }
  const read = readCredential(bundle.credential);
  // The verifier's own sentence for what it found, by its reason code, in the wallet's language.
  const said = (f: { reason: ReasonCode; params?: Record<string, string | number> }) =>
    message(f.reason, f.params, spokenLanguage());
  if (!read.ok) throw new WalletError(t('bundle_unreadable', { detail: said(read.fragment) }));
  const problems = contentProblems(read.value.credential);
  if (problems.length) throw new WalletError(t('bundle_schema', { detail: problems.join('; ') }));
  const signature = await checkSignature(ISSUER_SIGNATURE, read.value, read.value.issuer, new DidKeyResolver());
  if (signature.status !== 'valid') throw new WalletError(t('bundle_signature', { detail: said(signature) }));
  const subjects = read.value.subjectIds;
  const subject = subjects[0];
  if (!subjects.includes(walletDid)) {
    throw new WalletError(
      subject !== undefined
        ? t('bundle_other_subject', { subject, did: walletDid })
        : t('bundle_no_subject', { did: walletDid }),
    );
  }
  const hash = credentialHash(bundle.credential);
  const receipt = receiptFor(bundle.anchorReceipt, hash);
  if (!receipt.ok) {
    throw new WalletError(
      receipt.problem === 'malformed' ? t('bundle_bad_receipt', { detail: receipt.detail }) : t('bundle_receipt_other'),
    );
  }
  return { credential: bundle.credential, credentialHash: hash, anchorReceipt: receipt.receipt, subject };
}
