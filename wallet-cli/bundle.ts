import { credentialHash } from '../core/credential-hash.ts';
import { type AnchorReceipt, receiptFor } from '../core/receipt.ts';
import { checkSignature, DidKeyResolver, ISSUER_SIGNATURE, readCredential } from '../verifier/index.ts';
import { contentProblems } from './credential-content.ts';
import { WalletError } from './store.ts';

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
    throw new WalletError('This is not a Skillmark credential (expected a SkillmarkCredentialBundle).');
  }
  const read = readCredential(bundle.credential);
  if (!read.ok) throw new WalletError(`The credential cannot be read: ${read.fragment.message}`);
  const problems = contentProblems(read.value.credential);
  if (problems.length)
    throw new WalletError(
      `The credential does not match the Skillmark qualification schema, so it was not stored: ${problems.join('; ')}`,
    );
  const signature = await checkSignature(ISSUER_SIGNATURE, read.value, read.value.issuer, new DidKeyResolver());
  if (signature.status !== 'valid')
    throw new WalletError(`The credential's signature does not hold: ${signature.message}`);
  const subjects = read.value.subjectIds;
  const subject = subjects[0];
  if (!subjects.includes(walletDid)) {
    throw new WalletError(
      subject !== undefined
        ? `This credential was issued to ${subject}, not to this wallet (${walletDid}). Ask the institution to issue it to your DID.`
        : `This credential names no learner DID, so it cannot be presented from a wallet. Give the institution your DID: ${walletDid}`,
    );
  }
  const hash = credentialHash(bundle.credential);
  const receipt = receiptFor(bundle.anchorReceipt, hash);
  if (!receipt.ok) {
    throw new WalletError(
      receipt.problem === 'malformed'
        ? `The anchor receipt is not valid: ${receipt.detail}`
        : 'The anchor receipt does not belong to this credential.',
    );
  }
  return { credential: bundle.credential, credentialHash: hash, anchorReceipt: receipt.receipt, subject };
}
