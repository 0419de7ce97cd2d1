/**
 * `skillmark-wallet certificate N`: the issuer's printed certificate, fetched with the claim code
 * the credential was collected with, from a real started system.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printedPage } from '../test/support/printed-page.ts';
import {
  issue,
  qualificationRequest,
  type RunningSystem,
  runWallet,
  startSystem,
  tempDir,
} from '../test/support/system.ts';
import { selfSignedBundle } from './testing/self-signed.ts';

let system: RunningSystem;
let scratch: string;
let env: Record<string, string>;

beforeAll(async () => {
  system = await startSystem();
  scratch = tempDir('skillmark-wallet-certificate-');
  env = {
    SKILLMARK_WALLET_DIR: join(scratch, 'wallet'),
    SKILLMARK_WALLET_PASSPHRASE: 'a long learner passphrase',
    SKILLMARK_ISSUER_URL: system.issuerUrl,
  };
  const { did } = JSON.parse((await runWallet(['init', '--json'], env)).stdout);
  const issued = await issue(system, qualificationRequest({ id: did }));
  expect(issued.status).toBe(201);
  const received = await runWallet(['receive', issued.body.claim.url, '--wait', '60'], env);
  expect(received.code, received.stderr).toBe(0);
  const selective = await issue(system, { ...qualificationRequest({ id: did }), options: { format: 'sd-jwt-vc' } });
  expect(selective.status).toBe(201);
  const collected = await runWallet(['receive', selective.body.claim.url, '--wait', '60'], env);
  expect(collected.code, collected.stderr).toBe(0);
  const file = join(scratch, 'self-signed.json');
  writeFileSync(file, JSON.stringify(await selfSignedBundle(did)));
  expect((await runWallet(['receive', file], env)).code).toBe(0);
}, 120_000);

const pages: Awaited<ReturnType<typeof printedPage>>[] = [];
/** The PDF as poppler reads it (test/support/printed-page.ts). */
async function printed(file: string) {
  const page = await printedPage(readFileSync(file));
  pages.push(page);
  return page;
}

afterAll(async () => {
  for (const page of pages) page.remove();
  await system?.destroy();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('certificate', () => {
  it('downloads the certificate PDF of a credential collected with a claim code', async () => {
    const pdf = join(scratch, 'certificate.pdf');
    const result = await runWallet(['certificate', '1', '--out', pdf], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Certificate of credential [0-9a-f]{8} written to /);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await (await printed(pdf)).text()).toContain('This is to certify that');
  });

  it('prints it in the language the wallet speaks', async () => {
    const pdf = join(scratch, 'certificat.pdf');
    const result = await runWallet(['certificate', '1', '--out', pdf, '--lang', 'fr'], env);
    expect(result.code, result.stderr).toBe(0);
    const text = await (await printed(pdf)).text();
    expect(text).toContain('Nous certifions que');
    expect(text).toContain('30 juin 2026');
  });

  it('says what to do for a credential received from a file, and needs --out', async () => {
    const [fromFile, noOut] = await Promise.all([
      runWallet(['certificate', '3', '--out', join(scratch, 'x.pdf')], env),
      runWallet(['certificate', '1'], env),
    ]);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain('was not collected with a claim code');
    expect(fromFile.stderr).toContain('skillmark-wallet qr 3 --png');
    expect(noOut.code).toBe(2);
  });

  it('says that an SD-JWT credential has no printed certificate, and how to show it instead', async () => {
    const [english, french] = await Promise.all([
      runWallet(['certificate', '2', '--out', join(scratch, 'sd.pdf')], env),
      runWallet(['certificate', '2', '--out', join(scratch, 'sd.pdf'), '--lang', 'fr'], env),
    ]);
    expect(english.code).toBe(1);
    expect(english.stderr).toMatch(/^An SD-JWT credential has no printed certificate: .* "present --disclose"/);
    expect(french.stderr).toMatch(/^Une attestation SD-JWT n'a pas de certificat imprimé/);
    expect(english.stderr + french.stderr).not.toContain('HTTP');
  });
});
