/**
 * How the wallet prints a verifier's answer for a person. No server: the answers are made of the
 * verifier's own check fragments, worded in the language asked for, as `Accept-Language` gets them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { message } from '../core/messages/index.ts';
import { fragment } from '../verifier/fragment.ts';
import type { Output } from './output.ts';
import { reportVerification } from './verification-report.ts';
import { speak } from './words.ts';

afterAll(() => speak({ tag: 'en', locale: 'en' }));

/** An Output that keeps the lines printed, without colour. */
function captured(): { out: Output; lines: string[] } {
  const lines: string[] = [];
  const same = (text: string) => text;
  return {
    lines,
    out: {
      json: false,
      plain: true,
      line: (text = '') => lines.push(text),
      result: () => {},
      ok: same,
      bad: same,
      unsure: same,
    },
  };
}

/** The verifier's answer on a revoked credential, its sentences in `language`. */
function revokedAnswer(language: string) {
  const worded = (f: ReturnType<typeof fragment>, params: Record<string, string | number>) => ({
    ...f,
    message: message(f.reason, params, language),
  });
  const anchoredParams = { chainId: 31337, anchoredAt: '2026-12-01T10:04:48.000Z' };
  const revokedParams = { revokedAt: '2026-12-01T10:05:38.000Z', reasonName: 'issuedInError' };
  return {
    verdict: 'invalid',
    checks: [
      worded(fragment('anchored', 'valid', 'anchored', anchoredParams), anchoredParams),
      worded(fragment('not_revoked', 'invalid', 'revoked', revokedParams), revokedParams),
    ],
  };
}

describe("a verifier's answer, printed", () => {
  it("writes the moments in its sentences the language's way, as the verification page does", () => {
    speak({ tag: 'fr', locale: 'fr' });
    const { out, lines } = captured();
    reportVerification(out, 422, revokedAnswer('fr'));
    const printed = lines.join('\n');
    expect(printed).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(printed).toContain('depuis le 1 décembre 2026 à 10:04 UTC.');
    expect(printed).toContain('révoqué cette attestation le 1 décembre 2026 à 10:05 UTC');

    speak({ tag: 'en', locale: 'en' });
    const english = captured();
    reportVerification(english.out, 422, revokedAnswer('en'));
    expect(english.lines.join('\n')).toContain('since December 1, 2026 at 10:04 AM UTC.');
  });
});
