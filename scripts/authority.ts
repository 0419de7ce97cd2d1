import { parseArgs } from 'node:util';
import type { JsonRpcProvider } from 'ethers';
import {
  AccreditationError,
  accredit,
  changeAccreditation,
  institutionNamed,
  listInstitutions,
  STEPS,
  type Step,
} from '../contracts/accreditation.ts';
import { readDeployment } from '../contracts/deployment.ts';
import { connectProvider, fetchChainId, isLedgerUnreachable } from '../contracts/provider.ts';
import { type Institution, Registry } from '../contracts/registry.ts';
import { ConfigError, loadConfig } from '../core/config.ts';
import { authoritySigner, newKey } from './authority-key.ts';

const HELP = `Keep the list of accredited institutions on the registry, as its accreditation authority
(docs/ledger.md). Verifiers trust the registry, so each step reaches all of them at once.

Usage:
  npm run authority -- list [--json]
  npm run authority -- show <institution> [--json]
  npm run authority -- accredit --address <0x…> --did <did> --name <name> [--fund <amount>] [--json]
  npm run authority -- suspend <institution> [--json]
  npm run authority -- restore <institution> [--json]
  npm run authority -- withdraw <institution> [--json]
  npm run authority -- new-key --keystore <file>

  <institution>      its number on the registry (see "list"), or a DID it signs with
  --address <0x…>    the institution's ledger address: "ledgerAddress" in its issuer's GET /institution
  --did <did>        the DID it signs credentials with: "did" in the same answer
  --name <name>      its name, as verifiers, wallets and the national report will show it
  --fund <amount>    also send it this much of the chain's currency for the gas of its anchoring (e.g. 0.05)
  --keystore <file>  the authority's key, encrypted (an Ethereum keystore file, as wallets export them);
                     its passphrase from AUTHORITY_KEYSTORE_PASSPHRASE, else asked for on the terminal
  --json             print data for scripts

While suspended or withdrawn, an institution cannot anchor: its new credentials stay pending, and
those anchored before stay valid with the verifier saying the accreditation is now suspended.
"restore" accredits it again.

The registry: LEDGER_RPC_URL and REGISTRY_ADDRESS, else the one \`npm start\` deployed in
SKILLMARK_DATA_DIR (its node must be running). The authority's key: --keystore (or AUTHORITY_KEYSTORE),
else AUTHORITY_PRIVATE_KEY; on the embedded node, without either, the node's own authority account.
"new-key" makes a new key in a keystore file (mode 0600) and prints its address: the address a new
registry is deployed with as its authority.

Examples:
  npm run authority -- accredit --address 0x6201… --did did:key:z6Mk… --name "Northern Polytechnic" --fund 0.05
  npm run authority -- suspend 2
  npm run authority -- list`;

const COMMANDS = ['list', 'show', 'accredit', ...Object.keys(STEPS), 'new-key'] as const;
/** Commands that name no institution. */
const UNNAMED = ['list', 'accredit', 'new-key'];

/** The registry and the chain it is on, as the issuer finds them (core/config.ts). */
async function connect(): Promise<{ provider: JsonRpcProvider; registry: string; localAuthority?: string }> {
  const config = loadConfig(process.env);
  if (config.ledgerRpcUrl) {
    const url = config.ledgerRpcUrl.split(',')[0]!.trim();
    if (!config.registryAddress) throw new ConfigError('REGISTRY_ADDRESS must be set with LEDGER_RPC_URL.');
    return {
      provider: connectProvider(url, await fetchChainId(url), { timeoutMs: 30_000 }),
      registry: config.registryAddress,
    };
  }
  const deployment = readDeployment(config.dataDir);
  if (!deployment)
    throw new ConfigError(
      `No registry was deployed in ${config.dataDir}: run \`npm start\` first, or set LEDGER_RPC_URL and REGISTRY_ADDRESS.`,
    );
  const url = `http://127.0.0.1:${config.ledgerPort}`;
  return {
    provider: connectProvider(url, deployment.chainId, { timeoutMs: 30_000 }),
    registry: deployment.registry,
    localAuthority: deployment.authority,
  };
}

const since = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ');
const line = (i: Institution) =>
  `${String(i.id).padStart(3)}  ${i.status.toLowerCase().padEnd(10)}  since ${since(i.statusSince)} UTC  ${i.name}  (${i.did})`;
const json = (i: Institution) => ({
  ...i,
  status: i.status.toLowerCase(),
  statusSince: new Date(i.statusSince * 1000).toISOString(),
});

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        address: { type: 'string' },
        did: { type: 'string' },
        name: { type: 'string' },
        fund: { type: 'string' },
        keystore: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\nSee: npm run authority -- --help`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, named, ...extra] = positionals;
  if (values.help || command === undefined) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const usage = (problem: string) => {
    console.error(`${problem}\n\nSee: npm run authority -- --help`);
    return 2;
  };
  if (!(COMMANDS as readonly string[]).includes(command))
    return usage(`Unknown command "${command}": use one of ${COMMANDS.join(', ')}.`);
  if (extra.length > 0 || (UNNAMED.includes(command) ? named !== undefined : named === undefined))
    return usage(
      UNNAMED.includes(command)
        ? `"${command}" takes no institution.`
        : `Say which institution to ${command}: its number (see "list") or its DID.`,
    );
  const keystore = values.keystore ?? process.env.AUTHORITY_KEYSTORE;
  if (command === 'new-key') {
    if (!keystore) return usage('"new-key" needs --keystore <file>: where to write the new key.');
    const address = await newKey(keystore);
    if (values.json) console.log(JSON.stringify({ address, keystore }));
    else
      console.log(`Wrote a new authority key to ${keystore}, encrypted with the passphrase. Its address: ${address}`);
    return 0;
  }
  if (command === 'accredit' && (!values.address || !values.did || !values.name))
    return usage('"accredit" needs --address, --did and --name.');

  const { provider, registry: address, localAuthority } = await connect();
  try {
    const reader = new Registry(address, provider);
    const print = (institutions: Institution[], done?: string) => {
      if (values.json)
        console.log(
          JSON.stringify(
            institutions.length === 1 && command !== 'list' ? json(institutions[0]!) : institutions.map(json),
            null,
            2,
          ),
        );
      else {
        if (done) console.log(done);
        for (const i of institutions) console.log(line(i));
        if (institutions.length === 0) console.log('No institution is on the registry yet.');
      }
    };
    if (command === 'list') print(await listInstitutions(reader));
    else if (command === 'show') print([await institutionNamed(reader, named!)]);
    else {
      const authority = await authoritySigner(provider, { keystore, local: localAuthority });
      const registry = new Registry(address, authority);
      if (command === 'accredit') {
        const request = { address: values.address!, did: values.did!, name: values.name!, fund: values.fund };
        const accredited = await accredit(registry, authority, request);
        print(
          [accredited],
          `Accredited ${accredited.name} as institution ${accredited.id}${values.fund ? `, and sent it ${values.fund} for gas` : ''}.`,
        );
      } else {
        const changed = await changeAccreditation(registry, named!, command as Step);
        print([changed], `Institution ${changed.id} (${changed.name}) is now ${changed.status.toLowerCase()}.`);
      }
    }
    return 0;
  } finally {
    provider.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(
      error instanceof ConfigError || error instanceof AccreditationError
        ? error.message
        : isLedgerUnreachable(error)
          ? 'The ledger node does not answer: start the system first (`npm start`, which runs the embedded node), or check LEDGER_RPC_URL.'
          : `The registry could not be read: ${error.message.split('\n')[0]}`,
    );
    process.exit(1);
  },
);
