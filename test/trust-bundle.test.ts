import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeployment } from '../contracts/deployment.ts';
import { exportTrustBundle } from '../contracts/trust-bundle-export.ts';
import { didKeyOfEd25519Key, signTrustBundle } from '../core/trust-bundle/signed-bundle.ts';
import { COMPILED } from './support/compiled.ts';
import { freshKeyPair } from './support/keys.ts';
import { freePort } from './support/local-chain.ts';
import {
  claimWhenAnchored,
  issue,
  PROJECT_ROOT,
  postJson,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  startSystem,
  tempDir,
} from './support/system.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A tool of the project (compiled: test/support/build-system.ts) as a child process, to its end. */
function run(program: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [program, ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

/** `npm run verifier` on its own data dir and port; resolves once it answers /health. */
async function startVerifier(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [COMPILED.verifier], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', VERIFIER_PORT: String(port), ...env },
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d));
  child.stderr!.on('data', (d: Buffer) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the verifier exited (${child.exitCode}): ${log}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child, output: () => log };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the verifier did not start: ${log}`);
}

type Fragment = { check: string; status: string; reason: string; message: string; note?: { reason: string } };
const checkOf = (body: { checks: Fragment[] }, name: string) => body.checks.find((c) => c.check === name)!;

/**
 * Offline verification (issue 9, part 4): a bundle exported from a running system answers the
 * ledger checks once the ledger node is stopped; the ledger's answer wins while it is up.
 */
describe('verifying with a signed trust bundle', () => {
  let system: RunningSystem;
  const verifiers: ChildProcess[] = [];
  const dir = tempDir('skillmark-trust-bundle-');
  const keyFile = join(dir, 'bundle-key.pem');
  const bundleFile = join(dir, 'bundle.jws');
  const oldBundleFile = join(dir, 'old-bundle.jws');
  const { privateKey } = freshKeyPair('ed25519');
  const signer = didKeyOfEd25519Key(privateKey);
  let env: Record<string, string>;
  const issued: Record<
    'kept' | 'revokedBefore' | 'revokedAfter',
    { credential: string; anchorReceipt: unknown; id: string }
  > = {} as never;

  const verify = (url: string, c: { credential: string; anchorReceipt: unknown }) =>
    postJson(`${url}/credentials/verify`, {
      verifiableCredential: c.credential,
      options: { anchorReceipt: c.anchorReceipt },
    });

  /** Revokes and waits until the system's own verifier (reading the ledger afresh) sees it. */
  async function revoke(which: keyof typeof issued) {
    expect((await revokeCredential(system, issued[which].id, { reason: 'issuedInError' })).status).toBe(200);
    const deadline = Date.now() + 30_000;
    while ((await verify(system.verifierUrl, issued[which])).body.verdict !== 'invalid' && Date.now() < deadline)
      await sleep(200);
  }

  beforeAll(async () => {
    system = await startSystem();
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const deployment = readDeployment(system.dataDir)!;
    const trustFile = join(dir, 'trust.json');
    const registry = {
      name: 'Local development registry',
      chainId: deployment.chainId,
      registry: deployment.registry.toLowerCase(),
      rpcUrls: [`http://127.0.0.1:${system.ports.ledger}`],
      maxHeadAgeSeconds: 0,
    };
    writeFileSync(trustFile, JSON.stringify({ registries: [registry] }));
    env = {
      SKILLMARK_DATA_DIR: join(dir, 'verifier-data'),
      VERIFIER_TRUST_FILE: trustFile,
      VERIFIER_CACHE_TTL_MS: '0',
      // The institution's site stays up while the ledger is down: its status lists are fetched.
      VERIFIER_STATUS_LIST_LOCAL_ORIGINS: system.issuerUrl,
    };
    for (const which of Object.keys({ kept: 0, revokedBefore: 0, revokedAfter: 0 }) as (keyof typeof issued)[]) {
      const response = await issue(system, qualificationRequest({ learnerReference: `bundle-${which}` }));
      expect(response.status).toBe(201);
      issued[which] = { ...(await claimWhenAnchored(response.body.claim.url)), id: response.body.credentialId };
    }
    await revoke('revokedBefore');

    const exported = await run(COMPILED.trustBundle, ['--out', bundleFile, '--key', keyFile], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`signed by ${signer}`);
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    const old = await exportTrustBundle([registry], { issuedAt: tenDaysAgo, validForSeconds: 30 * 86_400 });
    writeFileSync(oldBundleFile, signTrustBundle(old, privateKey));

    await revoke('revokedAfter');
  }, 180_000);

  afterAll(async () => {
    for (const child of verifiers) child.kill('SIGTERM');
    await system?.destroy();
  });

  const withBundle = async (file: string, extra: Record<string, string> = {}) => {
    const started = await startVerifier({
      ...env,
      VERIFIER_TRUST_BUNDLE: file,
      VERIFIER_TRUST_BUNDLE_SIGNER: signer,
      ...extra,
    });
    verifiers.push(started.child);
    return started;
  };

  it("prints the bundle script's help", async () => {
    const help = await run(COMPILED.trustBundle, ['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('VERIFIER_TRUST_BUNDLE_SIGNER');
  });

  it('answers from the ledger while it is up, and from the bundle once it is down', async () => {
    const verifier = await withBundle(bundleFile);
    expect(verifier.output()).toMatch(/Trust bundle of .* answers the ledger checks/);
    // The ledger wins: a revocation made after the export is seen.
    const live = (await verify(verifier.url, issued.revokedAfter)).body;
    expect(live.verdict).toBe('invalid');
    // Still, the bundle's age shows, so that it is seen getting old before an outage.
    expect(checkOf(live, 'not_revoked').reason).toBe('revoked');
    expect(checkOf(live, 'not_revoked').note?.reason).toBe('trust_bundle_standby');
    expect(checkOf(live, 'anchored').note).toBeUndefined();

    process.kill(system.ledgerPid(), 'SIGKILL');

    const kept = (await verify(verifier.url, issued.kept)).body;
    expect(kept.verdict).toBe('valid');
    for (const name of ['issuer_accredited', 'anchored', 'not_revoked', 'signing_key']) {
      expect(checkOf(kept, name).note?.reason).toBe('trust_bundle_used');
      expect(checkOf(kept, name).message).toMatch(/checked against the trust bundle of \d{4}-\d\d-\d\dT.* hours old/i);
    }
    const before = (await verify(verifier.url, issued.revokedBefore)).body;
    expect(before.verdict).toBe('invalid');
    expect(checkOf(before, 'not_revoked').reason).toBe('revoked');
    // Revoked after the bundle: the bundle cannot know, and says so; the institution's signed
    // status list, still reachable, shows the revocation.
    const after = (await verify(verifier.url, issued.revokedAfter)).body;
    expect(checkOf(after, 'not_revoked').status).toBe('valid');
    expect(checkOf(after, 'not_revoked').message).toContain('cannot be known here');
    expect(checkOf(after, 'status_list').reason).toBe('status_list_revoked');
    expect(after.verdict).toBe('invalid');
    expect(checkOf(kept, 'status_list').reason).toBe('status_list_needs_ledger');
    const french = await fetch(`${verifier.url}/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
      body: JSON.stringify({
        verifiableCredential: issued.kept.credential,
        options: { anchorReceipt: issued.kept.anchorReceipt },
      }),
    });
    expect(checkOf(await french.json(), 'anchored').message).toContain('paquet de confiance du');
  });

  it("answers fully offline, with neither the ledger nor the institution's site: the bundle holds the status lists' commitments", async () => {
    // No origin to fetch the institution's status lists from: as if its site were out of reach.
    const verifier = await withBundle(bundleFile, { VERIFIER_STATUS_LIST_LOCAL_ORIGINS: '' });
    try {
      process.kill(system.ledgerPid(), 'SIGKILL');
    } catch {
      // already stopped by the test before
    }
    const kept = (await verify(verifier.url, issued.kept)).body;
    expect(kept.verdict).toBe('valid');
    // The list was revoked from before the bundle, by hash too: the revocation record answers for it.
    expect(checkOf(kept, 'status_list')).toMatchObject({
      status: 'skipped',
      reason: 'status_list_unreachable_record_answers',
    });
    expect(checkOf(kept, 'not_revoked').note?.reason).toBe('trust_bundle_used');
    expect((await verify(verifier.url, issued.revokedBefore)).body.verdict).toBe('invalid');
  });

  it('makes the ledger checks unverifiable, never valid, with a bundle past the maximum age', async () => {
    const verifier = await withBundle(oldBundleFile, { VERIFIER_TRUST_BUNDLE_MAX_AGE_HOURS: '48' });
    expect(verifier.output()).toContain('is past its use since');
    const body = (await verify(verifier.url, issued.kept)).body;
    expect(body.verdict).toBe('unverifiable');
    expect(checkOf(body, 'anchored').status).toBe('unverifiable');
    expect(checkOf(body, 'anchored').note?.reason).toBe('trust_bundle_too_old');
  });

  it('warns on every answer from a bundle older than the warning age', async () => {
    const verifier = await withBundle(oldBundleFile, {
      VERIFIER_TRUST_BUNDLE_MAX_AGE_HOURS: '720',
      VERIFIER_TRUST_BUNDLE_WARN_AGE_HOURS: '24',
    });
    const body = (await verify(verifier.url, issued.kept)).body;
    expect(body.verdict).toBe('valid');
    expect(checkOf(body, 'issuer_accredited').note?.reason).toBe('trust_bundle_aging');
  });

  it('refuses to start with a tampered or an unsigned bundle, saying why', async () => {
    const [header, payload, signature] = readFileSync(bundleFile, 'utf8').split('.');
    const content = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    content.registries[0].institutions[0].revocations = { hashes: '', revokedAt: [], reason: [] };
    const tampered = join(dir, 'tampered.jws');
    writeFileSync(tampered, `${header}.${Buffer.from(JSON.stringify(content)).toString('base64url')}.${signature}`);
    const unsigned = join(dir, 'unsigned.json');
    writeFileSync(unsigned, JSON.stringify(content));
    for (const [file, why] of [
      [tampered, 'the signature does not match: the bundle was changed after it was signed'],
      [unsigned, 'it is not signed'],
    ] as const) {
      const started = await run(COMPILED.verifier, [], {
        ...env,
        VERIFIER_PORT: String(await freePort()),
        VERIFIER_TRUST_BUNDLE: file,
        VERIFIER_TRUST_BUNDLE_SIGNER: signer,
      });
      expect(started.code).toBe(1);
      expect(started.stderr).toContain(
        `The verifier could not start: VERIFIER_TRUST_BUNDLE refused: trust bundle: ${why}`,
      );
    }
  });
});
