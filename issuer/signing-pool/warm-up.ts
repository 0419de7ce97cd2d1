import { generateKeyPairSync } from 'node:crypto';
import { didKeyOfJwk } from '../../core/did-key-encoding.ts';
import { EXAMPLE_CELLS } from '../cohorts/columns.ts';
import { issueRequestOfRow } from '../cohorts/validate-row.ts';
import { type SigningSettings, signRows } from './sign-row.ts';

/** Throwaway signatures a warmed thread makes before its first chunk. */
const WARM_UP_ROWS = 50;

/**
 * Signs the template's example row a few times with a key made here and dropped: the code a row
 * goes through is compiled before the first real chunk arrives, which otherwise runs at
 * interpreter speed while the main thread waits for it. Nothing signed here leaves the thread.
 * Answers how many it signed.
 */
export async function warmUp(settings: SigningSettings): Promise<number> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const did = didKeyOfJwk(publicKey.export({ format: 'jwk' }));
  const rows = Array.from({ length: WARM_UP_ROWS }, () => ({ request: issueRequestOfRow(EXAMPLE_CELLS) }));
  try {
    const signed = await signRows(
      rows,
      { did, kid: `${did}#${did.slice('did:key:'.length)}`, privateKey },
      new Date(),
      settings,
    );
    return signed.filter((row) => 'signed' in row).length;
  } catch {
    // A warm-up that fails changes nothing: the first chunk is then signed as it would have been.
    return 0;
  }
}
