import { deployRegistry, Registry } from '../contracts/registry.ts';
import type { startTestChain } from '../test/support/local-chain.ts';

/**
 * A fresh registry on a test chain with one accredited institution (the chain's second account):
 * a function that calls it as that institution and gives the gas each call used, which the
 * ledger benchmarks compare.
 */
export async function gasOfRegistryCalls(chain: Awaited<ReturnType<typeof startTestChain>>, did: string) {
  const authority = await chain.provider.getSigner(0);
  const signer = await chain.provider.getSigner(1);
  const { address } = await deployRegistry(authority, await authority.getAddress());
  await (
    await new Registry(address, authority).contract.getFunction('accredit')(
      await signer.getAddress(),
      did,
      'Bench College',
    )
  ).wait();
  const registry = new Registry(address, signer).contract;
  return async (method: string, ...args: unknown[]) =>
    Number((await (await registry.getFunction(method)(...args)).wait()).gasUsed);
}
