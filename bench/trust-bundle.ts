import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ZeroHash } from 'ethers';
import { didKeyOfEd25519Key, readTrustBundleFile, signTrustBundle } from '../core/trust-bundle/signed-bundle.ts';
import { freshKeyPair } from '../test/support/keys.ts';
import { hashOf, institutionDid, type SyntheticSize, syntheticTrustBundle } from '../test/support/trust-bundle.ts';
import { TrustBundleIndex } from '../verifier/index.ts';
import { report } from './report.ts';

const SIZES: SyntheticSize[] = [
  // The scale, in batches of the default ANCHOR_BATCH_SIZE.
  { institutions: 100, credentials: 1_000_000, batchSize: 500, revocations: 10_000 },
  // Small batches (an institution anchoring every few credentials): many more roots.
  { institutions: 100, credentials: 1_000_000, batchSize: 10, revocations: 10_000 },
];

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Size of a signed trust bundle and the verifier's time to load it (read, check signature and every field, index). */
export async function trustBundleBench(): Promise<void> {
  const { privateKey } = freshKeyPair('ed25519');
  const signer = didKeyOfEd25519Key(privateKey);
  const rows = [];
  for (const size of SIZES) {
    const payload = syntheticTrustBundle(size, Math.floor(Date.now() / 1000));
    const signStart = performance.now();
    const bundle = signTrustBundle(payload, privateKey);
    const signMs = performance.now() - signStart;
    const file = join(tmpdir(), `skillmark-bench-trust-bundle-${process.pid}.jws`);
    writeFileSync(file, bundle);
    const loads: number[] = [];
    let index: TrustBundleIndex | undefined;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      index = new TrustBundleIndex(readTrustBundleFile(file, signer));
      loads.push(performance.now() - start);
    }
    rmSync(file);
    const registry = { ...payload.registries[0]!, rpcUrls: [] };
    const lookups = 100_000;
    const lookupStart = performance.now();
    for (let i = 0; i < lookups; i++)
      index!.answer(
        registry,
        hashOf(`root ${i % 1000}`),
        institutionDid((i % size.institutions) + 1),
        hashOf(`credential ${i}`),
      );
    const lookupUs = ((performance.now() - lookupStart) * 1000) / lookups;
    index!.answer(registry, ZeroHash, institutionDid(1), hashOf('credential 0'));
    rows.push({
      institutions: size.institutions,
      credentials: size.credentials,
      'batch size': size.batchSize,
      roots: Math.ceil(size.credentials / size.batchSize),
      revocations: size.revocations,
      'bundle bytes': bundle.length,
      'gzip bytes': gzipSync(bundle).length,
      'sign ms': signMs.toFixed(0),
      'load ms (median of 5)': median(loads).toFixed(0),
      'lookup µs': lookupUs.toFixed(1),
    });
  }
  report('trust-bundle', 'Trust bundle: size and load time (read, signature, every field checked, indexed)', rows, [
    'Built synthetically: the local chain cannot take a million credentials (2,000 anchors, 10,000 revocations, 100 accreditations) within the bench time; the payload has the shape the export writes.',
    "Load: what the verifier does at start (readTrustBundleFile + TrustBundleIndex); lookup: one credential's ledger facts from the index.",
  ]);
}
