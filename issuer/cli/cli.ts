#!/usr/bin/env node
/**
 * The program: `skillmark-issuer ...`. Run through tsx inside the repository (bin/skillmark-issuer.js);
 * the test suite runs it compiled (test/support/build-system.ts).
 */
import { main } from './main.ts';

// A reader that stops early (`skillmark-issuer list | head -3`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
try {
  process.exitCode = await main(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
} catch (error) {
  process.stderr.write(
    `skillmark-issuer failed unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
