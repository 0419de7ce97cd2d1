import { failpoint } from '../core/failpoint.ts';
import { HttpProblem } from '../core/http-problem.ts';
import type { SecretBox } from '../core/secret-box.ts';
import type { IssuerDb } from './db-schema.ts';
import { type IssuerAgent, LEDGER_KEY_SETTING, ledgerWallet, NEXT_LEDGER_KEY_SETTING } from './identity.ts';
import type { LedgerWriter } from './ledger-writer.ts';
import { getSetting, putSetting } from './settings.ts';

/**
 * Replaces the institution's ledger key without losing its past anchors (they belong to the
 * institution, not to the key). Each step is recorded or checked on the ledger, so a rotation cut
 * short by a crash is completed by asking for it again:
 * 1. a next key is created and recorded (or the recorded one is reused);
 * 2. the current key registers it on the registry (addSigner), unless it already is;
 * 3. the current key's balance, less a reserve for fees, moves to the next key;
 * 4. the next key becomes the current one, for this process and in the database, and the old one
 *    is recorded as retiring (one database transaction);
 * 5. the new key retires the old one on the registry (removeSigner).
 * Asked again after step 4 (the ledger failed at step 5), it only completes step 5.
 */
export async function rotateLedgerKey(
  agent: IssuerAgent,
  db: IssuerDb,
  box: SecretBox,
  writer: LedgerWriter,
): Promise<{ previous: string; current: string }> {
  const unfinished = await retireRecordedKey(db, writer);
  if (unfinished) return { previous: unfinished, current: writer.address };
  const registry = writer.registry;
  const previous = writer.address;
  const institutionId = await registry.institutionOfSigner(previous);
  if (institutionId === 0)
    throw new HttpProblem(
      409,
      'Not a registered key',
      `The current ledger key ${previous} is not registered for any institution; ask the accreditation authority.`,
    );
  const next = (await ledgerWallet(agent, db, box, NEXT_LEDGER_KEY_SETTING)).connect(writer.provider);
  if ((await registry.institutionOfSigner(next.address)) === 0)
    await writer.send('addSigner', [institutionId, next.address]);

  const balance = await writer.provider.getBalance(previous);
  const fees = await writer.provider.getFeeData();
  const reserve = 100_000n * (fees.maxFeePerGas ?? fees.gasPrice ?? 0n);
  if (balance > reserve) await writer.transfer(next.address, balance - reserve);

  await writer.useWallet(next);
  await db.transaction().execute(async (trx) => {
    await putSetting(trx, LEDGER_KEY_SETTING, (await getSetting(trx, NEXT_LEDGER_KEY_SETTING))!);
    await trx.deleteFrom('settings').where('name', '=', NEXT_LEDGER_KEY_SETTING).execute();
    await putSetting(trx, RETIRING_LEDGER_KEY_SETTING, previous);
  });
  failpoint('rotate:before-retire');
  await retireRecordedKey(db, writer);
  return { previous, current: next.address };
}

const RETIRING_LEDGER_KEY_SETTING = 'ledger_key_retiring_address';

/** Step 5 for the key recorded as retiring, if any; returns its address. */
async function retireRecordedKey(db: IssuerDb, writer: LedgerWriter): Promise<string | undefined> {
  const retiring = await getSetting(db, RETIRING_LEDGER_KEY_SETTING);
  if (!retiring) return undefined;
  if ((await writer.registry.institutionOfSigner(retiring)) !== 0) await writer.send('removeSigner', [retiring]);
  await db.deleteFrom('settings').where('name', '=', RETIRING_LEDGER_KEY_SETTING).execute();
  return retiring;
}
