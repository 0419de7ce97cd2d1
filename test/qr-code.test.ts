/**
 * A credential in one QR code, as people use it: the learner's wallet draws the QR code of a real
 * issued credential to a PNG, an independent decoder (zbarimg, from Debian's zbar-tools) reads it
 * back, and the employer's verifier checks what was read. Tampered and hostile texts are refused.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { encode as base45 } from '@digitalbazaar/base45';
import { encode as cbor } from 'cborg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFLATE_DICTIONARY } from '../core/qr-bundle/format.ts';
import { decodeQrBundle, encodeQrBundle, qrVersionAtM } from '../core/qr-bundle/index.ts';
import type { Reply } from './support/http.ts';
import {
  type CliResult,
  claimWhenAnchored,
  issue,
  postJson,
  qualificationRequest,
  type RunningSystem,
  runWallet,
  startSystem,
  tempDir,
} from './support/system.ts';

const run = promisify(execFile);

let system: RunningSystem;
let scratch: string;
let env: Record<string, string>;
let issued: any;

const said = (result: CliResult) => `exit ${result.code}\n${result.stdout}\n${result.stderr}`;
const verify = (text: string, headers: Record<string, string> = {}): Promise<Reply> =>
  fetch(`${system.verifierUrl}/credentials/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ verifiableCredential: text }),
  }).then(async (response) => ({ status: response.status, body: await response.json() }) as Reply);

/** What zbarimg reads from an image: the text of its one QR code. */
async function scan(image: string): Promise<string> {
  const { stdout } = await run('zbarimg', ['--raw', '--quiet', '-Sdisable', '-Sqrcode.enable', image]);
  return stdout.replace(/\n$/, '');
}

beforeAll(async () => {
  system = await startSystem();
  scratch = tempDir('skillmark-qr-');
  env = {
    SKILLMARK_WALLET_DIR: join(scratch, 'wallet'),
    SKILLMARK_WALLET_PASSPHRASE: 'a long learner passphrase',
    SKILLMARK_ISSUER_URL: system.issuerUrl,
    SKILLMARK_VERIFIER_URL: system.verifierUrl,
  };
  expect((await runWallet(['init'], env)).code).toBe(0);
  const learnerDid = (await runWallet(['did'], env)).stdout.trim();
  issued = (await issue(system, qualificationRequest({ id: learnerDid }))).body;
  await claimWhenAnchored(issued.claim.url);
  const received = await runWallet(['receive', issued.claim.url], env);
  expect(received.code, said(received)).toBe(0);
});

