import bidiJs from 'bidi-js';
import { type FamilyIndex, familyCovers, familyFor } from './fonts.ts';

// bidi-js's types describe an ES module, but Node loads its CommonJS build, whose export is the factory itself.
const bidi = (bidiJs as unknown as typeof bidiJs.default)();

/**
 * A piece of a printed line in one font and one direction. `text` is what to hand pdfkit: fontkit
 * shapes it and itself lays a right-to-left script (Arabic) from right to left, so such a piece
 * is given in reading order; any other piece is given already in the order it is seen.
 */
export interface Run {
  text: string;
  family: FamilyIndex;
}

/** One printed line: its runs from left to right, and whether its paragraph reads right to left. */
export interface Line {
  runs: Run[];
  rtl: boolean;
}

/** The width of a run's text in one family, at the size and weight being laid out. */
export type Measure = (text: string, family: FamilyIndex) => number;

// The scripts fontkit lays out right to left (its Script.direction): pieces holding them come back reversed.
const LAID_RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The family of each UTF-16 unit. Letters take the first family that has them; marks stay with
 * their letter; spaces, digits and punctuation stay in the family before them when it has them,
 * so that "أمينة يوسف" is one run (shaped as one) and not three.
 */
function familiesOf(text: string): FamilyIndex[] {
  const families: FamilyIndex[] = [];
  let previous: FamilyIndex | undefined;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    let family: FamilyIndex;
    if (previous !== undefined && /\p{M}/u.test(char)) family = previous;
    else if (previous !== undefined && !/\p{L}/u.test(char) && familyCovers(previous, codePoint)) family = previous;
    else family = familyFor(codePoint);
    for (let unit = 0; unit < char.length; unit++) families.push(family);
    previous = family;
  }
  return families;
}

/**
 * Where a line may start: after a space, and between words of Chinese or Japanese (which has no
 * spaces), as Intl.Segmenter finds them. Enough for names, titles and competencies; the full
 * line-breaking rules (UAX #14) would only move a few punctuation marks.
 */
function lineStarts(text: string): number[] {
  const starts: number[] = [];
  let previous: Intl.SegmentData | undefined;
  for (const segment of segmenter.segment(text)) {
    if (previous) {
      const afterSpace = /\s$/u.test(previous.segment);
      const betweenHan = segment.isWordLike && (HAN.test(segment.segment) || HAN.test(previous.segment.slice(-1)));
      if (afterSpace || betweenHan) starts.push(segment.index);
    }
    previous = segment;
  }
  return starts;
}

const reversed = (text: string) => [...text].reverse().join('');
const mirrored = (text: string) => [...text].map((c) => bidi.getMirroredCharacter(c) ?? c).join('');

/**
 * Lays a paragraph out in lines no wider than `maxWidth` (a word wider than that is cut), each in
 * visual order by the Unicode bidirectional algorithm (bidi-js): Arabic reads right to left, and
 * Latin words or numbers inside it left to right.
 */
export function layoutParagraph(text: string, maxWidth: number, measure: Measure): Line[] {
  const embedding = bidi.getEmbeddingLevels(text);
  const { levels } = embedding;
  const families = familiesOf(text);
  const rtl = (embedding.paragraphs[0]?.level ?? 0) % 2 === 1;

  /** The width of [start, end) in logical pieces of one family and one level. */
  const measured = (start: number, end: number) => {
    let width = 0;
    for (let from = start, at = start + 1; at <= end; at++) {
      if (at === end || families[at] !== families[from] || levels[at] !== levels[from]) {
        width += measure(text.slice(from, at), families[from]!);
        from = at;
      }
    }
    return width;
  };
  const trimmedEnd = (start: number, end: number) => {
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    return end;
  };
  // A line's width is the sum of its words' (from one line start to the next), each measured
  // once: shaping never joins across a space or between Chinese words.
  const wordWidths = new Map<number, { full: number; trimmed: number }>();
  const wordWidth = (start: number, end: number) => {
    let width = wordWidths.get(start);
    if (!width) {
      width = { full: measured(start, end), trimmed: measured(start, trimmedEnd(start, end)) };
      wordWidths.set(start, width);
    }
    return width;
  };

  /** The runs of [start, end) from left to right. */
  const visualRuns = (start: number, end: number): Run[] => {
    // bidi-js gives the order of the whole text, reordered within [start, end].
    const order = bidi.getReorderedIndices(text, embedding, start, end - 1).slice(start, end);
    const runs: Run[] = [];
    let first = 0;
    for (let i = 1; i <= order.length; i++) {
      const here = order[i]!;
      const before = order[i - 1]!;
      const continues =
        i < order.length &&
        Math.abs(here - before) === 1 &&
        families[here] === families[before] &&
        levels[here] === levels[before];
      if (continues) continue;
      const low = Math.min(order[first]!, before);
      const high = Math.max(order[first]!, before);
      const logical = text.slice(low, high + 1);
      const readsRightToLeft = levels[low]! % 2 === 1;
      const fontkitReverses = LAID_RIGHT_TO_LEFT.test(logical);
      const seen = readsRightToLeft ? mirrored(reversed(logical)) : logical;
      // Hand fontkit the text it will turn into what must be seen.
      let given = seen;
      if (fontkitReverses) given = readsRightToLeft ? logical : reversed(logical);
      runs.push({ text: given, family: families[low]! });
      first = i;
    }
    return runs;
  };

  const lines: Line[] = [];
  const cut = (start: number, end: number) => {
    const trimmed = trimmedEnd(start, end);
    if (trimmed > start) lines.push({ runs: visualRuns(start, trimmed), rtl });
  };
  const candidates = [...lineStarts(text), text.length];
  let start = 0;
  let fits: number | undefined;
  let width = 0;
  for (let i = 0, wordStart = 0; i < candidates.length; i++) {
    const end = candidates[i]!;
    const word = wordWidth(wordStart, end);
    if (width + word.trimmed <= maxWidth) {
      fits = end;
      width += word.full;
      wordStart = end;
      continue;
    }
    if (fits !== undefined) {
      cut(start, fits);
      start = fits;
    } else {
      // One word wider than the line: cut it where it stops fitting (at least one character).
      let at = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
      while (at < end) {
        const next = at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
        if (measured(start, next) > maxWidth) break;
        at = next;
      }
      cut(start, at);
      start = at;
      wordWidths.delete(wordStart);
    }
    fits = undefined;
    width = 0;
    wordStart = start;
    i--;
  }
  if (start < text.length) cut(start, text.length);
  return lines;
}
