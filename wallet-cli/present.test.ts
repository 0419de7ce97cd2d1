/**
 * `skillmark-wallet present` with a challenge (issue 7 item 18), the real CLI as a child process
 * against a running system: a challenge starting with "-" is taken in both spellings, a challenge
 * given without --out is the one sent (and pinned), and the README's offline hand-over works as
 * written: the learner writes the presentation to a file and the employer verifies it with the
 * challenge they created.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliResult,
  claimWhenAnchored,
  issue,
  PROJECT_ROOT,
  postJson,
  qualificationRequest,
  type RunningSystem,
  runWallet,
  startSystem,
  tempDir,
} from '../test/support/system.ts';
import { joinDashValues, type OptionSpec } from './command.ts';
import { onTerminal } from './testing/terminal.ts';

let system: RunningSystem;
let scratch: string;
let env: Record<string, string>;
let learnerDid: string;

const said = (result: CliResult) => `exit ${result.code}\n${result.stdout}\n${result.stderr}`;
const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
const challengeCheck = (body: { checks: { check: string; reason: string }[] }) =>
  body.checks.find((c) => c.check === 'challenge');
/** What the employer does: POST /challenges, and keep the challenge. */
async function employersChallenge(): Promise<string> {
  const reply = await postJson(`${system.verifierUrl}/challenges`, {});
  expect(reply.status).toBe(201);
  return reply.body.challenge;
}
const employerVerifies = (jwt: string, options?: Record<string, string>) =>
  postJson(`${system.verifierUrl}/presentations/verify`, {
    verifiablePresentation: jwt,
    ...(options ? { options } : {}),
  });

beforeAll(async () => {
  system = await startSystem();
  scratch = tempDir('skillmark-present-');
  env = {
    SKILLMARK_WALLET_DIR: join(scratch, 'wallet'),
    SKILLMARK_WALLET_PASSPHRASE: 'a long learner passphrase',
    SKILLMARK_ISSUER_URL: system.issuerUrl,
    SKILLMARK_VERIFIER_URL: system.verifierUrl,
  };
  const init = await runWallet(['init', '--json'], env);
  expect(init.code, said(init)).toBe(0);
  learnerDid = JSON.parse(init.stdout).did;
  const issued = await issue(system, qualificationRequest({ id: learnerDid }));
  expect(issued.status).toBe(201);
  await claimWhenAnchored(issued.body.claim.url);
  const received = await runWallet(['receive', issued.body.claim.url], env);
  expect(received.code, said(received)).toBe(0);
}, 120_000);

afterAll(async () => {
  await system?.destroy();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the offline hand-over of the README', () => {
  it("the learner writes the presentation for the employer's challenge; the employer verifies it pinning that challenge, once", async () => {
    const challenge = await employersChallenge();
    const file = join(scratch, 'presentation.jwt');
    const written = await runWallet(['present', '1', '--challenge', challenge, '--out', file], env);
    expect(written.code, said(written)).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const jwt = readFileSync(file, 'utf8').trim();
    expect(payloadOf(jwt).nonce).toBe(challenge);

    // Sent as it is, without the employer's challenge, it is not accepted (and not used up).
    const unpinned = await employerVerifies(jwt);
    expect(unpinned.status).toBe(422);
    expect(challengeCheck(unpinned.body)).toMatchObject({ status: 'invalid', reason: 'challenge_not_pinned' });

    const verified = await employerVerifies(jwt, { challenge });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body.verdict).toBe('valid');
    const replay = await employerVerifies(jwt, { challenge });
    expect(challengeCheck(replay.body)).toMatchObject({ status: 'invalid', reason: 'challenge_already_used' });
  });

  it("the README's own commands, run as written (learner: present --out; employer: curl with their challenge)", async () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const learner = blocks.find((b) => b.includes('--out presentation.jwt'))!.trim();
    const employer = blocks.find((b) => b.includes('$(cat presentation.jwt)'))!;
    expect(learner).toBe('npx skillmark-wallet present 1 --challenge <challenge> --out presentation.jwt');
    const challenge = await employersChallenge();
    const written = await runWallet(
      learner
        .replace('npx skillmark-wallet ', '')
        .replace('<challenge>', challenge)
        .replace('presentation.jwt', join(scratch, 'presentation.jwt'))
        .split(' '),
      env,
    );
    expect(written.code, said(written)).toBe(0);
    const script = employer
      .replaceAll('http://127.0.0.1:4200', system.verifierUrl)
      .replace('<the challenge you gave>', challenge);
    const answer = await new Promise<string>((done, fail) =>
      execFile('bash', ['-c', script], { cwd: scratch }, (error, stdout) => (error ? fail(error) : done(stdout))),
    );
    expect(JSON.parse(answer)).toMatchObject({ verified: true, verdict: 'valid' });
  });

  it('a challenge starting with "-" is taken as written, in both spellings', async () => {
    for (const args of [['--challenge', '-dash-first_Qw'], ['--challenge=-dash-first_Qw']]) {
      const file = join(scratch, `dash-${args.length}.jwt`);
      const result = await runWallet(['present', '1', ...args, '--out', file], env);
      expect(result.code, said(result)).toBe(0);
      expect(payloadOf(readFileSync(file, 'utf8').trim()).nonce).toBe('-dash-first_Qw');
    }
  });

  it("--domain binds the presentation to the employer's domain, checked when they pass it", async () => {
    const challenge = await employersChallenge();
    const file = join(scratch, 'with-domain.jwt');
    const result = await runWallet(
      ['present', '1', '--challenge', challenge, '--domain', 'hr.employer.example', '--out', file],
      env,
    );
    expect(result.code, said(result)).toBe(0);
    const jwt = readFileSync(file, 'utf8').trim();
    expect([payloadOf(jwt).aud].flat()).toEqual(['hr.employer.example']);
    const verified = await employerVerifies(jwt, { challenge, domain: 'hr.employer.example' });
    expect(verified.status, verified.text).toBe(200);
  });
});