afterAll(async () => {
  await system?.destroy();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the QR code of a real credential, printed and scanned', () => {
  let scanned: string;

  it('the wallet writes a PNG that zbarimg reads back as the text the issuer gives', async () => {
    const png = join(scratch, 'credential.png');
    const result = await runWallet(['qr', '1', '--png', png], env);
    expect(result.code, said(result)).toBe(0);
    expect(result.stdout).toMatch(/Wrote the QR code of credential [0-9a-f]{8} to .*credential\.png \(version \d+/);
    scanned = await scan(png);
    const record = await fetch(`${system.issuerUrl}/credentials/${issued.credentialId}`, {
      headers: { authorization: `Bearer ${system.adminToken}` },
    }).then((r) => r.json());
    expect(scanned).toBe(record.qr);
    // The README's example credential, from a batch of up to ANCHOR_BATCH_SIZE: small enough for cheap phones.
    expect(qrVersionAtM(scanned)).toBeLessThanOrEqual(25);
  });

  it('the verifier finds what was scanned valid, and says the holder was not checked', async () => {
    const reply = await verify(scanned);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.verdict).toBe('valid');
    expect(reply.body.checks.find((c: any) => c.check === 'anchored')).toMatchObject({ status: 'valid' });
    expect(reply.body.checks.at(-1)).toEqual({
      check: 'holder',
      status: 'skipped',
      reason: 'holder_not_checked',
      message: 'The holder was not checked: compare the name with an identity document.',
    });
    expect(reply.body.credential.credentialSubject.name).toBe('Amina Yusuf');
    const inFrench = await verify(scanned, { 'accept-language': 'fr' });
    expect(inFrench.body.checks.at(-1).message).toMatch(/pièce d'identité/);
  });

  it('a changed name, under the same signature, is invalid', async () => {
    const bundle = decodeQrBundle(scanned);
    const [header, payload, signature] = bundle.credential.split('.');
    const changed = Buffer.from(payload!, 'base64url').toString('utf8').replace('Amina Yusuf', 'Amina Yusef');
    const forged = encodeQrBundle({
      ...bundle,
      credential: `${header}.${Buffer.from(changed).toString('base64url')}.${signature}`,
    });
    const reply = await verify(forged);
    expect(reply.status).toBe(422);
    expect(reply.body.verdict).toBe('invalid');
    expect(reply.body.checks.find((c: any) => c.check === 'signature').status).toBe('invalid');
  });

  it('any one character changed is refused or invalid, never valid or a server error', async () => {
    const replies = await Promise.all(
      [10, 200, 600, scanned.length - 2].map((at) =>
        verify(scanned.slice(0, at) + (scanned[at] === '0' ? '1' : '0') + scanned.slice(at + 1)),
      ),
    );
    for (const reply of replies) expect([400, 422]).toContain(reply.status);
  });
});

describe('hostile QR texts are refused with a 400 saying why', () => {
  const textOf = (binary: Uint8Array) =>
    `SM1:${base45(new Uint8Array(deflateRawSync(binary, { dictionary: DEFLATE_DICTIONARY })))}`;
  const cases: [string, string, RegExp][] = [
    ['another version', 'SM9:ABC', /version 9/],
    ['bad base45', 'SM1:ABCD', /base45/],
    ['lowercase', 'SM1:abc', /base45/],
    ['a decompression bomb', textOf(Buffer.alloc(2_000_000)), /inflates to more than 65536 bytes/],
    ['not CBOR', textOf(Buffer.from([0xff])), /CBOR/],
    ['items of the wrong type', textOf(cbor(['a', 'b', 'c', 1, 2, 3, 4, 5, 6])), /item 0 \(header\)/],
  ];
  for (const [name, text, detail] of cases) {
    it(name, async () => {
      const reply = await postJson(`${system.verifierUrl}/credentials/verify`, { verifiableCredential: text });
      expect(reply.status, JSON.stringify(reply.body)).toBe(400);
      expect(reply.body.title).toMatch(/QR code/);
      expect(reply.body.detail).toMatch(detail);
    });
  }
});

describe('skillmark-wallet qr', () => {
  it('--text prints the text, --json describes it, --svg writes an image, and without an option it draws it', async () => {
    const svg = join(scratch, 'credential.svg');
    const [text, described, image, drawn] = await Promise.all([
      runWallet(['qr', '1', '--text'], env),
      runWallet(['qr', '1', '--json'], env),
      runWallet(['qr', '1', '--svg', svg], env),
      runWallet(['qr', '1'], env),
    ]);
    for (const result of [text, described, image, drawn]) expect(result.code, said(result)).toBe(0);
    const qr = text.stdout.trim();
    expect(decodeQrBundle(qr).anchorReceipt.credentialHash).toBe(issued.credentialHash);
    expect(JSON.parse(described.stdout)).toMatchObject({
      text: qr,
      characters: qr.length,
      version: qrVersionAtM(qr),
      errorCorrection: 'M',
    });
    expect(readFileSync(svg, 'utf8')).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(drawn.stdout).toMatch(/[▀▄█]/);
    expect(drawn.stdout).toMatch(/QR version \d+/);
  });

  it('--help teaches; two outputs at once or no credential named are usage errors', async () => {
    const [help, both, none] = await Promise.all([
      runWallet(['qr', '--help'], env),
      runWallet(['qr', '1', '--text', '--svg', join(scratch, 'x.svg')], env),
      runWallet(['qr'], env),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: skillmark-wallet qr');
    expect(help.stdout).toMatch(/--png <value>/);
    expect(help.stdout).toMatch(/holder was not checked/);
    expect(both.code).toBe(2);
    expect(none.code).toBe(2);
  });
});
