import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from '@hono/zod-openapi';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import type { CohortDryRun, CohortStatus as CohortStatusSchema } from '../../cohorts/api-schemas.ts';
import { CliError, EXIT } from '../cli-error.ts';
import { cohortFileType, type RowError, rowErrorLine } from '../cohort-file.ts';
import type { CliContext, CliSession } from '../context.ts';
import { languageOption } from '../language-option.ts';
import { count } from '../output.ts';
import { checkWritable, writeOutputFile } from '../output-file.ts';

/** The issuer's answers, typed from the schemas its routes are defined with (issuer/cohorts/api-schemas.ts). */
type DryRun = z.infer<typeof CohortDryRun>;
type CohortStatus = z.infer<typeof CohortStatusSchema>;

const POLL_MS = 500;
/** How long `cohort certificates` waits for a cohort's credentials to be anchored. */
const ANCHORING_WAIT_MS = 5 * 60_000;

function printErrors(session: CliSession, errors: RowError[], notListed = 0): void {
  if (errors.length === 0) return;
  session.out.line('Rows with errors (row 1 is the header):');
  for (const error of errors) session.out.line(rowErrorLine(error));
  if (notListed > 0) session.out.line(`  … and ${count(notListed, 'more row')} with errors.`);
}

/** How a registrar gives one learner a new claim code, when the cohort's are gone. */
const RENEW = 'To give a learner a new code: skillmark-issuer claim-code <credential id> --certificate FILE';

/**
 * Writes results.csv and says, on stderr, when its issued rows carry no claim code: the issuer
 * deletes its sealed copy of the codes once results.csv has been downloaded in full, so a second
 * download (or a certificates PDF printed after the first) has none.
 */
