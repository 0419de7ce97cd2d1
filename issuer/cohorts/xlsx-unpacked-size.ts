import { createReadStream } from 'node:fs';
import { Unzip, UnzipInflate } from 'fflate';

/**
 * An XLSX workbook is a ZIP archive, and a few megabytes of it can unpack to gigabytes. The reader
 * (exceljs) streams the sheet's rows but keeps the shared strings and the styles in memory: a
 * 2.7 MB upload whose shared strings unpack to 1 GB took the issuer to 1.2 GB of memory, and a
 * larger one would end the process, and again each time the job resumed on restart.
 *
 * A 100,000-row cohort, the most a file may hold, unpacks to about 50 MB of sheet and 7 MB of
 * shared strings (exceljs, a learner's name unique per row): these bounds leave ten times that.
 */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;
/** Any part but a worksheet: those the reader holds in memory whole. */
export const MAX_HELD_PART_BYTES = 64 * 1024 * 1024;

const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(name);
const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

/**
 * Why the workbook at `path` unpacks to too much, found by unpacking it once without keeping
 * anything (the archive's own size fields can lie); undefined when it is within the bounds. An
 * archive that cannot be unpacked at all is left to the reader, which says so in its own words.
 */
export async function unpackedSizeProblem(path: string): Promise<string | undefined> {
  let total = 0;
  let problem: string | undefined;
  const unzip = new Unzip((part) => {
    let size = 0;
    part.ondata = (error, data) => {
      if (error || problem) return;
      size += data.length;
      total += data.length;
      if (!isWorksheet(part.name) && size > MAX_HELD_PART_BYTES)
        problem = `its part ${part.name} unpacks to more than ${mib(MAX_HELD_PART_BYTES)}`;
      else if (total > MAX_UNPACKED_BYTES) problem = `it unpacks to more than ${mib(MAX_UNPACKED_BYTES)}`;
      if (problem) part.terminate();
    };
    part.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of createReadStream(path)) {
      unzip.push(chunk as Buffer);
      if (problem) return problem;
    }
    unzip.push(new Uint8Array(0), true);
  } catch {
    return problem;
  }
  return problem;
}
