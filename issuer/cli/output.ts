import { printableJson, printableLines } from '../../core/printable.ts';

/** Sentences for the registrar on stdout, or, with --json, one JSON document for a script. */
export interface Output {
  readonly json: boolean;
  line(text?: string): void;
  result(value: unknown): void;
}

export function createOutput(json: boolean, write: (text: string) => void): Output {
  return {
    json,
    // What the issuer sends back (names, titles) is someone else's text: nothing in it may act on the terminal.
    line: (text = '') => {
      if (!json) write(`${printableLines(text)}\n`);
    },
    result: (value) => {
      if (json) write(`${printableJson(value, 2)}\n`);
    },
  };
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