async function saveResults(
  session: CliSession,
  id: string,
  file: string,
): Promise<{ bytes: number; issued: number; withoutCode: number }> {
  checkWritable(file);
  const body = await session.client.download(`/cohorts/${encodeURIComponent(id)}/results.csv`);
  writeOutputFile(file, body);
  const rows = parse(body, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<
    string,
    string
  >[];
  const issued = rows.filter((row) => row.status === 'issued');
  const withoutCode = issued.filter((row) => !row.claimCode).length;
  if (withoutCode > 0 && withoutCode === issued.length) {
    session.out.note(
      `The claim codes were given out once already (this cohort's results.csv was downloaded before) and are no longer kept: ${file} has none. ${RENEW}`,
    );
  } else if (withoutCode > 0) {
    session.out.note(
      `${count(withoutCode, 'issued row has', 'issued rows have')} no claim code in ${file}: their code was renewed since. ${RENEW}`,
    );
  } else if (issued.length > 0) {
    session.out.note(
      `The issuer has now deleted its copy of the claim codes: they are only in ${file}, and certificates printed from now on carry none.`,
    );
  }
  return { bytes: body.length, issued: issued.length, withoutCode };
}

/** The language the certificates print in, for a row that names none (its certificateLanguage cell). */
const certificateLanguageOption = () => languageOption('the language of the printed certificates');

/** Saves the cohort's certificates PDF, waiting while the ledger anchors the cohort; returns its size. */
async function saveCertificates(session: CliSession, id: string, file: string, language: string): Promise<number> {
  const path = `/cohorts/${encodeURIComponent(id)}/certificates.pdf?lang=${language}`;
  const deadline = Date.now() + ANCHORING_WAIT_MS;
  for (;;) {
    try {
      return await session.client.save(path, file);
    } catch (error) {
      if (!(error instanceof CliError) || !error.retryAfterSeconds || Date.now() > deadline) throw error;
      session.out.line(`Waiting for the ledger: ${error.message}`);
      await sleep(error.retryAfterSeconds * 1000);
    }
  }
}

/** Said when certificates are printed after the claim codes were given out (and deleted). */
const CERTIFICATES_WITHOUT_CODES =
  "These certificates carry no claim code: this cohort's results.csv was downloaded before, and the issuer deleted the codes then. " +
  RENEW;

/** Follows a cohort job until it ends, with a progress bar on a terminal. */
async function follow(session: CliSession, id: string, showBar: boolean): Promise<CohortStatus> {
  const bar = showBar
    ? new SingleBar({
        format: ' {phase} |{bar}| {value}/{total} rows  {issued} issued, {failed} with errors',
        hideCursor: true,
        stream: process.stderr,
      })
    : undefined;
  let status = await session.client.json<CohortStatus>('GET', `/cohorts/${id}`);
  bar?.start(status.total, 0, { phase: status.phase, issued: 0, failed: 0 });
  try {
    while (status.status === 'running') {
      const done = status.phase === 'checking' ? status.checked : status.issued + status.alreadyIssued + status.failed;
      bar?.setTotal(status.total);
      bar?.update(done, { phase: status.phase, issued: status.issued, failed: status.failed });
      await sleep(POLL_MS);
      status = await session.client.json<CohortStatus>('GET', `/cohorts/${id}`);
    }
    bar?.update(status.total, { phase: status.phase, issued: status.issued, failed: status.failed });
  } finally {
    bar?.stop();
  }
  return status;
}

export function cohortCommand(program: Command, context: CliContext): void {
  const cohort = program
    .command('cohort')
    .description('issue credentials to a whole cohort from a spreadsheet (CSV or XLSX)')
    .addHelpText(
      'after',
      [
        '',
        "A registrar's term end:",
        '  skillmark-issuer cohort template --out cohort.csv     the columns, with one example row',
        '  skillmark-issuer cohort check graduates.xlsx          finds the rows to fix; issues nothing',
        '  skillmark-issuer cohort issue graduates.xlsx --certificates certificates.pdf --results claim-codes.csv',
        '                                  every certificate to print, with its claim code, then the codes for a mail merge',
        '',
        'Certificates first, then results: the issuer deletes the claim codes once results.csv has been',
        'downloaded, so certificates printed after it carry none ("cohort certificates <id>", then',
        '"cohort results <id>", in that order, do the same for a cohort issued before).',
        'Uploading the same file again issues nothing twice: rows already issued are counted as such.',
      ].join('\n'),
    );

  cohort
    .command('template')
    .description('write the spreadsheet template: the columns and one example row, to replace with your graduates')
    .option('--xlsx', 'an Excel workbook instead of CSV')
    .requiredOption('--out <file>', 'where to write it')
    .action(async (options: { xlsx?: boolean; out: string }) => {
      const session = context();
      const body = await session.client.download(`/cohorts/template.${options.xlsx ? 'xlsx' : 'csv'}`);
      writeOutputFile(options.out, body);
      session.out.result({ written: options.out, bytes: body.length });
      session.out.line(
        `Template written to ${options.out}. Fill one row per learner, then: skillmark-issuer cohort check ${options.out}`,
      );
    });

  cohort
    .command('check')
    .description('check every row of a spreadsheet and list the errors; issues nothing')
    .argument('<file>', 'the cohort spreadsheet (.csv or .xlsx)')
    .action(async (file: string) => {
      const type = cohortFileType(file);
      const session = context();
      const result = await session.client.upload<DryRun>('/cohorts?dryRun=true', file, type);
      session.out.result(result);
      const withErrors = result.rows - result.valid;
      // The issuer counts the rows issued before among the valid ones.
      const fresh = result.valid - result.alreadyIssued;
      session.out.line(
        `${count(result.rows, 'row')}: ${fresh} ready to issue, ${result.alreadyIssued} issued before, ${withErrors} with errors.`,
      );
      printErrors(session, result.errors, result.errorsNotListed);
      if (withErrors > 0) {
        session.out.line('Fix these rows in the spreadsheet and check it again; nothing was issued.');
        session.fail(EXIT.rowErrors);
      } else if (fresh === 0) {
        session.out.line(
          result.alreadyIssued === 1
            ? 'Its one row was issued before: issuing this file again issues nothing new.'
            : `All ${count(result.alreadyIssued, 'row')} were issued before: issuing this file again issues nothing new.`,
        );
      } else if (result.alreadyIssued > 0) {
        session.out.line(
          `${count(fresh, 'new row is', 'new rows are')} ready (the ${count(result.alreadyIssued, 'row')} issued before will not be issued again): skillmark-issuer cohort issue ${file}`,
        );
      } else {
        session.out.line(`Every row is ready: skillmark-issuer cohort issue ${file}`);
      }
    });

  cohort
    .command('issue')
    .description('issue a credential to each learner of a spreadsheet, with progress, then a summary')
    .argument('<file>', 'the cohort spreadsheet (.csv or .xlsx)')
    .option('--all-or-nothing', 'issue nothing if any row has an error (by default those rows are skipped)')
    .option('--certificates <file>', "then save every learner's printed certificate, with its claim code (one PDF)")
    .addOption(certificateLanguageOption())
    .option(
      '--results <file>',
      "then save each learner's credential id and claim code (CSV, for a mail merge); after --certificates",
    )
    .addHelpText(
      'after',
      [
        '',
        'With both, the certificates are saved first: once results.csv is downloaded the issuer deletes the',
        'claim codes, and certificates printed after it carry none.',
        '',
        'Example:',
        '  skillmark-issuer cohort issue graduates.xlsx --certificates certificates.pdf --results claim-codes.csv',
      ].join('\n'),
    )
    .action(
      async (
        file: string,
        options: { allOrNothing?: boolean; certificates?: string; results?: string; lang: string },
      ) => {
        const type = cohortFileType(file);
        for (const out of [options.certificates, options.results]) if (out) checkWritable(out);
        const session = context();
        const query = options.allOrNothing ? '?allOrNothing=true' : '';
        const { id } = await session.client.upload<{ id: string }>(`/cohorts${query}`, file, type);
        session.out.line(`Cohort ${id} started.`);
        const status = await follow(session, id, !session.out.json && process.stderr.isTTY === true);
        if (status.status === 'failed') {
          session.out.result(status);
          throw new CliError(`The cohort failed: ${status.detail ?? 'the issuer gave no reason'}.`);
        }
        session.out.line(
          `${count(status.total, 'row')}: ${status.issued} issued, ${status.alreadyIssued} already issued before, ${status.failed} with errors.`,
        );
        printErrors(session, status.errors, status.errorsNotListed);
        const printable = status.issued + status.alreadyIssued > 0;
        if (options.certificates && printable) {
          const bytes = await saveCertificates(session, id, options.certificates, options.lang);
          session.out.line(
            `Certificates written to ${options.certificates} (${bytes} bytes), with the claim codes of the rows this upload issued.`,
          );
        } else if (options.certificates) {
          session.out.note(`No certificate to print: no row was issued, so ${options.certificates} was not written.`);
        }
        if (options.results) {
          await saveResults(session, id, options.results);
          session.out.line(
            `Claim codes written to ${options.results}: keep it safe, the codes are given out only once.`,
          );
        } else if (options.certificates && printable) {
          session.out.line(
            `For a mail merge of the claim codes: skillmark-issuer cohort results ${id} --out claim-codes.csv`,
          );
        }
        session.out.result({
          ...status,
          ...(options.certificates && printable && { certificates: options.certificates }),
          ...(options.results && { results: options.results }),
        });
        if (status.failed > 0) session.fail(EXIT.rowErrors);
      },
    );

  cohort
    .command('status')
    .description("a cohort's progress and its row errors")
    .argument('<id>', 'the cohort id printed by "cohort issue"')
    .action(async (id: string) => {
      const session = context();
      const status = await session.client.json<CohortStatus>('GET', `/cohorts/${encodeURIComponent(id)}`);
      session.out.result(status);
      session.out.line(
        `Cohort ${status.id}: ${status.status} (${status.phase}); ${count(status.total, 'row')}: ${status.issued} issued, ${status.alreadyIssued} already issued, ${status.failed} with errors.`,
      );
      printErrors(session, status.errors, status.errorsNotListed);
    });

  cohort
    .command('certificates')
    .description('save one PDF with every learner\'s printed certificate, in row order, to print (before "results")')
    .argument('<id>', 'the cohort id')
    .requiredOption('--out <file>', 'where to write the PDF')
    .addOption(certificateLanguageOption())
    .addHelpText(
      'after',
      [
        '',
        "Each certificate carries the learner's claim code until results.csv has been saved once (with",
        '"cohort results" or "cohort issue --results"): print the certificates first, then save the results.',
        'Revoked credentials are left out. If the ledger is still anchoring the cohort, this waits for it.',
        'A row with a certificateLanguage cell prints in that language whatever --lang says.',
      ].join('\n'),
    )
    .action(async (id: string, options: { out: string; lang: string }) => {
      const session = context();
      const bytes = await saveCertificates(session, id, options.out, options.lang);
      const { claimCodesKept } = await session.client.json<CohortStatus>('GET', `/cohorts/${encodeURIComponent(id)}`);
      session.out.result({ written: options.out, bytes, claimCodes: claimCodesKept });
      session.out.line(`Certificates written to ${options.out}.`);
      if (!claimCodesKept) session.out.note(CERTIFICATES_WITHOUT_CODES);
    });

  cohort
    .command('results')
    .description(
      'save a finished cohort\'s credential ids and claim codes (CSV, for a mail merge; after "certificates")',
    )
    .argument('<id>', 'the cohort id')
    .requiredOption('--out <file>', 'where to write the CSV')
    .addHelpText(
      'after',
      [
        '',
        'The claim codes are in the first results.csv saved only: the issuer deletes them then, and later',
        'files (and certificates printed later) have none. Save the certificates first.',
      ].join('\n'),
    )
    .action(async (id: string, options: { out: string }) => {
      const session = context();
      const { bytes, issued, withoutCode } = await saveResults(session, id, options.out);
      session.out.result({ written: options.out, bytes, issued, withoutClaimCode: withoutCode });
      session.out.line(`Results written to ${options.out}.`);
    });
}
