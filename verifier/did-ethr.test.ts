import { randomBytes, sign } from 'node:crypto';
import { ES256KSigner } from 'did-jwt';
import { ContractFactory, type JsonRpcSigner, type Signer, Wallet } from 'ethers';
import { EthereumDIDRegistry, stringToBytes32 } from 'ethr-did-resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { verifyJwsSignature } from '../core/jose/verify-signature.ts';
import { freePort, startTestChain, type TestChain } from '../test/support/local-chain.ts';
import { DidKeyResolver } from './did-key-resolver.ts';
import { DidKeyError } from './did-methods/types.ts';

/**
 * did:ethr resolved in full against a real ERC-1056 registry on a local chain (ethr-did-resolver):
 * the account's own key, an attribute key added later, an owner change, and an unreachable node.
 */
describe('did:ethr on a local chain', () => {
  let chain: TestChain;
  let registry: string;
  let owner: JsonRpcSigner;
  const signingInput = Buffer.from('eyJhbGciOiJ4In0.eyJuIjoxfQ', 'ascii');

  const resolver = (rpcUrl = chain.rpcUrl) =>
    new DidKeyResolver({ ethrChainId: 31337, ethrRpcUrl: rpcUrl, ethrRegistry: registry, ttlMs: 0 });
  const didOf = (address: string) => `did:ethr:0x7a69:${address}`;
  /** An ES256K-R signature (r||s||v) as did-jwt makes it. */
  const es256kr = async (privateKey: Uint8Array) =>
    Buffer.from((await ES256KSigner(privateKey, true)(signingInput)) as string, 'base64url');

  beforeAll(async () => {
    chain = await startTestChain();
    owner = await chain.provider.getSigner(1);
    const deployer = await chain.provider.getSigner(0);
    const deployed = await new ContractFactory(
      EthereumDIDRegistry.abi as never,
      EthereumDIDRegistry.bytecode,
      deployer,
    ).deploy();
    await deployed.waitForDeployment();
    registry = await deployed.getAddress();
  });

  afterAll(async () => {
    await chain?.stop();
  });

  it('an unchanged identity resolves to its account; an ES256K-R signature by it verifies', async () => {
    const wallet = Wallet.createRandom();
    const did = didOf(wallet.address);
    const key = await resolver().keyFor(did, `${did}#controller`, 'assertionMethod');
    const signature = await es256kr(Buffer.from(wallet.privateKey.slice(2), 'hex'));
    expect(verifyJwsSignature(key, signingInput, signature, 'ES256K-R')).toBe(true);
    const other = await es256kr(randomBytes(32));
    expect(verifyJwsSignature(key, signingInput, other, 'ES256K-R')).toBe(false);
  });

  it("an Ed25519 key added as an attribute is found and verifies; after an owner change the old owner's signature no longer does", async () => {
    const identity = Wallet.createRandom().connect(chain.provider);
    await (await owner.sendTransaction({ to: identity.address, value: 10n ** 18n })).wait();
    const registryAs = (signer: Signer) =>
      new ContractFactory(EthereumDIDRegistry.abi as never, EthereumDIDRegistry.bytecode, signer).attach(registry);
    const did = didOf(identity.address);
    const seed = randomBytes(32);
    await (
      await registryAs(identity).getFunction('setAttribute')(
        identity.address,
        stringToBytes32('did/pub/Ed25519/veriKey/base64'),
        ed25519PublicKeyOfSeed(seed),
        86_400,
      )
    ).wait();
    const key = await resolver().keyFor(did, `${did}#delegate-1`, 'assertionMethod');
    expect(key.alg).toBe('EdDSA');
    expect(verifyJwsSignature(key, signingInput, sign(null, signingInput, ed25519PrivateKey(seed)), 'EdDSA')).toBe(
      true,
    );

    const byOwner = await es256kr(Buffer.from(identity.privateKey.slice(2), 'hex'));
    expect(
      verifyJwsSignature(
        await resolver().keyFor(did, `${did}#controller`, 'assertionMethod'),
        signingInput,
        byOwner,
        'ES256K-R',
      ),
    ).toBe(true);
    await (
      await registryAs(identity).getFunction('changeOwner')(identity.address, Wallet.createRandom().address)
    ).wait();
    expect(
      verifyJwsSignature(
        await resolver().keyFor(did, `${did}#controller`, 'assertionMethod'),
        signingInput,
        byOwner,
        'ES256K-R',
      ),
    ).toBe(false);
  });

  it('a did:ethr of another chain is not supported; an unreachable node is "cannot tell"', async () => {
    const other = `did:ethr:0x1:${Wallet.createRandom().address}`;
    await expect(resolver().keyFor(other, undefined, 'assertionMethod')).rejects.toMatchObject({
      reason: 'unsupported_did_method',
    });
    const down = resolver(`http://127.0.0.1:${await freePort()}`);
    const error = await down
      .keyFor(didOf(Wallet.createRandom().address), undefined, 'assertionMethod')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DidKeyError);
    expect((error as DidKeyError).reason).toBe('did_resolution_failed');
  });
});