describe('present --challenge without --out', () => {
  it('sends the presentation for that challenge, pinned: the challenge is used up, no other is asked for', async () => {
    const challenge = await employersChallenge();
    const result = await runWallet(['present', '1', '--challenge', challenge, '--json'], env);
    expect(result.code, said(result)).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(challengeCheck(answer)).toMatchObject({
      status: 'valid',
      reason: 'challenge_valid',
      details: { challenge },
    });
  });

  it('a challenge starting with "-" is sent as written (this verifier never issued it: challenge_unknown, exit 4)', async () => {
    for (const args of [['--challenge', '-not-from-here'], ['--challenge=-not-from-here']]) {
      const result = await runWallet(['present', '1', ...args, '--json'], env);
      expect(result.code, said(result)).toBe(4);
      expect(challengeCheck(JSON.parse(result.stdout))).toMatchObject({
        status: 'invalid',
        reason: 'challenge_unknown',
      });
    }
  });

  it('an option where the challenge should be is still a usage error (exit 2)', async () => {
    const result = await runWallet(['present', '1', '--challenge', '--json'], env);
    expect(result.code, said(result)).toBe(2);
    expect(result.stderr).toMatch(/--challenge/);
  });
});

describe('joinDashValues', () => {
  const options: Record<string, OptionSpec> = {
    challenge: { type: 'string', description: 'opt_challenge' },
    out: { type: 'string', description: 'opt_out_presentation' },
    json: { type: 'boolean', description: 'opt_json' },
    help: { type: 'boolean', short: 'h', description: 'opt_help' },
  };

  it('joins a string option and a value starting with "-"', () => {
    expect(joinDashValues(['1', '--challenge', '-abc', '--out', 'f'], options)).toEqual([
      '1',
      '--challenge=-abc',
      '--out',
      'f',
    ]);
    expect(joinDashValues(['--challenge', '--'], options)).toEqual(['--challenge', '--']);
  });

  it('leaves options, boolean flags, "=" spellings and everything after "--" alone', () => {
    expect(joinDashValues(['--challenge', '--json'], options)).toEqual(['--challenge', '--json']);
    expect(joinDashValues(['--challenge', '-h'], options)).toEqual(['--challenge', '-h']);
    expect(joinDashValues(['--json', '-x'], options)).toEqual(['--json', '-x']);
    expect(joinDashValues(['--challenge=-a', '-b'], options)).toEqual(['--challenge=-a', '-b']);
    expect(joinDashValues(['--', '--challenge', '-a'], options)).toEqual(['--', '--challenge', '-a']);
  });
});

