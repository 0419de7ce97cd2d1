/**
 * Text that came from someone else (a credential, a server's answer) made safe to print on a
 * terminal or in a log: control characters could move the cursor, rewrite earlier lines, ring the
 * bell, end a log line early or reverse the reading order, whoever signed the text.
 */

/**
 * C0 controls (NUL, BEL, ESC...), DEL, C1 controls (CSI U+009B among them), the Unicode line and
 * paragraph separators, and the bidirectional marks, embeddings, overrides and isolates.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const escaped = (char: string) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`;

/** The text on one line, every unsafe character shown as its escape (`\u001b`), so nothing is hidden. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/** Like `printable`, but keeps line breaks, for text printed over several lines. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/**
 * JSON for a terminal or a log: the same document for a parser (unsafe characters become JSON
 * `\u` escapes, which decode to the same string), but nothing in it acts on the terminal.
 */
export function printableJson(value: unknown, indent?: number): string {
  // JSON.stringify escapes C0 controls inside strings, so a raw line break is layout; C1 controls
  // and bidirectional marks pass through raw, and only inside strings, where `\uXXXX` is valid.
  return printableLines(JSON.stringify(value, null, indent));
}
