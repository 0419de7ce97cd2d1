import { printable } from '../core/printable.ts';
import { postJson } from './service-client.ts';
import { undisclosed } from './sign-selective-presentation.ts';
import { type StoredCredential, type Wallet, WalletError } from './store.ts';
import { anchoredOnLedgerAt, lastCheckOf } from './verification-report.ts';
import { t } from './words.ts';

/**
 * Sends one credential and its anchor receipt to the verifier and remembers the answer in the
 * wallet (its verdict, revocation, the registry's name of the institution, and that the ledger
 * holds its root), so that `list` can say where each credential stands without a network.
 */
export async function checkWithVerifier(
  wallet: Wallet,
  stored: StoredCredential,
  verifier: string,
): Promise<{ status: number; body: unknown }> {
  const { status, body } = await postJson(`${verifier}/credentials/verify`, {
    // Where a credential stands needs none of its disclosures: the verifier gets none of them.
    verifiableCredential: undisclosed(stored.credential),
    options: stored.anchorReceipt ? { anchorReceipt: stored.anchorReceipt } : {},
  });
  const now = new Date();
  const by = new URL(verifier).origin;
  const last = lastCheckOf(body, by, now);
  const anchoredAt = anchoredOnLedgerAt(body);
  try {
    if (last)
      wallet.recordCheck(
        stored.credentialHash,
        last,
        anchoredAt ? { anchoredAt, checkedAt: now.toISOString(), by } : undefined,
      );
  } catch (error) {
    // The verdict stands; only remembering it failed.
    if (!(error instanceof WalletError)) throw error;
    process.stderr.write(`${printable(t('check_not_remembered', { detail: error.message }))}\n`);
  }
  return { status, body };
}
