import { describe, expect, it } from 'vitest';
import { QR_V40_M_CAPACITY } from '../../core/qr-bundle/index.ts';
import { printedPage } from '../../test/support/printed-page.ts';
import {
  MIN_MODULE_MM,
  POINTS_PER_MM,
  QUIET_ZONE_MODULES,
  qrCodeLayout,
  qrCodeOf,
  TARGET_SIDE_MM,
} from './qr-code-drawing.ts';
import { renderCertificate } from './render-certificate.ts';

const alphanumeric = (length: number) =>
  `SM1:${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'.repeat(80)}`.slice(0, length);

describe('the size of the printed QR code', () => {
  it('a code of the README example size gets modules well above 0.4 mm, in a 70 mm square', () => {
    const layout = qrCodeLayout(qrCodeOf(alphanumeric(1200)));
    expect(layout.version).toBeLessThanOrEqual(25);
    expect(layout.moduleMm).toBeGreaterThan(0.5);
    expect(layout.side / POINTS_PER_MM).toBeCloseTo(TARGET_SIDE_MM, 5);
  });

  it('the largest code (version 40) keeps 0.4 mm modules and its 4-module quiet zone, in a larger square', () => {
    const layout = qrCodeLayout(qrCodeOf(alphanumeric(QR_V40_M_CAPACITY)));
    expect(layout.version).toBe(40);
    expect(layout.modules).toBe(177);
    expect(layout.moduleMm).toBe(MIN_MODULE_MM);
    expect(layout.side / POINTS_PER_MM).toBeCloseTo((177 + 2 * QUIET_ZONE_MODULES) * MIN_MODULE_MM, 5);
  });

  it('the largest code, printed at 0.4 mm modules, reads back from a 300 dpi page printed at 96 %', async () => {
    const qrText = alphanumeric(QR_V40_M_CAPACITY);
    const page = await printedPage(
      await renderCertificate({
        institution: 'Skillmark Demo Training Centre',
        learner: 'Amina Yusuf',
        qualification: 'National Certificate in Electrical Installation',
        competencies: [],
        awardedOn: '30 June 2026',
        shortId: '5f3a9c01',
        qrText,
      }),
    );
    try {
      expect(await page.scan(await page.image(300, 0.96))).toBe(qrText);
    } finally {
      page.remove();
    }
  });
});
