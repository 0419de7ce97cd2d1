import { describe, expect, it } from 'vitest';
import { printable, printableJson, printableLines } from './printable.ts';

const HOSTILE = 'A\u001b[2J\u0007\u0000B\u202eC\u009bD\u2066E\u2028F\u007f';

describe('printable', () => {
  it('shows ESC, BEL, NUL, DEL, C1, bidirectional controls and line separators as escapes', () => {
    expect(printable(HOSTILE)).toBe('A\\u001b[2J\\u0007\\u0000B\\u202eC\\u009bD\\u2066E\\u2028F\\u007f');
  });

  it('leaves ordinary text of every script alone', () => {
    const text = 'Électricien — 电工 — كهربائي — Installer 1 × 2';
    expect(printable(text)).toBe(text);
  });

  it('printable puts a line break on the line; printableLines keeps it', () => {
    expect(printable('a\nb\r')).toBe('a\\u000ab\\u000d');
    expect(printableLines('a\nb\u001b')).toBe('a\nb\\u001b');
  });

  it('printableJson is the same document for a parser, with nothing raw a terminal acts on', () => {
    const value = { title: HOSTILE, list: ['\u0085', 'ok'] };
    const text = printableJson(value, 2);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028]/);
  });
});
