import { randomBytes, sign, verify } from 'node:crypto';
import { createAgent, type ICredentialPlugin, type IResolver } from '@veramo/core';
import { CredentialProviderJWT } from '@veramo/credential-jwt';
import { CredentialPlugin } from '@veramo/credential-w3c';
import { DIDResolverPlugin } from '@veramo/did-resolver';
import { Resolver } from 'did-resolver';
import { getResolver as keyDidResolver } from 'key-did-resolver';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKey, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { claimWhenAnchored, issue, postJson, qualificationRequest, startSystem } from '../test/support/system.ts';
import { signPresentation } from '../wallet-cli/presentation.ts';
import { rate, report } from './report.ts';

const CONCURRENCY = 16;
const REQUESTS = 4000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * POST /presentations/verify over HTTP on loopback (a presentation carrying one anchored
 * credential, fresh challenge each, warm caches), beside Veramo's verifyCredential in-process and
 * raw node:crypto Ed25519 verification, all measured in this run.
 */
export async function verifyBench(): Promise<void> {
  const system = await startSystem({ env: { VERIFIER_RATE_LIMIT: '0', VERIFIER_CACHE_TTL_MS: '300000' } });
  try {
    const seed = randomBytes(32);
    const holder = { did: didKeyOfEd25519(ed25519PublicKeyOfSeed(seed)), seed };
    const issued = await issue(system, qualificationRequest({ id: holder.did }));
    const bundle = await claimWhenAnchored(issued.body.claim.url);
    const domain = new URL(system.verifierUrl).host;

    const makeRequests = async (count: number) => {
      const requests: string[] = [];
      for (let i = 0; i < count; i++) {
        const { body } = await postJson(`${system.verifierUrl}/challenges`, {});
        const jwt = await signPresentation(holder, [bundle], body.challenge, domain);
        requests.push(JSON.stringify({ verifiablePresentation: jwt, options: { challenge: body.challenge, domain } }));
      }
      return requests;
    };
    const run = async (requests: string[]) => {
      const latencies: number[] = [];
      let next = 0;
      let failures = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < requests.length) {
            const body = requests[next++]!;
            const t = performance.now();
            const response = await fetch(`${system.verifierUrl}/presentations/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
            const result = (await response.json()) as { verdict: string };
            latencies.push(performance.now() - t);
            if (result.verdict !== 'valid') failures++;
          }
        }),
      );
      return { seconds: (performance.now() - start) / 1000, latencies: latencies.sort((a, b) => a - b), failures };
    };

    await run(await makeRequests(300)); // warm-up: JIT, DID and ledger caches, connections
    const measured = await run(await makeRequests(REQUESTS));
    if (measured.failures > 0) throw new Error(`${measured.failures} presentations did not verify as valid`);
    const httpRate = REQUESTS / measured.seconds;

    const veramo = createAgent<ICredentialPlugin & IResolver>({
      plugins: [new DIDResolverPlugin({ resolver: new Resolver(keyDidResolver()) }), new CredentialPlugin([new CredentialProviderJWT()])],
    });
    const veramoRate = await rate(async () => {
      const result = await veramo.verifyCredential({ credential: bundle.credential });
      if (!result.verified) throw new Error('Veramo did not verify the credential');
    }, 2000);

    const key = ed25519PrivateKey(seed);
    const publicKey = ed25519PublicKey(ed25519PublicKeyOfSeed(seed));
    const message = Buffer.from(bundle.credential);
    const signature = sign(null, message, key);
    const rawRate = await rate(() => verify(null, message, publicKey, signature), 1000);

    report(
      'verify',
      'Verification speed: HTTP presentations (1 anchored credential each) vs Veramo in-process vs raw Ed25519',
      [
        { measure: 'POST /presentations/verify over HTTP', 'per second': httpRate.toFixed(0), 'p50 ms': percentile(measured.latencies, 50).toFixed(2), 'p99 ms': percentile(measured.latencies, 99).toFixed(2) },
        { measure: 'Veramo verifyCredential, in-process', 'per second': veramoRate.toFixed(0), 'p50 ms': '-', 'p99 ms': '-' },
        { measure: 'node:crypto Ed25519 verify, raw', 'per second': rawRate.toFixed(0), 'p50 ms': '-', 'p99 ms': '-' },
      ],
      [
        `HTTP presentations / Veramo bare credentials: ${(httpRate / veramoRate).toFixed(2)}x (target: at least 3x)`,
        `HTTP presentations / raw Ed25519 verifications: ${(httpRate / rawRate).toFixed(3)}x (a presentation needs two signature checks)`,
        `${REQUESTS} requests, ${CONCURRENCY} concurrent, keep-alive, on 127.0.0.1; each with a fresh single-use challenge; ledger answers cached (TTL 300 s).`,
        'The load generator shares this machine with the verifier (2 cores): the HTTP figure is a lower bound.',
      ],
    );
  } finally {
    await system.destroy();
  }
}
