import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../test/support/tls-certificate.ts';
import { ConfigError, loadConfig } from './config.ts';

describe('VERIFIER_PUBLIC_URL, the address printed on certificates', () => {
  it('is unset by default, and kept without its trailing slash when given', () => {
    expect(loadConfig({}).verifierPublicUrl).toBeUndefined();
    expect(loadConfig({ VERIFIER_PUBLIC_URL: ' https://verify.example.org/ ' }).verifierPublicUrl).toBe(
      'https://verify.example.org',
    );
  });

  it('must be an http or https address a person can type', () => {
    for (const value of ['verify.example.org', 'javascript:alert(1)', 'ftp://verify.example.org'])
      expect(() => loadConfig({ VERIFIER_PUBLIC_URL: value })).toThrow(ConfigError);
  });
});

describe('TLS_CERT_FILE and TLS_KEY_FILE: HTTPS for the issuer and the verifier', () => {
  const pair = selfSignedCertificate();
  const other = selfSignedCertificate();
  const notPem = join(dirname(pair.certFile), 'not-pem.txt');
  writeFileSync(notPem, 'plain text');

  it('neither: plain HTTP; both: the pair, read at start, and the claim links default to https', () => {
    expect(loadConfig({}).tls).toBeUndefined();
    const config = loadConfig({ TLS_CERT_FILE: pair.certFile, TLS_KEY_FILE: pair.keyFile, ISSUER_PORT: '4100' });
    expect(config.tls?.cert.toString()).toContain('-----BEGIN CERTIFICATE-----');
    expect(config.issuerPublicUrl).toBe('https://127.0.0.1:4100');
  });

  it.each<[string, Record<string, string>, string]>([
    ['one without the other', { TLS_CERT_FILE: 'cert.pem' }, 'TLS_CERT_FILE is set but TLS_KEY_FILE is not'],
    [
      'a file that cannot be read',
      { TLS_CERT_FILE: '/nonexistent/cert.pem', TLS_KEY_FILE: '/nonexistent/key.pem' },
      'TLS_CERT_FILE names /nonexistent/cert.pem, which cannot be read (ENOENT)',
    ],
    ['a file that is not PEM', { TLS_CERT_FILE: notPem, TLS_KEY_FILE: notPem }, 'which is not a PEM file'],
  ])('%s: a ConfigError naming the setting', (_, env, words) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(words);
  });

  it('a key that is not the certificate’s: a ConfigError at start, not a failed handshake later', () => {
    expect(() => loadConfig({ TLS_CERT_FILE: pair.certFile, TLS_KEY_FILE: other.keyFile })).toThrow(
      /TLS_CERT_FILE and TLS_KEY_FILE are not a usable certificate and key/,
    );
  });

  it('a key of another type than the certificate’s (RSA for an EC certificate), which TLS alone let through', () => {
    const rsaKey = join(mkdtempSync(join(tmpdir(), 'skillmark-rsa-')), 'rsa.pem');
    writeFileSync(
      rsaKey,
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    expect(() => loadConfig({ TLS_CERT_FILE: pair.certFile, TLS_KEY_FILE: rsaKey })).toThrow(
      "TLS_KEY_FILE is not the private key of TLS_CERT_FILE's certificate",
    );
  });
});

describe('SIGNING_THREADS, the threads that sign a cohort beside the main thread', () => {
  it('is one less than the cores by default, at least one, and a whole number from 1 to 256 when given', () => {
    expect(loadConfig({}).signingThreads).toBe(Math.max(1, availableParallelism() - 1));
    expect(loadConfig({ SIGNING_THREADS: '3' }).signingThreads).toBe(3);
    for (const value of ['0', '1.5', 'many', '257'])
      expect(() => loadConfig({ SIGNING_THREADS: value })).toThrow(
        `SIGNING_THREADS must be a whole number from 1 to 256, got "${value}"`,
      );
  });
});
