import { writeFileSync } from 'node:fs';
import { type Command, DEFAULT_VERIFIER_URL, EXIT, verifierUrl } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { postJson } from '../service-client.ts';
import { signPresentation } from '../sign-presentation.ts';
import { Wallet, WalletError } from '../store.ts';
import { reportVerification } from '../verification-report.ts';

export const presentCommand: Command = {
  usage: 'skillmark-wallet present <number | id>... [--verifier URL] [--challenge C] [--domain D] [--out FILE]',
  details: [
    'With --verifier (default SKILLMARK_VERIFIER_URL or the local verifier): signs a presentation with',
    'your key for a one-time challenge and sends it; prints the verdict. The challenge is the one given',
    "with --challenge (the employer's), or else a new one the wallet asks the verifier for.",
    'With --challenge and --out: writes the signed presentation (a JWT) to a file instead, for the',
    'employer to verify with the challenge they gave you. A challenge starting with "-" works as',
    '"--challenge -abc" and as "--challenge=-abc".',
  ],
  options: {
    verifier: { type: 'string', description: `verifier address (default ${DEFAULT_VERIFIER_URL})` },
    challenge: { type: 'string', description: 'the one-time challenge the employer gave you' },
    domain: {
      type: 'string',
      description: "the verifier domain to bind the presentation to (default: the verifier's host; none with --out)",
    },
    out: { type: 'string', description: 'write the signed presentation to this file instead of sending it' },
  },
  async run({ positionals, values }, { out, walletDir, env }) {
    if (positionals.length === 0)
      throw new WalletError(
        'Say which credentials to present: their numbers or ids from "skillmark-wallet list".',
        EXIT.usage,
      );
    if (values.out !== undefined && values.challenge === undefined)
      throw new WalletError("--out needs the employer's --challenge.", EXIT.usage);
    const wallet = Wallet.open(walletDir, await readPassphrase());
    const credentials = positionals.map((ref) => wallet.find(ref));
    const local = positionals.map((ref) => describeEntry(wallet.entry(ref))).filter((d) => 'title' in d);
    const given = values.challenge as string | undefined;

    if (typeof values.out === 'string') {
      const jwt = await signPresentation(wallet, credentials, given!, values.domain as string | undefined);
      writeFileSync(values.out, `${jwt}\n`, { mode: 0o600 });
      out.result({ written: values.out, bytes: jwt.length });
      out.line(out.ok(`Presentation written to ${values.out} (${jwt.length} characters).`));
      return EXIT.ok;
    }

    const verifier = verifierUrl(values.verifier, env);
    const domain = (values.domain as string | undefined) ?? new URL(verifier).host;
    const challenge = given ?? (await newChallenge(verifier));
    const jwt = await signPresentation(wallet, credentials, challenge, domain);
    const { status, body } = await postJson(`${verifier}/presentations/verify`, {
      verifiablePresentation: jwt,
      options: { challenge, domain },
    });
    return reportVerification(out, status, body, local);
  },
};

async function newChallenge(verifier: string): Promise<string> {
  const issued = await postJson(`${verifier}/challenges`, {});
  const challenge = (issued.body as { challenge?: unknown } | undefined)?.challenge;
  if (issued.status !== 201 && issued.status !== 200)
    throw new WalletError(`The verifier did not give a challenge (HTTP ${issued.status}).`);
  if (typeof challenge !== 'string') throw new WalletError('The verifier did not give a challenge.');
  return challenge;
}
