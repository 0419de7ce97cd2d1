import { computeAddress, getAddress, id as keccakId } from 'ethers';
import { jwkOfEcPoint } from './keys.ts';
import { BoundedFetchError, fetchBounded } from './http.ts';
import { DidKeyError, type DidDocument, type MethodContext, type MethodResolution } from './types.ts';

/** The ERC-1056 EthereumDIDRegistry deployment address used on mainnet and most networks. */
export const DEFAULT_ETHR_REGISTRY = '0xdca7ef03e98e0dc2b855be647c39abe984fcf21b';

/** Network names ethr-did-resolver knows by default, with their chain ids. */
const NETWORK_NAMES: Record<string, number> = { mainnet: 1, sepolia: 11155111, goerli: 5, polygon: 137, 'matic': 137, amoy: 80002, linea: 59144, 'linea:sepolia': 59141, dev: 1337 };

const DID_ETHR = /^did:ethr:(?:([a-zA-Z0-9]+(?::[a-zA-Z0-9]+)?|0x[0-9a-fA-F]+):)?(0x[0-9a-fA-F]{40}|0x[0-9a-fA-F]{66})$/;

export interface EthrOptions {
  /** The chain this verifier accepts did:ethr identities of. */
  chainId: number;
  /** With an RPC URL, the registry is asked whether the identity ever changed. */
  rpcUrl?: string;
  registry?: string;
}

/** The parts of a did:ethr. */
export function parseDidEthr(did: string): { chainId: number; address: string; publicKey?: string } {
  const match = DID_ETHR.exec(did);
  if (!match) throw new DidKeyError('did_not_found', `invalid did:ethr ${did.slice(0, 80)}`);
  const network = match[1];
  let chainId: number;
  if (network === undefined) chainId = 1;
  else if (network.startsWith('0x')) chainId = Number.parseInt(network, 16);
  else if (Object.prototype.hasOwnProperty.call(NETWORK_NAMES, network)) chainId = NETWORK_NAMES[network]!;
  else throw new DidKeyError('unsupported_did_method', `did:ethr network "${network.slice(0, 40)}" is not known to this verifier`);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new DidKeyError('did_not_found', `invalid did:ethr chain id in ${did.slice(0, 80)}`);
  const identifier = match[2]!;
  try {
    if (identifier.length === 42) return { chainId, address: getAddress(identifier) };
    const publicKey = identifier.toLowerCase();
    return { chainId, address: computeAddress(publicKey), publicKey };
  } catch {
    throw new DidKeyError('did_not_found', `invalid did:ethr identifier in ${did.slice(0, 80)} (bad checksum or not a secp256k1 key)`);
  }
}

/**
 * The DID document ethr-did-resolver gives an identity that never changed on the ERC-1056
 * registry: the account itself (EcdsaSecp256k1RecoveryMethod2020 with a CAIP-10
 * blockchainAccountId) and, when the DID is a public key, that key (#controllerKey).
 */
export function unchangedEthrDocument(did: string, parsed: { chainId: number; address: string; publicKey?: string }): DidDocument {
  const verificationMethod: Record<string, unknown>[] = [
    { id: `${did}#controller`, type: 'EcdsaSecp256k1RecoveryMethod2020', controller: did, blockchainAccountId: `eip155:${parsed.chainId}:${parsed.address}` },
  ];
  const relationships = [`${did}#controller`];
  if (parsed.publicKey) {
    verificationMethod.push({
      id: `${did}#controllerKey`,
      type: 'EcdsaSecp256k1VerificationKey2019',
      controller: did,
      publicKeyJwk: jwkOfEcPoint('secp256k1', Buffer.from(parsed.publicKey.slice(2), 'hex')),
    });
    relationships.push(`${did}#controllerKey`);
  }
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/secp256k1recovery-2020/v2'],
    id: did,
    verificationMethod,
    authentication: relationships,
    assertionMethod: [...relationships],
  };
}

const CHANGED_SELECTOR = keccakId('changed(address)').slice(0, 10);
const MAX_RPC_BYTES = 64 * 1024;

async function rpc(context: MethodContext, url: string, method: string, params: unknown[]): Promise<string> {
  let response;
  try {
    response = await fetchBounded(
      context.fetch,
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) },
      context.timeoutMs,
      MAX_RPC_BYTES,
    );
  } catch (error) {
    if (error instanceof BoundedFetchError) throw new DidKeyError('did_resolution_failed', `the did:ethr RPC node cannot be used: ${error.message}`);
    throw error;
  }
  if (response.status !== 200) throw new DidKeyError('did_resolution_failed', `the did:ethr RPC node answered HTTP ${response.status}`);
  let body: { result?: unknown; error?: { message?: unknown } };
  try {
    body = JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new DidKeyError('did_resolution_failed', 'the did:ethr RPC node did not answer JSON');
  }
  if (typeof body?.result !== 'string' || !/^0x[0-9a-fA-F]*$/.test(body.result)) {
    throw new DidKeyError('did_resolution_failed', `the did:ethr RPC call ${method} failed: ${String(body?.error?.message ?? 'no result').slice(0, 200)}`);
  }
  return body.result;
}

/**
 * did:ethr without ethr-did-resolver (not installed). Offline, an identity is taken to be
 * unchanged on the registry. With `rpcUrl`, the registry's `changed(address)` is read and a
 * changed identity (owner, delegates or attributes set) is refused, since its history of events
 * is not interpreted here.
 */
export function didEthrResolver(options: EthrOptions) {
  let chainChecked: Promise<void> | undefined;
  return async (did: string, context: MethodContext): Promise<MethodResolution> => {
    const parsed = parseDidEthr(did);
    if (parsed.chainId !== options.chainId) {
      throw new DidKeyError('unsupported_did_method', `${did.slice(0, 80)} is on chain ${parsed.chainId}; this verifier resolves did:ethr on chain ${options.chainId} only`);
    }
    if (options.rpcUrl) {
      const url = options.rpcUrl;
      chainChecked ??= rpc(context, url, 'eth_chainId', []).then((hex) => {
        if (Number.parseInt(hex, 16) !== options.chainId) throw new DidKeyError('did_resolution_failed', `the did:ethr RPC node serves chain ${Number.parseInt(hex, 16)}, not ${options.chainId}`);
      });
      try {
        await chainChecked;
      } catch (error) {
        chainChecked = undefined; // ask again next time
        throw error;
      }
      const registry = options.registry ?? DEFAULT_ETHR_REGISTRY;
      const data = `${CHANGED_SELECTOR}${parsed.address.slice(2).toLowerCase().padStart(64, '0')}`;
      const changed = await rpc(context, url, 'eth_call', [{ to: registry, data }, 'latest']);
      if (changed === '0x') throw new DidKeyError('did_resolution_failed', `there is no ERC-1056 registry at ${registry} on chain ${options.chainId}`);
      if (BigInt(changed) !== 0n) {
        throw new DidKeyError('unsupported_did_method', `${did.slice(0, 80)} was changed on the ERC-1056 registry (block ${BigInt(changed)}); only unchanged did:ethr identities are supported`);
      }
    }
    return { document: unchangedEthrDocument(did, parsed), ...(options.rpcUrl ? {} : { ttlMs: Number.POSITIVE_INFINITY }) };
  };
}
