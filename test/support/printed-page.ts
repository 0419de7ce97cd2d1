import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A4's width in inches: the page rendered at N dpi is this many times N pixels wide. */
const A4_WIDTH_INCHES = 210 / 25.4;

/**
 * For tests: a certificate as a person meets it, through independent tools. poppler-utils'
 * pdftoppm renders the first page as a scanner or a printer would, zbar-tools' zbarimg reads the
 * QR code from that image, and pdftotext extracts the words.
 */
export async function printedPage(pdf: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'skillmark-certificate-'));
  const file = join(dir, 'certificate.pdf');
  writeFileSync(file, pdf);
  return {
    /** Renders a page (the first unless told) at `dpi`, scaled to `scale` of its size (0.96: a viewer's "fit to page"); returns the PNG's path. */
    async image(dpi: number, scale = 1, page = 1): Promise<string> {
      const name = join(dir, `page-${page}-${dpi}-${scale}`);
      const width = String(Math.round(A4_WIDTH_INCHES * dpi * scale));
      await run('pdftoppm', [
        '-png',
        '-r',
        String(dpi),
        '-scale-to-x',
        width,
        '-scale-to-y',
        '-1',
        '-f',
        String(page),
        '-l',
        String(page),
        '-singlefile',
        file,
        name,
      ]);
      return `${name}.png`;
    },
    /** The text of the one QR code zbarimg finds in an image. */
    async scan(image: string): Promise<string> {
      const { stdout } = await run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', image], {
        maxBuffer: 1 << 20,
      });
      return stdout.replace(/\n$/, '');
    },
    /** The words of every page, bidirectional control marks removed (pdftotext adds them around right-to-left text). */
    async text(): Promise<string> {
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
      return stdout.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
    },
    /** The number of pages. */
    async pages(): Promise<number> {
      const { stdout } = await run('pdfinfo', [file]);
      return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
