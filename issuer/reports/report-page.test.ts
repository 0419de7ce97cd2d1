/**
 * The quarterly report's page in a real browser (Debian's chromium): read on a phone, in English
 * and in Arabic, and on a desk's screen. The page is rendered here and loaded as it is served.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, launchChromium, warnWithoutChromium } from '../../test/support/chromium.ts';
import { DEFAULT_EDUCATION_LEVELS } from './education-levels.ts';
import type { OccupationCount } from './occupation-counts.ts';
import { occupationTable } from './occupation-table.ts';
import { reportPage } from './report-page.ts';

warnWithoutChromium('issuer/reports/report-page.test.ts');

const occupation = (code: string, title: string, upper: number, technician: number): OccupationCount => ({
  code,
  title,
  byEducationLevel: { upper_secondary: upper, technician },
});

/** Three occupations large enough to chart, two whose counts are hidden (so no other has to be). */
const REPORT = occupationTable(
  {
    quarter: '2026-Q2',
    educationLevels: [...DEFAULT_EDUCATION_LEVELS],
    occupations: [
      occupation('7411', 'Electrician', 20, 10),
      occupation('7212', 'Welder and flame cutter', 12, 10),
      occupation('5120', 'Cook', 6, 6),
      occupation('3322', 'Commercial sales representative', 2, 1),
      occupation('7126', 'Plumber and pipe fitter', 1, 1),
    ],
  },
  5,
);

const PHONE = { width: 360, height: 740 };

describe.runIf(HAVE_CHROMIUM)('the quarterly report page in chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(() => browser?.close());

  const open = async (language: 'en' | 'ar', viewport: { width: number; height: number }): Promise<Page> => {
    const page = await browser.newPage({ viewport });
    await page.setContent(String(await reportPage(REPORT, language, { institution: 'Lagos Technical College' })));
    return page;
  };

  /** Where a cell is on the screen, left and right, in CSS pixels. */
  const across = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => {
        const box = element.getBoundingClientRect();
        return { left: Math.round(box.left), right: Math.round(box.right) };
      });

  for (const language of ['en', 'ar'] as const)
    it(`fits a phone in ${language}: the page never scrolls sideways, the table does, and each row keeps its occupation in sight`, async () => {
      const page = await open(language, PHONE);
      try {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
        await expect(page.locator('.swipe').isVisible()).resolves.toBe(true);
        const table = page.locator('.scroll');
        const widths = await table.evaluate((box) => ({ shown: box.clientWidth, whole: box.scrollWidth }));
        expect(widths.whole).toBeGreaterThan(widths.shown);

        // Slid to its far end (the left in Arabic): the shares are in sight, and so are the occupations.
        await table.evaluate((box) => {
          box.scrollLeft = getComputedStyle(box).direction === 'rtl' ? -box.scrollWidth : box.scrollWidth;
        });
        for (const cell of ['tbody th.who', 'tbody tr td:last-child']) {
          const { left, right } = await across(page, cell);
          expect(left, cell).toBeGreaterThanOrEqual(0);
          expect(right, cell).toBeLessThanOrEqual(PHONE.width);
        }
        const occupationCell = await across(page, 'tbody th.who');
        const shareCell = await across(page, 'tbody tr td:last-child');
        // Side by side, not on top of each other: the share is on the occupation's reading side.
        if (language === 'en') expect(shareCell.left).toBeGreaterThanOrEqual(occupationCell.right);
        else expect(shareCell.right).toBeLessThanOrEqual(occupationCell.left);
        await expect(page.locator('tbody tr td:last-child').first().textContent()).resolves.toMatch(/%/);
      } finally {
        await page.close();
      }
    });

  it('draws one bar per charted occupation, its length in proportion to its people, and no hint on a wide screen', async () => {
    const page = await open('en', { width: 1280, height: 900 });
    try {
      const bars = await page
        .locator('svg .bar')
        .evaluateAll((rects) => rects.map((rect) => (rect as SVGGraphicsElement).getBBox().width));
      expect(bars).toHaveLength(3);
      expect(bars[1]! / bars[0]!).toBeCloseTo(22 / 30, 1);
      expect(bars[2]! / bars[0]!).toBeCloseTo(12 / 30, 1);
      await expect(page.locator('.swipe').isVisible()).resolves.toBe(false);
      await expect(page.locator('tbody tr').nth(3).locator('td.hidden').first().textContent()).resolves.toBe('hidden');
    } finally {
      await page.close();
    }
  });
});
