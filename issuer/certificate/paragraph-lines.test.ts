import { describe, expect, it } from 'vitest';
import { layoutParagraph, type Measure } from './paragraph-lines.ts';

// Every character 10 units wide: the tests are about order and breaks, not about a font's widths.
const tenEach: Measure = (text) => [...text].length * 10;
const texts = (text: string, width = 10_000) =>
  layoutParagraph(text, width, tenEach).map((line) => line.runs.map((run) => run.text));
const [LATIN, ARABIC, CHINESE] = [0, 1, 2];

describe('laying out a paragraph in lines', () => {
  it('breaks Latin text after spaces, every line within the width', () => {
    const lines = layoutParagraph('Install and test low-voltage wiring', 150, tenEach);
    expect(lines.map((l) => l.runs.map((r) => r.text).join(''))).toEqual([
      'Install and',
      'test',
      'low-voltage',
      'wiring',
    ]);
    for (const line of lines) expect(tenEach(line.runs.map((r) => r.text).join(''), LATIN)).toBeLessThanOrEqual(150);
  });

  it('prints an Arabic name as one run in the Arabic font, in reading order (fontkit lays it right to left)', () => {
    const [line] = layoutParagraph('أمينة يوسف', 10_000, tenEach);
    expect(line).toEqual({ rtl: true, runs: [{ text: 'أمينة يوسف', family: ARABIC }] });
  });

  it('puts a Latin name before an Arabic one in a left-to-right line, and after it in a right-to-left one', () => {
    expect(texts('Amina أمينة')).toEqual([['Amina ', 'أمينة']]);
    const [rtl] = layoutParagraph('أمينة Amina', 10_000, tenEach);
    expect(rtl!.rtl).toBe(true);
    // The space between them reads right to left with the Arabic word, whose font has it.
    expect(rtl!.runs).toEqual([
      { text: 'Amina', family: LATIN },
      { text: 'أمينة ', family: ARABIC },
    ]);
  });

  it('keeps numbers left to right inside Arabic, and mirrors brackets', () => {
    // Logical: "tركيب (220)": seen from the left as "(220) تركيب".
    expect(texts('تركيب (220)')).toEqual([['(', '220', ')', 'تركيب ']]);
  });

  it('breaks Chinese between words, where it has no spaces', () => {
    const lines = layoutParagraph('安装低压线路测试和检查电路', 60, tenEach);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).toBe('安装低压线路测试和检查电路');
    for (const line of lines) expect(line.runs.every((r) => r.family === CHINESE)).toBe(true);
  });

  it('cuts a word wider than the line instead of running off the page', () => {
    const lines = texts('Nguyễn-Wolfeschlegelsteinhausenbergerdorff', 100).map((l) => l.join(''));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(10);
    expect(lines.join('')).toBe('Nguyễn-Wolfeschlegelsteinhausenbergerdorff');
  });

  it('keeps accented Latin, marks included, in the Latin font', () => {
    const [line] = layoutParagraph('José Nguyễn Łukasz Ødegård', 10_000, tenEach);
    expect(line!.runs).toEqual([{ text: 'José Nguyễn Łukasz Ødegård', family: LATIN }]);
  });
});
