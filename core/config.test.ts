import { describe, expect, it } from 'vitest';
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
