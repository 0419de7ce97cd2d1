import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig } from '../../../core/config.ts';
import { TrustConfigError, trustFromEnvironment } from '../../../verifier/index.ts';
import { aggregateSignedReports, ReportsRefused } from '../../reports/aggregate.ts';
import type { OccupationReport } from '../../reports/occupation-table.ts';
import { REPORT_FORMATS, type ReportFormat, renderOccupationReport } from '../../reports/render.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { CliContext, CliSession } from '../context.ts';
import { languageOption } from '../language-option.ts';
import { count, table } from '../output.ts';
import { writeOutputFile } from '../output-file.ts';

function quarter(value: string): string {
  if (!/^\d{4}-Q[1-4]$/.test(value)) throw new InvalidArgumentError('write it as YEAR-Qn, e.g. 2026-Q2.');
  return value;
}

const formatOption = () =>
  new Option(
    '--format <format>',
    'print or write the data as json, csv or html (a page with a bar chart); without it, a table to read (with --out, json)',
  ).choices(REPORT_FORMATS);
const htmlLanguageOption = () => languageOption('the language of the html page');

/** The table as the registrar reads it in a terminal: rank, occupation, people, share. */
function printTable(session: CliSession, report: OccupationReport): void {
  const threshold = report.suppressionThreshold;
  session.out.line(
    report.total === null
      ? `${report.quarter}: fewer than ${threshold} people awarded a qualification (the number is suppressed)`
      : report.total === 0
        ? `${report.quarter}: no qualification awarded`
        : `${report.quarter}: ${count(report.total, 'person', 'people')} awarded a qualification`,
  );
  if (report.rows.length === 0) return;
  const shown = (n: number | null) => (n === null ? 'suppressed' : String(n));
  const rows = report.rows.map((row) => [
    String(row.rank),
    [row.occupation.code, row.occupation.title].filter(Boolean).join(' '),
    shown(row.total),
    row.share === null ? 'suppressed' : `${row.share.toFixed(2)}%`,
  ]);
  for (const line of table([['rank', 'occupation', 'people', 'share'], ...rows])) session.out.line(line);
  session.out.line(`Counts below ${threshold} are suppressed so that nobody can be singled out (docs/reports.md).`);
}

/** Writes the answer to --out, or prints it byte for byte (`> q2.csv` gives what `--out q2.csv` writes). */
function deliver(session: CliSession, body: string, out: string | undefined, what: string): void {
  if (out) {
    writeOutputFile(out, body);
    session.out.result({ written: out, bytes: Buffer.byteLength(body) });
    session.out.line(`${what} written to ${out}.`);
  } else {
    session.out.data(body);
  }
}

/**
 * What a report prints, from --format, --json and --out: --format picks the data (json, csv, html),
 * printed as it is or written to --out; without --format, a table to read, or with --json the
 * table as JSON, and with --out a JSON file. --json with csv or html printed is a usage error:
 * it would be two documents on one stdout. With --out, --json says what was written.
 */
function outputOf(session: CliSession, options: { format?: ReportFormat; out?: string }): 'table' | ReportFormat {
  if (options.format === undefined) return options.out ? 'json' : 'table';
  if (session.out.json && options.format !== 'json' && !options.out) {
    throw new CliError(
      `--json prints JSON and --format ${options.format} prints ${options.format.toUpperCase()}: choose one, or add --out FILE to write the ${options.format.toUpperCase()} (--json then says what was written).`,
      EXIT.usage,
    );
  }
  return options.format;
}

