import { Resolver } from 'did-resolver';
import { computeAddress, getAddress } from 'ethers';
import { getResolver } from 'ethr-did-resolver';
import { connectProvider } from '../../contracts/provider.ts';
import { jwkOfEcPoint } from './ec-point.ts';
import { type DidDocument, DidKeyError, type MethodResolution } from './types.ts';

/** Network names ethr-did-resolver knows by default, with their chain ids. */
const NETWORK_NAMES: Record<string, number> = {
  mainnet: 1,
  sepolia: 11155111,
  goerli: 5,
  polygon: 137,
  matic: 137,
  amoy: 80002,
  linea: 59144,
  'linea:sepolia': 59141,
  dev: 1337,
};

const DID_ETHR =
  /^did:ethr:(?:([a-zA-Z0-9]+(?::[a-zA-Z0-9]+)?|0x[0-9a-fA-F]+):)?(0x[0-9a-fA-F]{40}|0x[0-9a-fA-F]{66})$/;

export interface EthrOptions {
  /** The chain this verifier accepts did:ethr identities of. */
  chainId: number;
  /** With an RPC URL, the full DID document is resolved from the ERC-1056 registry. */
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
  else if (Object.hasOwn(NETWORK_NAMES, network)) chainId = NETWORK_NAMES[network]!;
  else
    throw new DidKeyError(
      'unsupported_did_method',
      `did:ethr network "${network.slice(0, 40)}" is not known to this verifier`,
    );
  if (!Number.isSafeInteger(chainId) || chainId <= 0)
    throw new DidKeyError('did_not_found', `invalid did:ethr chain id in ${did.slice(0, 80)}`);
  const identifier = match[2]!;
  try {
    if (identifier.length === 42) return { chainId, address: getAddress(identifier) };
    const publicKey = identifier.toLowerCase();
    return { chainId, address: computeAddress(publicKey), publicKey };
  } catch {
    throw new DidKeyError(
      'did_not_found',
      `invalid did:ethr identifier in ${did.slice(0, 80)} (bad checksum or not a secp256k1 key)`,
    );
  }
}

/**
 * The DID document ethr-did-resolver gives an identity that never changed on the ERC-1056
 * registry: the account itself (EcdsaSecp256k1RecoveryMethod2020 with a CAIP-10
 * blockchainAccountId) and, when the DID is a public key, that key (#controllerKey).
 */
export function unchangedEthrDocument(
  did: string,
  parsed: { chainId: number; address: string; publicKey?: string },
): DidDocument {
  const verificationMethod: Record<string, unknown>[] = [
    {
      id: `${did}#controller`,
      type: 'EcdsaSecp256k1RecoveryMethod2020',
      controller: did,
      blockchainAccountId: `eip155:${parsed.chainId}:${parsed.address}`,
    },
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

/**
 * did:ethr. With an RPC node for the chain, the full DID document is resolved by ethr-did-resolver
 * from the ERC-1056 registry (owner changes, delegates and attribute keys, deactivation), through a
 * provider whose every request is time-limited. Without one (offline), an identity is taken to be
 * unchanged on the registry: its own account (and public key, when the DID is one) only.
 */
export function didEthrResolver(options: EthrOptions) {
  const resolver = options.rpcUrl
    ? new Resolver(
        getResolver({
          networks: [
            {
              name: `0x${options.chainId.toString(16)}`,
              chainId: options.chainId,
              // Without one, ethr-did-resolver's default: the registry address on mainnet and most networks.
              ...(options.registry ? { registry: options.registry } : {}),
              provider: connectProvider(options.rpcUrl, options.chainId, { timeoutMs: 4000 }) as never,
            },
          ],
        }),
      )
    : undefined;
  return async (did: string): Promise<MethodResolution> => {
    const parsed = parseDidEthr(did);
    if (parsed.chainId !== options.chainId) {
      throw new DidKeyError(
        'unsupported_did_method',
        `${did.slice(0, 80)} is on chain ${parsed.chainId}; this verifier resolves did:ethr on chain ${options.chainId} only`,
      );
    }
    if (!resolver) return { document: unchangedEthrDocument(did, parsed), ttlMs: Number.POSITIVE_INFINITY };
    // ethr-did-resolver names networks by hex chain id; mainnet DIDs carry no network part.
    const canonical = `did:ethr:0x${parsed.chainId.toString(16)}:${did.split(':').pop()}`;
    const { didDocument, didResolutionMetadata, didDocumentMetadata } = await resolver.resolve(canonical);
    if (!didDocument) {
      const error = String(didResolutionMetadata.error ?? 'notFound');
      const reason = error === 'notFound' || error === 'invalidDid' ? 'did_not_found' : 'did_resolution_failed';
      throw new DidKeyError(
        reason,
        `cannot resolve ${did.slice(0, 80)} on chain ${options.chainId}: ${error} ${String(didResolutionMetadata.message ?? '').slice(0, 200)}`.trim(),
      );
    }
    if (didDocumentMetadata.deactivated)
      throw new DidKeyError('did_not_found', `${did.slice(0, 80)} is deactivated on the ERC-1056 registry`);
    // Keys are looked up under the DID as it was presented.
    const document = JSON.parse(JSON.stringify(didDocument).split(canonical).join(did)) as DidDocument;
    return { document };
  };
}
