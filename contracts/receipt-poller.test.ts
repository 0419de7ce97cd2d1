import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestChain, type TestChain } from '../test/support/local-chain.ts';
import { connectLedger } from './provider.ts';

let chain: TestChain;
beforeAll(async () => {
  chain = await startTestChain();
});
afterAll(() => chain?.stop());

it('tx.wait() sees a transaction mined after its first look without waiting for another block', async () => {
  const provider = chain.provider;
  const signer = await provider.getSigner(0);
  // Hold the transaction unmined, so that wait()'s first look finds nothing, as when a loaded node answers late.
  await provider.send('evm_setAutomine', [false]);
  try {
    const tx = await signer.sendTransaction({ to: await signer.getAddress(), value: 1n });
    const waited = tx.wait();
    await new Promise((wait) => setTimeout(wait, 300));
    await provider.send('evm_mine', []);
    const minedAt = Date.now();
    // ethers' block poller looks every 4 s; the receipt is asked for every 250 ms.
    const receipt = await waited;
    expect(receipt?.status).toBe(1);
    expect(Date.now() - minedAt).toBeLessThan(2_000);
  } finally {
    await provider.send('evm_setAutomine', [true]);
  }
});

it('with several endpoints too: a wait through the fallback provider asks for the receipt on a timer', async () => {
  const ledger = connectLedger([chain.rpcUrl, chain.rpcUrl], 31337);
  const signer = await chain.provider.getSigner(0);
  await chain.provider.send('evm_setAutomine', [false]);
  try {
    const { hash } = await signer.sendTransaction({ to: await signer.getAddress(), value: 1n });
    const waited = (await ledger.getTransaction(hash))!.wait();
    await new Promise((wait) => setTimeout(wait, 300));
    await chain.provider.send('evm_mine', []);
    const minedAt = Date.now();
    expect((await waited)?.status).toBe(1);
    expect(Date.now() - minedAt).toBeLessThan(2_000);
  } finally {
    await chain.provider.send('evm_setAutomine', [true]);
    ledger.destroy();
  }
});
