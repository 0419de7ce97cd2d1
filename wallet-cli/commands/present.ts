import { writeFileSync } from 'node:fs';
import { type Command, EXIT, verifierUrl } from '../command.ts';
import { describeEntry } from '../describe.ts';
import { readPassphrase } from '../passphrase.ts';
import { postJson } from '../service-client.ts';
import { signPresentation } from '../sign-presentation.ts';
import { chosenDisclosures, isSelective, signSelectivePresentation } from '../sign-selective-presentation.ts';
import { Wallet, WalletError } from '../store.ts';
import { reportVerification } from '../verification-report.ts';
import { plural, t } from '../words.ts';

export const presentCommand: Command = {
  usage: 'usage_present',
  details: 'details_present',
  options: {
    verifier: { type: 'string', description: 'opt_verifier' },
    challenge: { type: 'string', description: 'opt_challenge' },
    domain: { type: 'string', description: 'opt_domain' },
    out: { type: 'string', description: 'opt_out_presentation' },
    disclose: { type: 'string', description: 'opt_disclose' },
  },
  async run({ positionals, values }, { out, walletDir, env }) {
    if (positionals.length === 0) throw new WalletError(t('present_say_which'), EXIT.usage);
    if (values.out !== undefined && values.challenge === undefined)
      throw new WalletError(t('present_out_needs_challenge'), EXIT.usage);
    const wallet = await Wallet.open(walletDir, await readPassphrase());
    const credentials = positionals.map((ref) => wallet.find(ref));
    const local = positionals.map((ref) => describeEntry(wallet.entry(ref))).filter((d) => 'title' in d);
    const given = values.challenge as string | undefined;
    const selective = credentials.some((c) => isSelective(c.credential));
    if (selective && credentials.length > 1) {
      const which = positionals.find((_, i) => isSelective(credentials[i]!.credential))!;
      throw new WalletError(t('present_selective_alone', { which }), EXIT.usage);
    }
    if (!selective && values.disclose !== undefined)
      throw new WalletError(t('present_disclose_not_selective'), EXIT.usage);
    if (selective && values.out !== undefined && values.domain === undefined)
      throw new WalletError(t('present_selective_needs_domain'), EXIT.usage);
    const choice = selective ? await chosenDisclosures(credentials[0]!.credential, values.disclose) : undefined;
    const sign = (challenge: string, domain: string | undefined) => {
      if (!choice) return signPresentation(wallet, credentials, challenge, domain);
      if (domain === undefined) throw new WalletError(t('present_selective_needs_domain'), EXIT.usage);
      return signSelectivePresentation(wallet, credentials[0]!, choice, challenge, domain);
    };

    if (typeof values.out === 'string') {
      const jwt = await sign(given!, values.domain as string | undefined);
      writeFileSync(values.out, `${jwt}\n`, { mode: 0o600 });
      out.result({ written: values.out, bytes: jwt.length });
      out.line(out.ok(t('present_written', { file: values.out, size: plural('size_characters', jwt.length) })));
      return EXIT.ok;
    }

    const verifier = verifierUrl(values.verifier, env);
    const domain = (values.domain as string | undefined) ?? new URL(verifier).host;
    const challenge = given ?? (await newChallenge(verifier));
    const jwt = await sign(challenge, domain);
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
    throw new WalletError(t('present_no_challenge_http', { status: issued.status }));
  if (typeof challenge !== 'string') throw new WalletError(t('present_no_challenge'));
  return challenge;
}
