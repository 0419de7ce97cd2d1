/**
 * The learner's wallet CLI, run as a real child process (`skillmark-wallet ...`) against a running
 * system: usage and exit codes, the passphrase, the wallet file on disk, receiving, showing,
 * presenting and verifying credentials.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/support/local-chain.ts';
import {
  type CliResult,
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  revokeCredential,
  runWallet,
  startSystem,
  tempDir,
} from '../test/support/system.ts';

const COMMANDS = [
  'init',
  'did',
  'receive',
  'list',
  'show',
  'status',
  'share',
  'present',
  'qr',
  'verify',
  'export',
  'import',
  'remove',
];
/** How the wallet names the README's credential once a verifier has answered (institution from the registry). */
const IN_WORDS =
  'Amina Yusuf, National Certificate in Electrical Installation (EQF 4), from Skillmark Demo Training Centre';
const PASSPHRASE = 'a long learner passphrase';

let system: RunningSystem;
let scratch: string;
/** The learner's wallet (its directory does not exist before `init`). */
let env: Record<string, string>;
let learnerDid: string;
/** Credential A: received by claim code, revoked at the end. B: received from a file. */
let issuedA: any;
let issuedB: any;
let bundleB: { credential: string; anchorReceipt: unknown; type: string };

const json = (result: CliResult) => {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`not JSON (exit ${result.code}):\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
};
const said = (result: CliResult) => `${result.stdout}\n${result.stderr}`;
const withoutPassphrase = () => {
  const { SKILLMARK_WALLET_PASSPHRASE: _p, ...rest } = env;
  return rest;
};

beforeAll(async () => {
  system = await startSystem();
  scratch = tempDir('skillmark-cli-');
  env = {
    SKILLMARK_WALLET_DIR: join(scratch, 'wallet'),
    SKILLMARK_WALLET_PASSPHRASE: PASSPHRASE,
    SKILLMARK_ISSUER_URL: system.issuerUrl,
    SKILLMARK_VERIFIER_URL: system.verifierUrl,
  };
});

afterAll(async () => {
  await system?.destroy();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('usage', () => {
  it('--help prints the usage with every command and exits 0', async () => {
    const flags = ['--help', '-h'];
    const results = await Promise.all(flags.map((flag) => runWallet([flag], env)));
    for (const [i, result] of results.entries()) {
      expect(result.code, flags[i]).toBe(0);
      expect(result.stdout).toContain('Usage: skillmark-wallet <command>');
      for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command}\\s+\\S`, 'm'));
      expect(result.stdout).toContain('SKILLMARK_WALLET_PASSPHRASE');
      expect(result.stdout).toMatch(/Exit codes/);
    }
  });

  it('without arguments prints the usage and exits 2', async () => {
    const result = await runWallet([], env);
    expect(result.code).toBe(2);
    for (const command of COMMANDS) expect(said(result)).toMatch(new RegExp(`^  ${command}\\s`, 'm'));
  });

  it('<command> --help explains the command and exits 0 (touching no wallet)', async () => {
    const commands = ['init', 'receive', 'present', 'verify'];
    const results = await Promise.all(commands.map((command) => runWallet([command, '--help'], env)));
    for (const [i, result] of results.entries()) {
      expect(result.code, `${commands[i]}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toContain(`Usage: skillmark-wallet ${commands[i]}`);
      expect(result.stdout).toContain('--json');
    }
    expect(results[1]!.stdout).toContain('--issuer <value>');
    expect(results[2]!.stdout).toContain('--challenge <value>');
  });

  it('an unknown command exits 2, names it and the commands in a few lines, and guesses a typo', async () => {
    const result = await runWallet(['frobnicate'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
    expect(result.stderr).toContain('The commands: init, ');
    expect(result.stderr).toContain('skillmark-wallet --help');
    expect(result.stderr).not.toContain('Did you mean');
    expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
    const typo = await runWallet(['recieve', '--lang', 'fr'], env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Vouliez-vous dire « receive » ?');
  });

  it('an unknown option exits 2 and names it', async () => {
    const cases = [['present', '1', '--verifer', 'http://127.0.0.1:1']];
    const results = await Promise.all(cases.map((args) => runWallet(args, env)));
    for (const [i, result] of results.entries()) {
      expect(result.code, cases[i]!.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/Unknown option/i);
    }
  });

  it('a missing argument exits 2 with what to give', async () => {
    const results = await Promise.all([['show'], ['receive']].map((args) => runWallet(args, env)));
    expect(results.map((r) => r.code)).toEqual([2, 2]);
    expect(results[0]!.stderr).toMatch(/Say which credential/);
  });
});

describe('the wallet', () => {
  it('init without a passphrase and without a terminal: exit 2 naming SKILLMARK_WALLET_PASSPHRASE, nothing created', async () => {
    const result = await runWallet(['init'], withoutPassphrase());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SKILLMARK_WALLET_PASSPHRASE');
    const did = await runWallet(['did'], env);
    expect(did.code).toBe(1);
    expect(did.stderr).toMatch(/No wallet in .*skillmark-wallet init/);
  });

  it('init creates the wallet and prints its DID', async () => {
    const result = await runWallet(['init', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const out = json(result);
    expect(out.did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(out.walletDir).toBe(env.SKILLMARK_WALLET_DIR);
    learnerDid = out.did;
  });

  it('init a second time exits 2, says a wallet exists, and keeps the first one', async () => {
    const before = readFileSync(join(env.SKILLMARK_WALLET_DIR!, 'wallet.json'), 'utf8');
    const result = await runWallet(['init'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/already a wallet .* See its DID with: skillmark-wallet did/);
    expect(readFileSync(join(env.SKILLMARK_WALLET_DIR!, 'wallet.json'), 'utf8')).toBe(before);
  });

  it('did prints the DID the sealed key vouches for, in words and as JSON; it needs the passphrase', async () => {
    const [plain, asJson, locked] = await Promise.all([
      runWallet(['did'], env),
      runWallet(['did', '--json'], env),
      runWallet(['did'], withoutPassphrase()),
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout.trim()).toBe(learnerDid);
    expect(json(asJson)).toEqual({ did: learnerDid });
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain('SKILLMARK_WALLET_PASSPHRASE');
  });

  it('commands that open the wallet, without a passphrase and without a terminal: exit 2 naming SKILLMARK_WALLET_PASSPHRASE', async () => {
    const cases = [['list'], ['present', '1'], ['verify', '1', '--json']];
    const results = await Promise.all(cases.map((args) => runWallet(args, withoutPassphrase())));
    for (const [i, result] of results.entries()) {
      expect(result.code, cases[i]!.join(' ')).toBe(2);
      expect(said(result)).toContain('SKILLMARK_WALLET_PASSPHRASE');
    }
    expect(json(results[2]!).error).toContain('SKILLMARK_WALLET_PASSPHRASE');
  });

  it('a wrong passphrase: exit 1 "Wrong passphrase"', async () => {
    const wrong = { ...env, SKILLMARK_WALLET_PASSPHRASE: 'not the passphrase' };
    const result = await runWallet(['list'], wrong);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Wrong passphrase/);
  });

  it('list on an empty wallet', async () => {
    const plain = await runWallet(['list'], env);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/Your wallet is empty/);
  });

  it('the wallet file is 0600 in a 0700 directory', () => {
    expect(statSync(env.SKILLMARK_WALLET_DIR!).mode & 0o777).toBe(0o700);
    expect(statSync(join(env.SKILLMARK_WALLET_DIR!, 'wallet.json')).mode & 0o777).toBe(0o600);
  });
});

describe('receiving credentials', () => {
  beforeAll(async () => {
    const [a, b] = await Promise.all([
      issue(system, qualificationRequest({ id: learnerDid })),
      issue(system, qualificationRequest({ id: learnerDid }, {})),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    issuedA = a.body;
    issuedB = b.body;
    await claimWhenAnchored(issuedA.claim.url);
    bundleB = await claimWhenAnchored(issuedB.claim.url);
  });

  it('a credential issued to another DID, or to no DID, is refused; the wallet stays empty', async () => {
    const someoneElse = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const issued = await Promise.all([
      issue(system, qualificationRequest({ id: someoneElse })),
      issue(system, qualificationRequest({ learnerReference: 'STU-1' })),
    ]);
    const urls = issued.map((i) => i.body.claim.url as string);
    await Promise.all(urls.map((url) => claimWhenAnchored(url)));
    const [toOther, toNoDid] = await Promise.all(urls.map((url) => runWallet(['receive', url], env)));
    expect(toOther!.code).toBe(1);
    expect(toOther!.stderr).toContain(
      `This credential was issued to ${someoneElse}, not to this wallet (${learnerDid})`,
    );
    expect(toNoDid!.code).toBe(1);
    expect(toNoDid!.stderr).toMatch(/names no learner DID/);
    expect(toNoDid!.stderr).toContain(learnerDid);
    expect(json(await runWallet(['list', '--json'], env))).toEqual({ did: learnerDid, credentials: [] });
  });

  it('receive by claim code with --issuer (lowercase, as typed from paper)', async () => {
    const code = String(issuedA.claim.code).toLowerCase();
    const result = await runWallet(['receive', code, '--issuer', system.issuerUrl, '--json'], {
      ...env,
      SKILLMARK_ISSUER_URL: 'http://127.0.0.1:1',
    });
    expect(result.code, said(result)).toBe(0);
    const out = json(result);
    expect(out.added).toBe(true);
    expect(out.id).toBe(String(issuedA.credentialHash).slice(2, 10));
    expect(out.credential).toMatchObject({
      title: 'National Certificate in Electrical Installation',
      learner: 'Amina Yusuf',
      awardedOn: '2026-06-30',
    });
  });

  it('a claim code typed with spaces, or without quotes as five words, is the same code', async () => {
    const groups = String(issuedA.claim.code).toLowerCase().split('-');
    const typed = [
      ['receive', groups.join(' ')],
      ['receive', `${groups.slice(0, 2).join('  ')}-${groups.slice(2).join(' ')}`],
      ['receive', ...groups],
    ];
    const results = await Promise.all(
      typed.map((args) => runWallet([...args, '--issuer', system.issuerUrl, '--json'], env)),
    );
    for (const result of results) {
      expect(result.code, said(result)).toBe(0);
      expect(json(result)).toMatchObject({ added: false, id: String(issuedA.credentialHash).slice(2, 10) });
    }
  });

  it('receiving the same credential again reports that it is already there', async () => {
    const result = await runWallet(['receive', issuedA.claim.url, '--json'], env);
    expect(result.code, said(result)).toBe(0);
    expect(json(result)).toMatchObject({ added: false, id: String(issuedA.credentialHash).slice(2, 10) });
  });

  it('receive from a file holding the credential bundle', async () => {
    const file = join(scratch, 'bundle.json');
    writeFileSync(file, JSON.stringify(bundleB));
    const result = await runWallet(['receive', file, '--json'], env);
    expect(result.code, said(result)).toBe(0);
    expect(json(result)).toMatchObject({ added: true, id: String(issuedB.credentialHash).slice(2, 10) });
  });

  it('receive of a file that is not a credential fails clearly, and changes nothing', async () => {
    const notBundle = join(scratch, 'not-a-bundle.json');
    writeFileSync(notBundle, JSON.stringify({ hello: 'world' }));
    const notJson = join(scratch, 'notes.txt');
    writeFileSync(notJson, 'dear diary');
    const tampered = join(scratch, 'tampered.json');
    const [h, p, s] = bundleB.credential.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    claims.vc.credentialSubject.qualification.title = 'Master Electrician';
    writeFileSync(
      tampered,
      JSON.stringify({
        ...bundleB,
        credential: `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`,
      }),
    );
    const otherReceipt = join(scratch, 'other-receipt.json');
    const bundleA = await claimWhenAnchored(issuedA.claim.url);
    writeFileSync(otherReceipt, JSON.stringify({ ...bundleB, anchorReceipt: bundleA.anchorReceipt }));

    const [first, second, third, fourth] = await Promise.all(
      [notBundle, notJson, tampered, otherReceipt].map((file) => runWallet(['receive', file], env)),
    );
    expect(first!.code).toBe(1);
    expect(first!.stderr).toMatch(/not a Skillmark credential/);
    expect(second!.code).toBe(1);
    expect(second!.stderr).toMatch(/is not a JSON credential file/);
    expect(third!.code).toBe(1);
    expect(third!.stderr).toMatch(/signature does not hold/);
    expect(fourth!.code).toBe(1);
    expect(fourth!.stderr).toMatch(/receipt does not belong to this credential/);
  });

  it("an unknown claim code or a reference that is nothing: clear errors, in the wallet's language", async () => {
    const [unknown, inFrench, nothing] = await Promise.all([
      runWallet(['receive', 'AAAA-AAAA-AAAA-AAAA-AAAA', '--issuer', system.issuerUrl], env),
      runWallet(['receive', 'AAAA-AAAA-AAAA-AAAA-AAAB', '--issuer', system.issuerUrl, '--lang', 'fr'], env),
      runWallet(['receive', 'no-such-file-or-code'], env),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^No credential matches this claim code\. Check it character by character/);
    // The issuer's answer is in English: the wallet says it in its own words, with no English left.
    expect(inFrench.code).toBe(1);
    expect(inFrench.stderr).toMatch(/^Aucune attestation ne correspond à ce code de retrait\./);
    expect(inFrench.stderr).not.toMatch(/claim code|credential/);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/not a claim link, a claim code .* or a file/);
  });

  it('the wallet file keeps the learner’s name and the credentials sealed', () => {
    const text = readFileSync(join(env.SKILLMARK_WALLET_DIR!, 'wallet.json'), 'utf8');
    const jwtA = String(issuedA.verifiableCredential.id).replace('data:application/jwt,', '');
    for (const secret of [
      'Amina Yusuf',
      'Amina',
      'Electrical Installation',
      PASSPHRASE,
      jwtA,
      bundleB.credential,
      ...bundleB.credential.split('.'),
      ...jwtA.split('.'),
      String(issuedA.credentialHash).slice(2),
    ]) {
      expect(text.includes(secret), `wallet.json contains ${secret.slice(0, 40)}`).toBe(false);
    }
    const file = JSON.parse(text);
    expect(Object.keys(file).sort()).toEqual(['did', 'format', 'kdf', 'sealed']);
    expect(file.did).toBe(learnerDid);
    expect(statSync(join(env.SKILLMARK_WALLET_DIR!, 'wallet.json')).mode & 0o777).toBe(0o600);
  });
});

describe('list, show, present and verify', () => {
  it('list shows both credentials, numbered, in words and as JSON', async () => {
    const [plain, listed] = await Promise.all([runWallet(['list'], env), runWallet(['list', '--json'], env)]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(
      /^ 1\. [0-9a-f]{8} {2}Amina Yusuf, National Certificate in Electrical Installation \(EQF 4\)$/m,
    );
    expect(plain.stdout).toMatch(/^ {14}not checked yet \(received [A-Z][a-z]+ \d{1,2}, \d{4}\)$/m);
    expect(plain.stdout).toMatch(/^ 2\. [0-9a-f]{8} {2}/m);
    const out = json(listed);
    expect(out.did).toBe(learnerDid);
    expect(out.credentials.map((c: { id: string }) => c.id)).toEqual([
      String(issuedA.credentialHash).slice(2, 10),
      String(issuedB.credentialHash).slice(2, 10),
    ]);
  });

  it('show by number and by id prefix, in words and as JSON', async () => {
    const idB = String(issuedB.credentialHash).slice(2, 10);
    const [plain, shown] = await Promise.all([
      runWallet(['show', '1'], env),
      runWallet(['show', idB.slice(0, 5), '--json'], env),
    ]);
    expect(plain.code).toBe(0);
    // Plain words first; the DID only among the details, at the end.
    expect(plain.stdout).toMatch(/^Amina Yusuf, National Certificate in Electrical Installation \(EQF 4\)$/m);
    expect(plain.stdout).toMatch(/Qualification\s+National Certificate in Electrical Installation$/m);
    expect(plain.stdout).toMatch(/Awarded to\s+Amina Yusuf/);
    expect(plain.stdout).toMatch(/State\s+not checked yet \(received [A-Z][a-z]+ \d{1,2}, \d{4}\)$/m);
    expect(plain.stdout.indexOf('did:')).toBeGreaterThan(plain.stdout.indexOf('Details (for experts):'));
    // Nothing has looked at the ledger yet: a receipt alone proves nothing.
    expect(plain.stdout).toMatch(
      /On ledger\s+anchor receipt not checked yet \(check it with: skillmark-wallet verify 1\)/,
    );
    expect(plain.stdout).not.toMatch(/On ledger\s+since/);
    const asJson = json(shown);
    expect(asJson).toMatchObject({
      id: idB,
      title: 'National Certificate in Electrical Installation',
      credential: bundleB.credential,
      anchorReceipt: bundleB.anchorReceipt,
    });
    expect(asJson.competencies).toEqual(['Install low-voltage wiring', 'Test and inspect circuits']);
  });

  it('show with a reference that matches nothing: exit 1', async () => {
    const refs = ['x'];
    const [asJson, ...results] = await Promise.all([
      runWallet(['show', '99', '--json'], env),
      ...refs.map((ref) => runWallet(['show', ref], env)),
    ]);
    for (const [i, result] of results.entries()) {
      expect(result.code, refs[i]).toBe(1);
      expect(result.stderr).toMatch(/No credential ".*" in this wallet/);
    }
    expect(asJson.code).toBe(1);
    expect(json(asJson).error).toMatch(/No credential "99"/);
  });

  it('verify 1: VALID, exit 0; --json gives the verifier’s answer', async () => {
    const [plain, second, inFrench] = await Promise.all([
      runWallet(['verify', '1'], env),
      runWallet(['verify', '2', '--json', '--lang', 'fr'], env),
      runWallet(['verify', '1'], { ...env, LANG: 'fr_FR.UTF-8' }),
    ]);
    expect(plain.code, said(plain)).toBe(0);
    expect(plain.stdout.split('\n')[0]).toBe(`${IN_WORDS}: VALID`);
    // The checks are the verifier's sentences; the wallet's own words name no DID but in the details.
    expect(plain.stdout).toMatch(/^Details: issued by did:key:z6Mk\S+$/m);
    expect(plain.stdout).toMatch(/ok The institution has not revoked this credential\./);
    const shown = await runWallet(['show', '1'], env);
    expect(shown.stdout).toMatch(
      new RegExp(
        `On ledger\\s+since [A-Z][a-z]+ \\d{1,2}, \\d{4} at .* UTC \\(checked by ${system.verifierUrl} at .*; chain 31337, transaction 0x`,
      ),
    );
    expect(second.code).toBe(0);
    const out = json(second);
    expect(out.verdict).toBe('valid');
    expect(out.checks.every((c: { status: string }) => c.status === 'valid')).toBe(true);
    // In French: the wallet's words, and the verifier's sentences for its reason codes (Accept-Language); JSON keys stay.
    expect(out.checks.find((c: { reason: string }) => c.reason === 'not_revoked').message).toBe(
      "L'établissement n'a pas révoqué cette attestation.",
    );
    expect(inFrench.code, said(inFrench)).toBe(0);
    expect(inFrench.stdout.split('\n')[0]).toBe(`${IN_WORDS.replace(', from ', ', délivrée par ')} : VALIDE`);
    expect(inFrench.stdout).toMatch(/^ {2}ok +L'établissement n'a pas révoqué cette attestation\.$/m);
    expect(inFrench.stdout).toMatch(/^Détails : émise par did:key:z6Mk\S+$/m);
  });

  it('present both: VALID, exit 0', async () => {
    const result = await runWallet(['present', '1', '2', '--json'], env);
    expect(result.code, said(result)).toBe(0);
    const out = json(result);
    expect(out.verdict).toBe('valid');
    expect(out.holder).toBe(learnerDid);
    expect(out.credentials).toHaveLength(2);
  });

  it('present --out --challenge writes a presentation that the verifier accepts for that challenge, once', async () => {
    const { status, body } = await postJson(`${system.verifierUrl}/challenges`, {});
    expect(status).toBe(201);
    const file = join(scratch, 'presentation.jwt');
    const result = await runWallet(['present', '1', '--challenge', body.challenge, '--out', file, '--json'], env);
    expect(result.code, said(result)).toBe(0);
    expect(json(result).written).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The employer pins the challenge they gave (README, offline hand-over).
    const request = {
      verifiablePresentation: readFileSync(file, 'utf8').trim(),
      options: { challenge: body.challenge },
    };
    const verified = await postJson(`${system.verifierUrl}/presentations/verify`, request);
    expect(verified.status).toBe(200);
    expect(verified.body.verdict).toBe('valid');
    const replay = await postJson(`${system.verifierUrl}/presentations/verify`, request);
    expect(replay.status).toBe(422);
    expect(replay.body.checks.find((c: { check: string }) => c.check === 'challenge').reason).toBe(
      'challenge_already_used',
    );
  });

  it('present --out without --challenge: exit 2', async () => {
    const result = await runWallet(['present', '1', '--out', join(scratch, 'x.json')], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--challenge/);
  });

  it('present and verify against a verifier where nothing listens: exit 1 "Cannot reach"', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const cases = [['present', '1', '--verifier', nowhere]];
    const [viaEnv, ...results] = await Promise.all([
      runWallet(['verify', '1', '--json'], { ...env, SKILLMARK_VERIFIER_URL: nowhere }),
      ...cases.map((args) => runWallet(args, env)),
    ]);
    for (const [i, result] of results.entries()) {
      expect(result.code, cases[i]![0]).toBe(1);
      expect(result.stderr).toContain(
        `Cannot reach ${nowhere} (nothing answers at that address: the service may be stopped)`,
      );
      expect(result.stderr).not.toContain('ECONNREFUSED');
    }
    expect(viaEnv.code).toBe(1);
    expect(json(viaEnv).error).toContain('Cannot reach');
  });

  it('after the institution revokes credential 1: verify 1 and present 1 exit 4, credential 2 stays valid', async () => {
    const revoked = await revokeCredential(system, issuedA.credentialId, { reason: 'withdrawnByAssessmentBody' });
    expect(revoked.status).toBe(200);

    const [verify, present, other] = await Promise.all([
      runWallet(['verify', '1'], env),
      runWallet(['present', '1', '--json'], env),
      runWallet(['verify', '2'], env),
    ]);
    expect(verify.code, said(verify)).toBe(4);
    expect(verify.stdout.split('\n')[0]).toBe(`${IN_WORDS}: NOT VALID`);
    expect(verify.stdout).toMatch(
      /^ {2}NO The institution revoked this credential on [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d\d [AP]M UTC \(reason: .+\)/m,
    );
    expect(present.code, said(present)).toBe(4);
    const presented = json(present);
    expect(presented.verdict).toBe('invalid');
    expect(presented.credentials[0].checks.find((c: { check: string }) => c.check === 'not_revoked')).toMatchObject({
      status: 'invalid',
      reason: 'revoked',
    });
    expect(other.code).toBe(0);

    const collected = await runWallet(['receive', issuedA.claim.url, '--lang', 'fr'], env);
    expect(collected.code).toBe(1);
    expect(collected.stderr.trim()).toBe("L'établissement a révoqué cette attestation : il n'y a rien à retirer.");
  });

  it('list says where each credential stands from the last checks: 1 revoked (when and why), 2 valid', async () => {
    const listed = await runWallet(['list'], env);
    expect(listed.code).toBe(0);
    const [heading, one, oneState, two, twoState] = listed.stdout.split('\n');
    expect(heading).toBe('Your wallet holds 2 credentials:');
    expect(one).toMatch(new RegExp(`^ 1\\. [0-9a-f]{8}  ${IN_WORDS.replace(/[()]/g, '\\$&')}$`));
    // The date once, written the reader's way; the reason from its code, in the reader's words.
    expect(oneState).toMatch(/^ {14}REVOKED on [A-Z][a-z]+ \d{1,2}, \d{4} \(withdrawn by the assessment body\)$/);
    const french = await runWallet(['list', '--lang', 'fr'], env);
    expect(french.stdout.split('\n')[2]).toMatch(
      /^ {14}RÉVOQUÉE le \d{1,2} [a-zéû]+ \d{4} \(retirée par l'organisme d'évaluation\)$/,
    );
    expect(two).toContain(IN_WORDS);
    expect(twoState).toMatch(/^ {14}valid when checked on [A-Z][a-z]+ \d{1,2}, \d{4}$/);
    expect(listed.stdout).not.toContain('did:');
    const asJson = json(await runWallet(['list', '--json'], env));
    expect(asJson.credentials[0].state).toMatchObject({ state: 'revoked', reason: 'withdrawnByAssessmentBody' });
    expect(asJson.credentials[0].state).not.toHaveProperty('why');
    expect(asJson.credentials[0].institution).toEqual({ name: 'Skillmark Demo Training Centre', namedBy: 'registry' });
  });

  it('status checks every credential against the ledger: exit 4 while one is revoked, one line each', async () => {
    const fresh = { ...env, SKILLMARK_WALLET_DIR: join(scratch, 'status-wallet') };
    const [status, nowhere] = await Promise.all([
      runWallet(['status'], env),
      runWallet(['status'], { ...env, SKILLMARK_VERIFIER_URL: `http://127.0.0.1:${await freePort()}` }),
    ]);
    expect(status.code, said(status)).toBe(4);
    const lines = status.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^ 1\. [0-9a-f]{8} {2}Amina Yusuf, .*: REVOKED on [A-Z][a-z]+ \d{1,2}, \d{4} \(withdrawn by the assessment body\)$/,
    );
    expect(lines[1]).toMatch(/^ 2\. [0-9a-f]{8} {2}Amina Yusuf, .*: valid when checked on [A-Z][a-z]+ \d{1,2}, \d{4}$/);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('Cannot reach');
    expect((await runWallet(['status'], fresh)).code).toBe(1);
  });

  it('share 2 --out writes a file the verifier accepts as it is (POST /credentials/verify): valid, with who and what', async () => {
    const file = join(scratch, 'for-the-employer.json');
    const shared = await runWallet(['share', '2', '--out', file], env);
    expect(shared.code, said(shared)).toBe(0);
    expect(shared.stdout).toContain(IN_WORDS);
    const request = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(request)).toEqual(['verifiableCredential', 'options']);
    const verified = await postJson(`${system.verifierUrl}/credentials/verify`, request);
    expect(verified.status).toBe(200);
    expect(verified.body.verdict).toBe('valid');
    expect(verified.body.summary).toMatchObject({
      learnerName: 'Amina Yusuf',
      institution: { name: 'Skillmark Demo Training Centre' },
    });
    const revokedOne = join(scratch, 'revoked.json');
    expect((await runWallet(['share', '1', '--out', revokedOne], env)).code).toBe(0);
    const refused = await postJson(
      `${system.verifierUrl}/credentials/verify`,
      JSON.parse(readFileSync(revokedOne, 'utf8')),
    );
    expect(refused.body.verdict).toBe('invalid');
    const missing = await runWallet(['share', '2'], env);
    expect(missing.code).toBe(2);
  });
});
