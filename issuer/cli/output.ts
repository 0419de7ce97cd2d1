import { printableJson, printableLines } from '../../core/printable.ts';

/** Sentences for the registrar on stdout, or, with --json, one JSON document for a script. */
export interface Output {
  readonly json: boolean;
  line(text?: string): void;
  result(value: unknown): void;
  /**
   * A file's bytes on stdout exactly as `--out` would write them (a CSV, a page, a signed report),
   * so that `> file` gives the same file: nothing escaped, nothing added.
   */
  data(body: string | Uint8Array): void;
  /** A warning or a side remark on stderr, with or without --json, so that stdout stays the data. */
  note(text: string): void;
}

export function createOutput(
  json: boolean,
  write: (text: string | Uint8Array) => void,
  writeErr: (text: string) => void,
): Output {
  return {
    json,
    // What the issuer sends back (names, titles) is someone else's text: nothing in it may act on the terminal.
    line: (text = '') => {
      if (!json) write(`${printableLines(text)}\n`);
    },
    result: (value) => {
      if (json) write(`${printableJson(value, 2)}\n`);
    },
    data: (body) => write(body),
    note: (text) => writeErr(`${printableLines(text)}\n`),
  };
}

/** "1 row", "2 rows", "0 rows": a count with its noun, singular or plural. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Rows as aligned columns, for lists a registrar reads down. */
export function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}
