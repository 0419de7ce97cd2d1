import { existsSync, readFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { printedClaimCode } from '../../core/claim-code-text.ts';
import { checkBundle } from '../bundle.ts';
import { type Command, DEFAULT_ISSUER_URL, EXIT } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { pollDelaySeconds } from '../retry-after.ts';
import { fetchJson, httpLimits } from '../service-client.ts';
import { Wallet, WalletError } from '../store.ts';
import { plural, t } from '../words.ts';

/** A claim code as a person types it from paper: any case, its groups apart by dashes, spaces or nothing. */
const CLAIM_CODE = /^[0-9A-Za-z]{4}([-\s]*[0-9A-Za-z]{4}){4}$/;

/** Where to collect from: a claim URL, a claim code (at --issuer), or a bundle file. */
function sourceOf(ref: string, issuer: string): { kind: 'url'; url: string } | { kind: 'file'; path: string } {
  if (/^https?:\/\//i.test(ref)) return { kind: 'url', url: ref };
  if (existsSync(ref)) return { kind: 'file', path: ref };
  if (CLAIM_CODE.test(ref.trim()))
    return { kind: 'url', url: `${issuer.replace(/\/+$/, '')}/claims/${printedClaimCode(ref)}` };
  throw new WalletError(t('receive_not_a_source', { ref }), EXIT.usage);
}

/**
 * The issuer's refusal in the learner's words: its own `detail` is English, so the refusals a claim
 * code meets (issuer/app.ts) are said from the wallet's catalogue; any other keeps the server's detail.
 */
function refusal(status: number, body: unknown, retryAfter: string | null): WalletError {
  const { type, detail } = (typeof body === 'object' && body !== null ? body : {}) as {
    type?: unknown;
    detail?: unknown;
  };
  if (status === 404) return new WalletError(t('receive_code_unknown'));
  if (status === 410 && type === 'urn:skillmark:problem:claim-code-expired')
    return new WalletError(t('receive_code_expired'));
  if (status === 410 && type === 'urn:skillmark:problem:credential-revoked')
    return new WalletError(t('receive_revoked'));
  if (status === 429) {
    const seconds = /^\d{1,5}$/.test(retryAfter?.trim() ?? '') ? Number(retryAfter) : 60;
    return new WalletError(t('receive_too_many_tries', { duration: plural('duration_seconds', seconds) }));
  }
  return new WalletError(t('receive_refused', { detail: typeof detail === 'string' ? detail : `HTTP ${status}` }));
}

/** Asks the claim URL until the credential is ready: at most once a second, for `waitSeconds` in all. */
async function collect(url: string, waitSeconds: number, progress: (text: string) => void): Promise<unknown> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (let attempt = 1; ; attempt++) {
    const { status, body, headers } = await fetchJson(url);
    if (status === 200) return body;
    if (status !== 202) throw refusal(status, body, headers.get('retry-after'));
    const delay = pollDelaySeconds(headers.get('retry-after')) * 1000;
    if (Date.now() + delay > deadline) {
      throw new WalletError(t('receive_not_ready'), EXIT.pending);
    }
    if (attempt === 1) progress(t('receive_waiting'));
    await sleep(delay);
  }
}

export const receiveCommand: Command = {
  usage: 'usage_receive',
  details: 'details_receive',
  options: {
    issuer: { type: 'string', description: 'opt_issuer' },
    wait: { type: 'string', description: 'opt_wait' },
  },
  async run({ positionals, values }, { out, walletDir, env }) {
    // A code copied from paper without quotes arrives as several words: "wsnp r4pk 967a 2e4a sfyj".
    const ref = positionals.join(' ');
    if (!ref) throw new WalletError(t('receive_say_what'), EXIT.usage);
    const wait = Number(values.wait ?? 30);
    if (!Number.isFinite(wait) || wait < 0 || wait > 3600) throw new WalletError(t('receive_wait_range'), EXIT.usage);
    // Opened first: the DID the credential must name is the one the sealed key vouches for.
    const wallet = await Wallet.open(walletDir, await readPassphrase());
    const source = sourceOf(
      ref,
      (values.issuer as string | undefined) ?? env.SKILLMARK_ISSUER_URL ?? DEFAULT_ISSUER_URL,
    );
    let input: unknown;
    if (source.kind === 'file') {
      // The same cap as for a server's answer: a device or a huge file is not a credential.
      const { maxResponseBytes } = httpLimits();
      const file = statSync(source.path);
      if (!file.isFile() || file.size > maxResponseBytes)
        throw new WalletError(
          t('receive_not_a_file', { file: source.path, size: plural('size_bytes', maxResponseBytes) }),
        );
      try {
        input = JSON.parse(readFileSync(source.path, 'utf8'));
      } catch {
        throw new WalletError(t('receive_not_json', { file: source.path }));
      }
    } else {
      input = await collect(source.url, wait, (t) => out.line(t));
    }
    const checked = await checkBundle(input, wallet.did);
    const { entry, added } = wallet.add({
      credentialHash: checked.credentialHash,
      credential: checked.credential,
      anchorReceipt: checked.anchorReceipt,
      receivedAt: new Date().toISOString(),
      source: source.kind === 'url' ? new URL(source.url).origin : 'file',
      ...(source.kind === 'url' ? { claimUrl: source.url } : {}),
    });
    const described = describeEntry(entry);
    out.result({ id: entry.stored.id, added, credential: described });
    out.line(
      added ? out.ok(t('receive_stored', { id: entry.stored.id })) : t('receive_already', { id: entry.stored.id }),
    );
    out.line(`  ${'title' in described ? described.title : described.damaged}`);
    return EXIT.ok;
  },
};
