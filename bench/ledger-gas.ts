import { randomBytes } from 'node:crypto';
import { batchTree } from '../issuer/index.ts';
import { startTestChain } from '../test/support/local-chain.ts';
import { gasOfRegistryCalls } from './bench-registry.ts';
import { report } from './report.ts';

const hash = () => `0x${randomBytes(32).toString('hex')}`;

/**
 * Gas per credential: one anchor transaction per Merkle batch, beside a baseline that anchors
 * every credential in a transaction of its own; revocation singly and in batches.
 */
export async function ledgerGasBench(): Promise<void> {
  const chain = await startTestChain();
  try {
    const gasOf = await gasOfRegistryCalls(chain, 'did:key:z6MkBench');

    const baselineSamples = 100;
    let baselineGas = 0;
    for (let i = 0; i < baselineSamples; i++) baselineGas += await gasOf('anchor', hash(), 1);
    const baselinePerCredential = baselineGas / baselineSamples;

    const rows = [];
    for (const size of [1, 100, 10_000, 100_000]) {
      const root = `0x${batchTree(Array.from({ length: size }, hash)).root.toString('hex')}`;
      const gas = await gasOf('anchor', root, size);
      rows.push({
        'batch size': size,
        'anchor tx gas': gas,
        'gas per credential': (gas / size).toFixed(2),
        'baseline gas per credential': baselinePerCredential.toFixed(0),
        'baseline / batched': `${(baselinePerCredential / (gas / size)).toFixed(1)}x`,
      });
    }
    report('ledger-gas', 'Anchoring gas per credential: Merkle batch vs one transaction per credential', rows, [
      `Baseline: the mean of ${baselineSamples} single-credential anchor transactions measured in this run (a batch of 1 each).`,
    ]);

    const single = [];
    for (let i = 0; i < 20; i++) single.push(await gasOf('revoke', hash(), 1));
    const singleMean = single.reduce((a, b) => a + b, 0) / single.length;
    const revokeRows = [
      {
        revocation: 'revoke (one per tx)',
        credentials: 1,
        'gas per credential': singleMean.toFixed(0),
        'vs single': '1.0x',
      },
    ];
    for (const size of [10, 100, 500]) {
      const gas = await gasOf('revokeMany', Array.from({ length: size }, hash), 1);
      revokeRows.push({
        revocation: 'revokeMany',
        credentials: size,
        'gas per credential': (gas / size).toFixed(0),
        'vs single': `${(singleMean / (gas / size)).toFixed(2)}x`,
      });
    }
    report('revocation-gas', 'Revocation gas per credential: single vs batched', revokeRows, [
      'Each revocation writes one storage slot (~22k gas); batching saves the per-transaction overhead only.',
    ]);
  } finally {
    await chain.stop();
  }
}
