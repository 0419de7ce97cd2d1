import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from '@hono/zod-openapi';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { CohortDryRun, CohortStatus as CohortStatusSchema } from '../../cohorts/api-schemas.ts';
import { CliError, EXIT } from '../cli-error.ts';
import { cohortFileType, type RowError, rowErrorLine } from '../cohort-file.ts';
import type { CliContext, CliSession } from '../context.ts';

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
  if (notListed > 0) session.out.line(`  … and ${notListed} more rows with errors.`);
}

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
        '  skillmark-issuer cohort issue graduates.xlsx --results claim-codes.csv',
        '  skillmark-issuer cohort certificates <id> --out certificates.pdf   every certificate, to print',
        '',
        'Uploading the same file again issues nothing twice: rows already issued are counted as such.',
      ].join('\n'),
    );

  cohort
    .command('template')
    .description('write the spreadsheet template: the columns and one example row')
    .option('--xlsx', 'an Excel workbook instead of CSV')
    .requiredOption('--out <file>', 'where to write it')
    .action(async (options: { xlsx?: boolean; out: string }) => {
      const session = context();
      const body = await session.client.download(`/cohorts/template.${options.xlsx ? 'xlsx' : 'csv'}`);
      writeFileSync(options.out, body);
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
      session.out.line(
        `${result.rows} rows: ${result.valid} ready to issue (${result.alreadyIssued} of them already issued), ${withErrors} with errors.`,
      );
      printErrors(session, result.errors, result.errorsNotListed);
      if (withErrors > 0) {
        session.out.line('Fix these rows in the spreadsheet and check it again; nothing was issued.');
        session.fail(EXIT.rowErrors);
      } else {
        session.out.line(`Every row is ready: skillmark-issuer cohort issue ${file}`);
      }
    });

  cohort
    .command('issue')
    .description('issue a credential to each learner of a spreadsheet, with progress, then a summary')
    .argument('<file>', 'the cohort spreadsheet (.csv or .xlsx)')
    .option('--all-or-nothing', 'issue nothing if any row has an error (by default those rows are skipped)')
    .option('--results <file>', "then save each learner's credential id and claim code (CSV, for a mail merge)")
    .action(async (file: string, options: { allOrNothing?: boolean; results?: string }) => {
      const type = cohortFileType(file);
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
        `${status.total} rows: ${status.issued} issued, ${status.alreadyIssued} already issued before, ${status.failed} with errors.`,
      );
      printErrors(session, status.errors, status.errorsNotListed);
      if (options.results) {
        writeFileSync(options.results, await session.client.download(`/cohorts/${id}/results.csv`));
        session.out.line(`Claim codes written to ${options.results}: keep it safe, the codes are given out only once.`);
      }
      session.out.result({ ...status, ...(options.results && { results: options.results }) });
      if (status.failed > 0) session.fail(EXIT.rowErrors);
    });

  cohort
    .command('status')
    .description("a cohort's progress and its row errors")
    .argument('<id>', 'the cohort id printed by "cohort issue"')
    .action(async (id: string) => {
      const session = context();
      const status = await session.client.json<CohortStatus>('GET', `/cohorts/${encodeURIComponent(id)}`);
      session.out.result(status);
      session.out.line(
        `Cohort ${status.id}: ${status.status} (${status.phase}); ${status.total} rows: ${status.issued} issued, ${status.alreadyIssued} already issued, ${status.failed} with errors.`,
      );
      printErrors(session, status.errors, status.errorsNotListed);
    });

  cohort
    .command('results')
    .description("save a finished cohort's credential ids and claim codes (CSV, for a mail merge)")
    .argument('<id>', 'the cohort id')
    .requiredOption('--out <file>', 'where to write the CSV')
    .action(async (id: string, options: { out: string }) => {
      const session = context();
      const body = await session.client.download(`/cohorts/${encodeURIComponent(id)}/results.csv`);
      writeFileSync(options.out, body);
      session.out.result({ written: options.out, bytes: body.length });
      session.out.line(`Results written to ${options.out}.`);
    });

  cohort
    .command('certificates')
    .description("save one PDF with every learner's printed certificate, in row order, to print")
    .argument('<id>', 'the cohort id')
    .requiredOption('--out <file>', 'where to write the PDF')
    .addHelpText(
      'after',
      [
        '',
        "Each certificate carries the learner's claim code until results.csv has been saved once (with",
        '"cohort results" or "cohort issue --results"): print the certificates first to hand each learner theirs.',
        'Revoked credentials are left out. If the ledger is still anchoring the cohort, this waits for it.',
      ].join('\n'),
    )
    .action(async (id: string, options: { out: string }) => {
      const session = context();
      const path = `/cohorts/${encodeURIComponent(id)}/certificates.pdf`;
      const deadline = Date.now() + ANCHORING_WAIT_MS;
      let bytes: number | undefined;
      while (bytes === undefined) {
        try {
          bytes = await session.client.save(path, options.out);
        } catch (error) {
          if (!(error instanceof CliError) || !error.retryAfterSeconds || Date.now() > deadline) throw error;
          session.out.line(`Waiting for the ledger: ${error.message}`);
          await sleep(error.retryAfterSeconds * 1000);
        }
      }
      session.out.result({ written: options.out, bytes });
      session.out.line(`Certificates written to ${options.out}.`);
    });
}
