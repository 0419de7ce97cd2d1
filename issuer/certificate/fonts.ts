import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);
/** The @embedpdf packages export no file paths (only their font list): their fonts/ folder sits beside dist/. */
const besideDist = (pkg: string) => (file: string) => join(dirname(require.resolve(pkg)), '..', 'fonts', file);
/** Fontsource packages export their files/ folder (WOFF, which fontkit reads and pdfkit subsets as TrueType). */
const fontsourceFile = (pkg: string) => (file: string) => require.resolve(`${pkg}/files/${file}`);

/**
 * The fonts a certificate is printed with, all brought by npm packages (SIL Open Font License
 * 1.1), so a fresh `npm install` prints every script with nothing else installed. pdfkit embeds
 * only the glyphs a certificate uses (a subset), so the PDF stays small however large the font.
 */
const FAMILIES = [
  // Latin (with Vietnamese and the accented letters of every European language), Greek, Cyrillic.
  {
    name: 'NotoSans',
    file: besideDist('@embedpdf/fonts-latin'),
    regular: 'NotoSans-Regular.ttf',
    bold: 'NotoSans-Bold.ttf',
  },
  // Arabic script (Arabic, Persian, Urdu…), shaped by fontkit's OpenType layout.
  {
    name: 'NotoNaskhArabic',
    file: besideDist('@embedpdf/fonts-arabic'),
    regular: 'NotoNaskhArabic-Regular.ttf',
    bold: 'NotoNaskhArabic-Bold.ttf',
  },
  // Chinese (GB 2312 and far beyond), with its own Latin and punctuation.
  {
    name: 'NotoSansHans',
    file: besideDist('@embedpdf/fonts-sc'),
    regular: 'NotoSansHans-Regular.otf',
    bold: 'NotoSansHans-Bold.otf',
  },
  // Devanagari (Hindi, Marathi, Nepali…), its conjuncts and vowel signs shaped by fontkit.
  {
    name: 'NotoSansDevanagari',
    file: fontsourceFile('@fontsource/noto-sans-devanagari'),
    regular: 'noto-sans-devanagari-devanagari-400-normal.woff',
    bold: 'noto-sans-devanagari-devanagari-700-normal.woff',
  },
] as const;

export type Weight = 'regular' | 'bold';

/** A family by its place in the fallback order: the first that has a glyph for a letter prints it. */
export type FamilyIndex = number;

export interface CertificateFont {
  /** The name pdfkit knows it by (registerFont). */
  name: string;
  /** Parsed once and shared by every certificate (pdfkit takes a fontkit font as it is). */
  font: fontkit.Font;
}

let loaded: Record<Weight, CertificateFont>[] | undefined;

/**
 * Read and parsed once, on the first certificate: the CJK fonts are several megabytes each, and
 * parsing a font's layout tables costs more than laying out a whole certificate.
 */
function load() {
  const open = (name: string, path: string): CertificateFont => ({
    name,
    font: fontkit.create(readFileSync(path)) as fontkit.Font,
  });
  loaded ??= FAMILIES.map((family) => ({
    regular: open(`${family.name}-Regular`, family.file(family.regular)),
    bold: open(`${family.name}-Bold`, family.file(family.bold)),
  }));
  return loaded;
}

/** Every font of every family, to register with a pdfkit document. */
export const certificateFonts = (): CertificateFont[] => load().flatMap((f) => [f.regular, f.bold]);

/** The font of a family at a weight. */
export const fontOf = (family: FamilyIndex, weight: Weight): CertificateFont => load()[family]![weight];

/** Whether the family has a glyph for the code point. */
export const familyCovers = (family: FamilyIndex, codePoint: number): boolean =>
  load()[family]!.regular.font.hasGlyphForCodePoint(codePoint);

/** The first family, in fallback order, that has a glyph for the code point (the first one if none has). */
export function familyFor(codePoint: number): FamilyIndex {
  const index = FAMILIES.findIndex((_, family) => familyCovers(family, codePoint));
  return index === -1 ? 0 : index;
}
