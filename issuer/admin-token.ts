import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IssuerDb } from './schema.ts';
import { getSetting, putSetting } from './settings.ts';

const SETTING = 'admin_token_sha256';
const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * The admin API token. Only its SHA-256 is stored. An operator-provided token (env) always wins;
 * otherwise one is generated on first start and returned once so it can be shown to the operator.
 */
export async function ensureAdminToken(db: IssuerDb, fromEnv: string | undefined): Promise<{ verify(token: string): boolean; created?: string }> {
  let created: string | undefined;
  if (fromEnv) {
    if (fromEnv.length < 16) throw new Error('SKILLMARK_ADMIN_TOKEN must be at least 16 characters');
    await putSetting(db, SETTING, digest(fromEnv).toString('hex'));
  } else if (!(await getSetting(db, SETTING))) {
    created = `sm_${randomBytes(24).toString('base64url')}`;
    await putSetting(db, SETTING, digest(created).toString('hex'));
  }
  const expected = Buffer.from((await getSetting(db, SETTING))!, 'hex');
  return { created, verify: (token: string) => timingSafeEqual(digest(token), expected) };
}