export function reportCommand(program: Command, context: CliContext): void {
  const report = program
    .command('report')
    .description("the quarter's occupations table: people awarded, by occupation and education level")
    .addHelpText(
      'after',
      [
        '',
        'What it prints: without --format, a table to read (--json: the same table as JSON); with',
        '--format json, csv or html, that data exactly as --out would write it (so "> q2.csv" is the',
        'same file as "--out q2.csv"). --json with --format csv or html and no --out is a usage error.',
        '',
        'Examples:',
        '  skillmark-issuer report --quarter 2026-Q2',
        '  skillmark-issuer report --quarter 2026-Q2 --format csv > q2.csv',
        '  skillmark-issuer report --quarter 2026-Q2 --format html --lang fr --out q2.html',
        '  skillmark-issuer report --quarter 2026-Q2 --signed --out q2-our-college.jws     (for the authority)',
        '  skillmark-issuer report aggregate q2-*.jws --format csv --out national-q2.csv  (the authority)',
        '',
        'Every option: skillmark-issuer report quarter --help, skillmark-issuer report aggregate --help',
      ].join('\n'),
    );
  report
    .command('quarter', { isDefault: true })
    .description("this institution's table for a quarter (the default: `report --quarter 2026-Q2` runs it)")
    .requiredOption('--quarter <quarter>', 'the quarter, e.g. 2026-Q2 (by award date; required)', quarter)
    .addOption(formatOption())
    .addOption(htmlLanguageOption())
    .option('--signed', "the exact counts signed with the institution's DID, for the national authority")
    .option('--out <file>', 'write it to a file instead of printing it')
    .action(
      async (options: { quarter: string; format?: ReportFormat; lang: string; signed?: boolean; out?: string }) => {
        const session = context();
        if (options.signed) {
          if (!options.out) throw new CliError('A signed report is for a file: add --out FILE.', EXIT.usage);
          if (options.format)
            throw new CliError(
              `A signed report is a signed JSON file (JWS), never ${options.format.toUpperCase()}: leave out --format, or --signed for the ${options.format.toUpperCase()}.`,
              EXIT.usage,
            );
          const query = new URLSearchParams({ quarter: options.quarter, format: 'json', lang: options.lang });
          query.set('signed', 'true');
          const jws = (await session.client.download(`/reports/occupations?${query}`)).toString('utf8');
          deliver(session, jws, options.out, `The signed report of ${options.quarter}`);
          return;
        }
        const output = outputOf(session, options);
        const format = output === 'table' ? 'json' : output;
        const query = new URLSearchParams({ quarter: options.quarter, format, lang: options.lang });
        if (output === 'table') {
          const table = await session.client.json<OccupationReport>('GET', `/reports/occupations?${query}`);
          session.out.result(table);
          printTable(session, table);
          return;
        }
        if (output === 'json') {
          const table = await session.client.json<OccupationReport>('GET', `/reports/occupations?${query}`);
          deliver(session, `${JSON.stringify(table, null, 2)}\n`, options.out, 'The report');
          return;
        }
        const body = (await session.client.download(`/reports/occupations?${query}`)).toString('utf8');
        deliver(session, body, options.out, 'The report');
      },
    );

  report
    .command('aggregate')
    .description(
      "merge institutions' signed reports into the national table, after checking each signature and accreditation",
    )
    .argument('<files...>', 'the signed reports (.jws), one per institution, all for one quarter')
    .option(
      '--trust <file>',
      'the trusted registries (a verifier trust file); default VERIFIER_TRUST_FILE, else the registry `npm start` deployed in SKILLMARK_DATA_DIR, on LEDGER_RPC_URL or its node at LEDGER_PORT',
    )
    .addOption(formatOption())
    .addOption(htmlLanguageOption())
    .option('--out <file>', 'write it to a file instead of printing it')
    .addHelpText(
      'after',
      [
        '',
        'Each report must be signed by an institution accredited now on a trusted registry; any report',
        'refused (changed after signing, unaccredited, another quarter, twice the same institution)',
        'refuses the whole merge, with every problem listed. The merged counts are suppressed below',
        'REPORT_SUPPRESSION_THRESHOLD (default 5), by the rules of docs/reports.md.',
        '',
        'Example:',
        '  skillmark-issuer report aggregate q2-*.jws --trust national-trust.json --format csv --out national-q2.csv',
      ].join('\n'),
    )
    .action(async (files: string[], options: { trust?: string; format?: ReportFormat; lang: string; out?: string }) => {
      const session = context();
      const output = outputOf(session, options);
      const env = { ...session.env, ...(options.trust ? { VERIFIER_TRUST_FILE: options.trust } : {}) };
      let registries: ReturnType<typeof trustFromEnvironment>['registries'];
      let threshold: number;
      try {
        const config = loadConfig(env);
        registries = trustFromEnvironment(env, config.dataDir).registries;
        threshold = config.reportSuppressionThreshold;
      } catch (error) {
        if (error instanceof ConfigError || error instanceof TrustConfigError)
          throw new CliError(error.message, EXIT.usage);
        throw error;
      }
      const reports = files.map((file) => {
        try {
          return { name: basename(file), text: readFileSync(file, 'utf8').trim() };
        } catch {
          throw new CliError(`Cannot read ${file}: check the file name.`, EXIT.usage);
        }
      });
      let national: Awaited<ReturnType<typeof aggregateSignedReports>>;
      try {
        national = await aggregateSignedReports(reports, { registries, suppressionThreshold: threshold });
      } catch (error) {
        if (error instanceof ReportsRefused) throw new CliError(error.message);
        throw error;
      }
      const merged = `Merged ${count(national.institutions.length, 'report')}: ${national.institutions.map((i) => i.name).join(', ')}.`;
      if (output === 'table') {
        session.out.line(merged);
        session.out.result({ ...national.report, institutions: national.institutions });
        printTable(session, national.report);
        return;
      }
      // Printed data stays the data alone: the sentence goes to stderr then.
      if (options.out) session.out.line(merged);
      else session.out.note(merged);
      const { body } = await renderOccupationReport(national.report, output, {
        language: options.lang,
        institutions: national.institutions,
      });
      deliver(session, body, options.out, 'The national table');
    });
}
