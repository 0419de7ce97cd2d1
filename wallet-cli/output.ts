import { printableJson } from '../core/printable.ts';

/** What the CLI prints: plain sentences for people, one JSON document with --json. */
export interface Output {
  json: boolean;
  /** --plain: no colour, no drawing, no symbols (screen readers, braille displays, old terminals). */
  plain: boolean;
  line(text?: string): void;
  result(value: unknown): void;
  ok(text: string): string;
  bad(text: string): string;
  unsure(text: string): string;
}

export function createOutput(json: boolean, plain = false, stream: NodeJS.WriteStream = process.stdout): Output {
  // NO_COLOR (no-color.org): any value but the empty one turns colour off.
  const color = !json && !plain && stream.isTTY && !process.env.NO_COLOR;
  const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  return {
    json,
    plain,
    line: (text = '') => {
      if (!json) stream.write(`${text}\n`);
    },
    result: (value) => {
      if (json) stream.write(`${printableJson(value, 2)}\n`);
    },
    ok: (text) => paint(32, text),
    bad: (text) => paint(31, text),
    unsure: (text) => paint(33, text),
  };
}
