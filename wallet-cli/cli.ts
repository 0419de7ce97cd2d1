#!/usr/bin/env node
/**
 * The program: `skillmark-wallet ...`. Run through tsx inside the repository (bin/skillmark-wallet.js)
 * and compiled to JavaScript in the installable package (build.ts).
 */
import { main } from './main.ts';
import { t } from './words.ts';

// A reader that stops early (`skillmark-wallet list | head -3`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(
    `${t('failed_unexpectedly', { detail: error instanceof Error ? error.message : String(error) })}\n`,
  );
  process.exitCode = 1;
}
