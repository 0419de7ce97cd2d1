import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError, EXIT } from './cli-error.ts';

/** Why a file cannot be written, in words, from the system's error code. */
function reason(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `the folder ${dirname(file)} does not exist`;
    case 'ENOTDIR':
      return `${dirname(file)} is not a folder`;
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    default:
      return error.message;
  }
}

const cannotWrite = (file: string, error: unknown) =>
  new CliError(`Cannot write ${file}: ${reason(file, error as NodeJS.ErrnoException)}.`, EXIT.usage);

/**
 * Stops the command before the issuer is asked when the file given for its output cannot be
 * written: some answers are given once (a cohort's results.csv holds claim codes the issuer then
 * deletes), and must not be lost to a mistyped folder.
 */
export function checkWritable(file: string): void {
  try {
    if (!existsSync(file)) accessSync(dirname(file), constants.W_OK);
    else if (statSync(file).isDirectory()) throw Object.assign(new Error(file), { code: 'EISDIR' });
    else accessSync(file, constants.W_OK);
  } catch (error) {
    throw cannotWrite(file, error);
  }
}

/** Writes a command's output file, saying in one sentence why it could not. */
export function writeOutputFile(file: string, body: string | Uint8Array): void {
  try {
    writeFileSync(file, body);
  } catch (error) {
    throw cannotWrite(file, error);
  }
}
