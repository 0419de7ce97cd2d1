#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, as the issuer itself runs.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`skillmark-issuer list | head -3`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
const { main } = await import('../main.ts');
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
