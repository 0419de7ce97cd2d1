/**
 * The certificate as a person meets it: rendered by poppler (pdftoppm) as a printer or a screen
 * would, its QR code read back by an independent decoder (zbarimg), its words extracted
 * (pdftotext), in Latin with accents, Arabic, Chinese and Devanagari, its labels in the reader's
 * language.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { printedPage } from '../../test/support/printed-page.ts';
import type { CertificateContent } from './certificate-content.ts';
import { QR_TEXT_IN_PDF } from './embedded-credential.ts';
import { renderCertificate } from './render-certificate.ts';
import { testCredential } from './test-credential.ts';

const { qrText } = testCredential({ name: 'x', qualification: { title: 'x', awardedOn: '2026-06-30' } });
const content = (overrides: Partial<CertificateContent>): CertificateContent => ({
  institution: 'Skillmark Demo Training Centre',
  learner: 'Amina Yusuf',
  qualification: 'National Certificate in Electrical Installation',
  level: 'EQF 4',
  occupation: 'Electrician (ISCO-08 7411)',
  competencies: ['Install low-voltage wiring', 'Test and inspect circuits'],
  awardedOn: '30 June 2026',
  shortId: '5f3a9c01',
  qrText,
  ...overrides,
});
const pages: Awaited<ReturnType<typeof printedPage>>[] = [];
const print = async (c: CertificateContent) => {
  const pdf = await renderCertificate(c);
  const page = await printedPage(pdf);
  pages.push(page);
  return { pdf, page };
};
afterAll(() => {
  for (const page of pages) page.remove();
});

describe('a printed certificate in each script', () => {
  const cases: [string, Partial<CertificateContent>][] = [
    ['Latin with accents', { learner: 'José Ñúñez-Łukasiewicz Nguyễn' }],
    [
      'Arabic',
      {
        learner: 'أمينة يوسف',
        qualification: 'الشهادة الوطنية في التركيبات الكهربائية',
        // No lam-alef here: poppler's pdftotext gives a ligature's two letters backwards in
        // right-to-left text (the page shows them right: docs/certificate.md).
        competencies: ['تركيب شبكات منخفضة الجهد'],
      },
    ],
    ['Chinese', { learner: '王小明', qualification: '电气安装国家证书', competencies: ['安装低压线路'] }],
    // No vowel sign i (ि) here: poppler's pdftotext gives it after the consonant it is drawn before.
    ['Devanagari', { learner: 'अमीना यूसुफ', qualification: 'प्लंबर प्रमाणपत्र', competencies: ['पानी की लाइन लगाना'] }],
  ];
  for (const [script, overrides] of cases) {
    it(`${script}: the words come out of the PDF, and its QR code reads back at 150 dpi and at 96 %`, async () => {
      const c = content(overrides);
      const { pdf, page } = await print(c);
      const text = await page.text();
      for (const words of [c.learner, c.qualification, ...c.competencies, c.institution, 'Awarded on 30 June 2026'])
        expect(text).toContain(words);
      expect(text).toContain('Skillmark verifier');
      expect(await page.scan(await page.image(150))).toBe(qrText);
      expect(await page.scan(await page.image(150, 0.96))).toBe(qrText);
      // Fonts are embedded as subsets: a certificate stays small whatever its script.
      expect(pdf.length).toBeLessThan(120_000);
    });
  }
});

describe("a certificate's printed words in the reader's language", () => {
  const cases: [string, Partial<CertificateContent>, string[]][] = [
    ['fr', { awardedOn: '30 juin 2026' }, ['Nous certifions que', 'Délivrée le 30 juin 2026', 'Compétences', 'Métier']],
    ['ar', { awardedOn: '30 يونيو 2026' }, ['نشهد بأن', 'المستوى', 'المهنة', 'كيفية التحقق']],
    ['zh', { awardedOn: '2026年6月30日' }, ['资格证书', '兹证明', '授予日期：2026年6月30日', '如何核验']],
    ['hi', {}, ['योग्यता प्रमाणपत्र', 'दक्षताएं']],
  ];
  for (const [language, overrides, labels] of cases)
    it(`${language}: the labels come out of the PDF, and its QR code reads back`, async () => {
      const { page } = await print(content({ ...overrides, language }));
      const text = await page.text();
      for (const label of labels) expect(text).toContain(label);
      expect(text).not.toContain('This is to certify that');
      expect(await page.scan(await page.image(150))).toBe(qrText);
    });
});

describe('what else a certificate carries', () => {
  it('the QR text, verbatim, as a literal string in the Info dictionary, found by the pattern a reader uses', async () => {
    const { pdf } = await print(content({}));
    const bytes = pdf.toString('latin1');
    const found = QR_TEXT_IN_PDF.exec(bytes);
    expect(found?.[1]).toBe(qrText);
    expect(bytes.match(new RegExp(QR_TEXT_IN_PDF.source, 'g'))).toHaveLength(1);
    // In the trailer's Info dictionary, not merely somewhere in the file.
    const infoRef = /\/Info (\d+) 0 R/.exec(bytes)![1];
    const infoObject = new RegExp(`\\n${infoRef} 0 obj\\n<<([\\s\\S]*?)>>\\nendobj`).exec(bytes)![1]!;
    expect(infoObject).toContain(`/SkillmarkCredential (${qrText})`);
  });

  it("the claim code on the institution's copy, and where to check it", async () => {
    const claim = { code: 'K7QF-9X2M-4TBD-8RWP-3HNC', url: 'https://skills.example/claims/K7QF-9X2M-4TBD-8RWP-3HNC' };
    const { page } = await print(content({ claim, verifierUrl: 'https://verify.example' }));
    const text = await page.text();
    expect(text).toContain(claim.code);
    expect(text.replace(/\n/g, '')).toContain(claim.url);
    expect(text).toContain('https://verify.example');
  });

  it('the longest names and titles the schema allows are printed whole, smaller, and leave the QR code readable', async () => {
    const long = (words: string, length: number) =>
      words
        .repeat(Math.ceil(length / words.length))
        .slice(0, length)
        .trim();
    const c = content({
      institution: long('Centre National de Formation Professionnelle ', 200),
      learner: long('Nguyễn Văn Minh Khai-Łukasiewicz ', 200),
      qualification: long('Brevet de Technicien Supérieur en Installations Électriques ', 300),
      occupation: long('Électricien du bâtiment ', 200),
    });
    const { page } = await print(c);
    const text = (await page.text()).replace(/\s+/g, ' ');
    for (const words of [c.institution, c.learner, c.qualification, c.occupation!]) expect(text).toContain(words);
    expect(await page.scan(await page.image(150))).toBe(qrText);
  });

  it('competencies that do not fit the first page go on to the next, the QR code staying on the first', async () => {
    const competencies = Array.from(
      { length: 40 },
      (_, i) => `Competency ${i + 1}: a title long enough to need two lines on an A4 page`,
    );
    const { page } = await print(content({ competencies }));
    expect(await page.pages()).toBeGreaterThan(1);
    const text = await page.text();
    for (const competency of competencies) expect(text).toContain(competency);
    expect(text).toContain('Competencies (continued)');
    expect(await page.scan(await page.image(150))).toBe(qrText);
  });
});
