import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../core/secret-box.ts';
import type { IssuerDb } from './db-schema.ts';
import { getSetting, putSetting } from './settings.ts';

const SETTING = 'admin_token_hmac';
/** Older data dirs stored the token's bare SHA-256; it is turned into the keyed form on start. */
const LEGACY_SETTING = 'admin_token_sha256';
const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * The admin API token. Only a keyed hash is stored: HMAC (under a key derived from the master key,
 * which is not in the database) of the token's SHA-256, so a copy of the database alone does not
 * let anyone test guesses. An operator-provided token (env) always wins; otherwise one is generated
 * on first start and returned once so it can be shown to the operator.
 */
export async function ensureAdminToken(
  db: IssuerDb,
  box: SecretBox,
  fromEnv: string | undefined,
): Promise<{ verify(token: string): boolean; created?: string }> {
  const keyed = (digest: Buffer) => box.mac(digest, 'admin token').toString('hex');
  let created: string | undefined;
  if (fromEnv) {
    if (fromEnv.length < 16) throw new Error('SKILLMARK_ADMIN_TOKEN must be at least 16 characters');
    await putSetting(db, SETTING, keyed(sha256(fromEnv)));
  } else if (!(await getSetting(db, SETTING))) {
    const legacy = await getSetting(db, LEGACY_SETTING);
    if (legacy) {
      await putSetting(db, SETTING, keyed(Buffer.from(legacy, 'hex')));
    } else {
      created = `sm_${randomBytes(24).toString('base64url')}`;
      await putSetting(db, SETTING, keyed(sha256(created)));
    }
  }
  await db.deleteFrom('settings').where('name', '=', LEGACY_SETTING).execute();
  const expected = Buffer.from((await getSetting(db, SETTING))!, 'hex');
  return { created, verify: (token: string) => timingSafeEqual(Buffer.from(keyed(sha256(token)), 'hex'), expected) };
}