describe('an SD-JWT VC, presented with the details the learner picks (issue 13)', () => {
  const TITLE = 'National Certificate in Electrical Installation';
  let bundle: { credential: string };
  const checkOf = (checks: { check: string }[], name: string) => checks.find((c) => c.check === name);

  beforeAll(async () => {
    const issued = await issue(system, {
      ...qualificationRequest({ id: learnerDid, learnerReference: 'L-2026-0042' }),
      options: { format: 'sd-jwt-vc' },
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.format).toBe('sd-jwt-vc');
    expect(issued.body.verifiableCredential.id).toMatch(/^data:application\/dc\+sd-jwt,ey[^~]+~/);
    bundle = await claimWhenAnchored(issued.body.claim.url);
    // The learner's claim page shows it without a QR code (which would show every detail): the wallet collects it.
    const page = await fetch(issued.body.claim.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`skillmark-wallet receive ${issued.body.claim.code}`);
    for (const [url, headers] of [
      [
        `${system.issuerUrl}/credentials/${issued.body.credentialId}/certificate.pdf`,
        { authorization: `Bearer ${system.adminToken}` },
      ],
      [`${issued.body.claim.url}/certificate.pdf`, {}],
    ] as const) {
      const certificate = await fetch(url, { headers });
      expect(certificate.status).toBe(409);
      expect((await certificate.json()).title).toBe('No certificate for a credential shown detail by detail');
    }
    const received = await runWallet(['receive', issued.body.claim.url], env);
    expect(received.code, said(received)).toBe(0);
  }, 60_000);

  it('issued through the API, received, presented with --disclose: the verifier sees only those details, and all checks hold', async () => {
    const result = await runWallet(
      ['present', '2', '--disclose', 'qualification,awardedOn,competency:2', '--json'],
      env,
    );
    expect(result.code, said(result)).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.verdict).toBe('valid');
    expect(answer.holder).toBe(learnerDid);
    const [credential] = answer.credentials;
    expect(credential.credential.credentialSubject).toEqual({
      id: learnerDid,
      qualification: {
        title: TITLE,
        level: { framework: 'EQF', value: '4' },
        occupation: { title: 'Electrician', code: '7411', framework: 'ISCO-08' },
        awardedOn: expect.any(String),
        competencies: [{ title: 'Test and inspect circuits' }],
      },
    });
    expect(result.stdout).not.toMatch(/Amina|L-2026-0042|Install low-voltage/);
    expect(checkOf(credential.checks, 'signature')).toMatchObject({ status: 'valid', reason: 'signature_valid' });
    expect(checkOf(credential.checks, 'anchored')).toMatchObject({ status: 'valid', reason: 'anchored' });
    expect(checkOf(answer.checks, 'presentation_signature')).toMatchObject({
      status: 'valid',
      reason: 'presentation_signature_valid',
    });
    expect(checkOf(answer.checks, 'challenge')).toMatchObject({ status: 'valid', reason: 'challenge_valid' });
    expect(checkOf(answer.checks, 'holder_binding')).toMatchObject({ status: 'valid', reason: 'holder_is_subject' });
  });

  it('written with --out for the employer: verified once; sent again it is a replay; changed or unbound it is invalid', async () => {
    const challenge = await employersChallenge();
    const file = join(scratch, 'selective.sd-jwt');
    const written = await runWallet(
      [
        'present',
        '2',
        '--challenge',
        challenge,
        '--domain',
        'hr.employer.example',
        '--disclose',
        'name',
        '--out',
        file,
      ],
      env,
    );
    expect(written.code, said(written)).toBe(0);
    const presentation = readFileSync(file, 'utf8').trim();
    const options = { challenge, domain: 'hr.employer.example' };
    const first = await employerVerifies(presentation, options);
    expect(first.status, first.text).toBe(200);
    expect(first.body.credentials[0].credential.credentialSubject).toMatchObject({ name: 'Amina Yusuf' });
    expect(first.text).not.toMatch(/L-2026-0042|Install low-voltage/);

    const replay = await employerVerifies(presentation, options);
    expect(replay.body.verdict).toBe('invalid');
    expect(checkOf(replay.body.checks, 'challenge')).toMatchObject({ reason: 'challenge_already_used' });

    // The learner's reference added from the credential as issued: the key binding does not cover it.
    const reference = bundle.credential
      .split('~')
      .find((d) => Buffer.from(d, 'base64url').toString().includes('L-2026-0042')) as string;
    const [jwt, ...rest] = presentation.split('~');
    const widened = [jwt as string, reference, ...rest].join('~');
    const fresh = await employersChallenge();
    const added = await employerVerifies(widened, { challenge: fresh, domain: 'hr.employer.example' });
    expect(added.body.verdict).toBe('invalid');
    expect(checkOf(added.body.checks, 'presentation_signature')).toMatchObject({ reason: 'key_binding_mismatch' });

    const unbound = await employerVerifies(presentation.slice(0, presentation.lastIndexOf('~') + 1), {
      challenge: fresh,
    });
    expect(unbound.body.verdict).toBe('invalid');
    expect(checkOf(unbound.body.checks, 'presentation_signature')).toMatchObject({ reason: 'key_binding_missing' });
  });

  it('share writes only the details chosen; verify asks where it stands sending none of them', async () => {
    const file = join(scratch, 'shared.json');
    const shared = await runWallet(['share', '2', '--out', file, '--disclose', 'competency:1'], env);
    expect(shared.code, said(shared)).toBe(0);
    const request = JSON.parse(readFileSync(file, 'utf8'));
    expect(request.verifiableCredential.split('~')).toHaveLength(3);
    const verified = await postJson(`${system.verifierUrl}/credentials/verify`, request);
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body.credential.credentialSubject.qualification.competencies).toEqual([
      { title: 'Install low-voltage wiring' },
    ]);
    expect(verified.text).not.toMatch(/Amina|L-2026-0042|Test and inspect/);

    const checked = await runWallet(['verify', '2', '--json'], env);
    expect(checked.code, said(checked)).toBe(0);
    expect(checked.stdout).not.toMatch(/Amina|L-2026-0042|Install low-voltage/);
  });

  it('on a terminal without --disclose, the wallet asks detail by detail and shows only those answered yes', async () => {
    const challenge = await employersChallenge();
    const file = join(scratch, 'asked.sd-jwt');
    const asked = await onTerminal(
      ['present', '2', '--challenge', challenge, '--domain', 'hr.employer.example', '--out', file],
      env,
      [
        ['Show your name (Amina Yusuf) to the verifier? [y/N]', 'n'],
        ['Show your learner number (L-2026-0042) to the verifier? [y/N]', 'y'],
        ['Show competency 1 (Install low-voltage wiring) to the verifier? [y/N]', 'yes'],
        ['Show competency 2 (Test and inspect circuits) to the verifier? [y/N]', ''],
      ],
    );
    expect(asked.code, asked.output).toBe(0);
    const verified = await employerVerifies(readFileSync(file, 'utf8').trim(), {
      challenge,
      domain: 'hr.employer.example',
    });
    expect(verified.status, verified.text).toBe(200);
    const subject = verified.body.credentials[0].credential.credentialSubject;
    expect(subject).toMatchObject({
      learnerReference: 'L-2026-0042',
      qualification: { competencies: [{ title: 'Install low-voltage wiring' }] },
    });
    expect(verified.text).not.toMatch(/Amina|Test and inspect/);
  });

  it('a name the credential cannot show, or --disclose for a credential shown whole, is a usage error; no QR code is made of it', async () => {
    const unknown = await runWallet(['present', '2', '--disclose', 'grades'], env);
    expect(unknown.code, said(unknown)).toBe(2);
    expect(unknown.stderr).toMatch(/grades[\s\S]*name, learnerReference, competency:1, competency:2/);
    const whole = await runWallet(['present', '1', '--disclose', 'name'], env);
    expect(whole.code, said(whole)).toBe(2);
    const qr = await runWallet(['qr', '2', '--text'], env);
    expect(qr.code, said(qr)).toBe(1);
    expect(qr.stderr).toMatch(/SD-JWT credential is not made into a QR code/);
  });

  it('with other credentials, it names the SD-JWT one and says to present it on its own', async () => {
    const together = await runWallet(['present', '1', '2'], env);
    expect(together.code, said(together)).toBe(2);
    expect(together.stderr).toContain(
      'Credential 2 lets you choose what to show (SD-JWT), so it is presented on its own: skillmark-wallet present 2;',
    );
  });
});
