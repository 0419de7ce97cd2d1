import { type FamilyIndex, fontOf, type Weight } from './fonts.ts';
import { type Line, layoutParagraph } from './paragraph-lines.ts';

export interface TextStyle {
  size: number;
  weight?: Weight;
  color?: string;
  /** `start`: left for a paragraph that reads left to right, right for one that reads right to left. */
  align?: 'center' | 'start';
}

/** Line height over font size: room for Arabic marks above and below, and for Chinese. */
const LINE_HEIGHT = 1.55;
/** From a line's top to its baseline, over font size. */
const BASELINE = 1.12;

/** A paragraph laid out at a width, to be drawn at a place. */
export interface LaidText {
  lines: Line[];
  height: number;
  draw(x: number, y: number): void;
}

/**
 * Lays out one paragraph in any mix of Latin, Arabic and Chinese (paragraph-lines.ts) with the
 * certificate's fonts, each run in the font that has its letters, drawn on a common baseline.
 */
export function layText(doc: PDFKit.PDFDocument, text: string, width: number, style: TextStyle): LaidText {
  const weight = style.weight ?? 'regular';
  const use = (family: FamilyIndex) => doc.font(fontOf(family, weight).name).fontSize(style.size);
  // Laying out (shaping) is the slow part of a certificate: each run is measured once.
  const widths = new Map<string, number>();
  const measure = (run: string, family: FamilyIndex) => {
    const key = `${family}:${run}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = use(family).widthOfString(run, { features: [] });
      widths.set(key, width);
    }
    return width;
  };
  const lines = layoutParagraph(text, width, measure);
  const lineHeight = style.size * LINE_HEIGHT;
  return {
    lines,
    height: lines.length * lineHeight,
    draw(x, y) {
      doc.save().fillColor(style.color ?? '#000000');
      lines.forEach((line, i) => {
        const runWidths = line.runs.map((run) => measure(run.text, run.family));
        const lineWidth = runWidths.reduce((a, b) => a + b, 0);
        let left = x;
        if (style.align === 'center') left = x + (width - lineWidth) / 2;
        else if (line.rtl) left = x + width - lineWidth;
        const baseline = y + i * lineHeight + style.size * BASELINE;
        line.runs.forEach((run, r) => {
          // An empty features list makes pdfkit lay out the whole run at once (not word by word), so
          // fontkit orders a right-to-left run's words as well as its letters.
          use(run.family).text(run.text, left, baseline, { lineBreak: false, baseline: 'alphabetic', features: [] });
          left += runWidths[r]!;
        });
      });
      doc.restore();
    },
  };
}

/**
 * Lays out at the style's size, or smaller (down to 60 %) until the text takes at most `maxLines`
 * lines: a 200-character name still leaves room for the QR code.
 */
export function layFitted(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  style: TextStyle,
  maxLines: number,
): LaidText {
  let laid = layText(doc, text, width, style);
  for (let size = style.size * 0.9; laid.lines.length > maxLines && size >= style.size * 0.6; size *= 0.9)
    laid = layText(doc, text, width, { ...style, size });
  return laid;
}
