/**
 * The wallet in its seven languages (issue 12, part 2), through the compiled CLI as a child process:
 * each language's `list` (a plural, a date written the language's way, where each credential
 * stands), each language's help, and which of --lang, SKILLMARK_LANG and the system locale wins.
 * No server: the credentials come from files.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWallet, tempDir } from '../test/support/system.ts';
import { selfSignedBundle } from './testing/self-signed.ts';
import { columns } from './words.ts';

let scratch: string;
let env: Record<string, string>;

beforeAll(async () => {
  scratch = tempDir('skillmark-languages-');
  env = { SKILLMARK_WALLET_DIR: join(scratch, 'wallet'), SKILLMARK_WALLET_PASSPHRASE: 'a long passphrase' };
  const init = await runWallet(['init', '--json'], env);
  expect(init.code, init.stderr).toBe(0);
  const did = JSON.parse(init.stdout).did;
  const files = [join(scratch, 'current.json'), join(scratch, 'expired.json')];
  writeFileSync(files[0]!, JSON.stringify(await selfSignedBundle(did)));
  writeFileSync(files[1]!, JSON.stringify(await selfSignedBundle(did, { expires: '2026-06-30T12:00:00Z' })));
  for (const file of files) {
    const received = await runWallet(['receive', file], env);
    expect(received.code, received.stderr).toBe(0);
  }
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** What `list` says of this wallet (two credentials, one expired on 30 June 2026), in each language. */
const LIST = {
  en: ['Your wallet holds 2 credentials:', 'EXPIRED on June 30, 2026', /^ {14}not checked yet \(received \S/m],
  fr: [
    'Votre portefeuille contient 2 attestations :',
    'EXPIRÉE le 30 juin 2026',
    /^ {14}pas encore vérifiée \(reçue le \d/m,
  ],
  es: [
    'Su cartera contiene 2 credenciales:',
    'CADUCADA el 30 de junio de 2026',
    /^ {14}aún sin comprobar \(recibida el \d/m,
  ],
  ar: ['تحوي محفظتك شهادتين:', 'انتهت صلاحيتها في 30 يونيو 2026', /^ {14}لم يُتحقق منها بعد \(استُلمت في \d/m],
  zh: ['您的钱包中有 2 份凭证：', '已于2026年6月30日过期', /^ {14}尚未核验（\d{4}年\d+月\d+日收到）$/m],
  pt: [
    'A sua carteira contém 2 credenciais:',
    'EXPIRADA em 30 de junho de 2026',
    /^ {14}ainda não verificada \(recebida em \d/m,
  ],
  hi: [
    'आपके वॉलेट में 2 प्रमाणपत्र हैं:',
    '30 जून 2026 को समय-सीमा खत्म',
    /^ {14}अभी तक जांचा नहीं गया \(\d+ \S+ \d{4} को प्राप्त\)$/m,
  ],
} as const;

/** The first line of the main help in each language. */
const HELP = {
  en: 'skillmark-wallet: keep your qualification credentials and show them to employers.',
  fr: 'skillmark-wallet : gardez vos attestations de qualification et montrez-les aux employeurs.',
  es: 'skillmark-wallet: guarde sus credenciales de cualificación y muéstrelas a los empleadores.',
  ar: 'skillmark-wallet: احتفظ بشهادات مؤهلاتك واعرضها على أصحاب العمل.',
  zh: 'skillmark-wallet：保管您的资格凭证，并向雇主出示。',
  pt: 'skillmark-wallet: guarde as suas credenciais de qualificação e mostre-as a empregadores.',
  hi: 'skillmark-wallet: अपनी योग्यता के प्रमाणपत्र संभालकर रखें और नियोक्ताओं को दिखाएं।',
} as const;

/** Marks that would reorder text on a terminal: the wallet prints right-to-left text in logical order, without them. */
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;

describe('list in each language', () => {
  it.concurrent.each(Object.entries(LIST))(
    '%s: the plural, the dates and the states in its words',
    async (tag, expected) => {
      const [count, expired, notChecked] = expected;
      const result = await runWallet(['list', '--lang', tag], env);
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines[0]).toBe(count);
      // The learner and the qualification as the credential gives them, joined the language's way ("，" in Chinese).
      expect(lines.filter((line) => /Amina Yusuf.{1,2}Certificate in Welding$/.test(line))).toHaveLength(2);
      expect(result.stdout).toContain(expired);
      expect(result.stdout).toMatch(notChecked);
      expect(result.stdout).not.toMatch(BIDI_CONTROLS);
      expect(result.stderr).toBe('');
    },
  );

  it('--json keeps its English keys and values whatever the language', async () => {
    const result = await runWallet(['list', '--json', '--lang', 'ar'], env);
    expect(result.code, result.stderr).toBe(0);
    const { credentials } = JSON.parse(result.stdout);
    expect(credentials.map((c: { state: { state: string } }) => c.state.state).sort()).toEqual([
      'expired',
      'not_checked',
    ]);
    expect(Object.keys(credentials[0]).sort()).toContain('awardedOn');
  });
});

describe('choosing the language', () => {
  /** Each case: the arguments, the environment, the language whose help comes out. */
  const CASES: [string, string[], Record<string, string>, keyof typeof HELP][] = [
    ['--lang over SKILLMARK_LANG', ['--help', '--lang', 'en'], { SKILLMARK_LANG: 'fr' }, 'en'],
    ['SKILLMARK_LANG over the locale', ['--help'], { SKILLMARK_LANG: 'fr', LC_ALL: 'es_ES.UTF-8' }, 'fr'],
    ['LC_ALL over LANG', ['--help'], { LC_ALL: 'es_ES.UTF-8', LANG: 'pt_BR.UTF-8' }, 'es'],
    ['LC_MESSAGES over LANG', ['-h'], { LC_MESSAGES: 'ar_EG.UTF-8', LANG: 'fr_FR.UTF-8' }, 'ar'],
    ['LANG', ['help'], { LANG: 'pt_BR.UTF-8' }, 'pt'],
    ['--lang=TAG with a script and a region', ['--lang=zh-Hans-CN', '--help'], {}, 'zh'],
    ['a POSIX locale with a modifier', ['--help'], { LANG: 'hi_IN.UTF-8@latin' }, 'hi'],
    ['the C locale', ['--help'], { LANG: 'C' }, 'en'],
  ];

  it.concurrent.each(CASES)('%s', async (_name, args, extraEnv, language) => {
    const result = await runWallet(args, extraEnv);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(HELP[language]);
    expect(result.stderr).toBe('');
  });

  it('an unknown tag answers in English, says so once, and does not fail', async () => {
    const result = await runWallet(['--help', '--lang', 'xx'], { LANG: 'fr_FR.UTF-8' });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(HELP.en);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('The language "xx" is not available; answering in English. Available: en (English), fr'),
    ]);
  });

  it("an option's description wraps under itself, within 100 columns, in every language", async () => {
    const languages = ['en', 'fr', 'es', 'ar', 'zh', 'pt', 'hi'];
    const helps = await Promise.all(languages.map((lang) => runWallet(['present', '--help', '--lang', lang], {})));
    for (const help of helps) {
      expect(help.code, help.stderr).toBe(0);
      const lines = help.stdout.trimEnd().split('\n');
      // The options close the help: from --verifier (a present option) to the end.
      const options = lines.slice(lines.findIndex((line) => line.startsWith('  --verifier ')));
      for (const line of options) {
        expect(columns(line), line).toBeLessThanOrEqual(100);
        expect(line, 'an option, or its description continued under it').toMatch(/^ {2}--|^ {26}\S/);
      }
      // --disclose's description is several lines long in every language.
      const disclose = options.findIndex((line) => line.startsWith('  --disclose '));
      expect(options[disclose + 1]).toMatch(/^ {26}\S/);
    }
  });

  it("a command's help, its usage errors and --lang without a value, in the chosen words", async () => {
    const [help, missing, noValue, flagValue] = await Promise.all([
      runWallet(['present', '--help', '--lang', 'es'], {}),
      runWallet(['show'], { SKILLMARK_LANG: 'fr' }),
      runWallet(['list', '--lang'], { LANG: 'pt_PT.UTF-8' }),
      runWallet(['list', '--json=yes'], { LC_ALL: 'zh_CN.UTF-8' }),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'Uso: skillmark-wallet present <número | id>... [--verifier URL] [--challenge CÓDIGO] [--domain DOMINIO] [--out ARCHIVO]',
    );
    expect(help.stdout).toMatch(/^ {2}--challenge <valor> +el código de un solo uso que le dio el empleador$/m);
    expect(help.stdout).toMatch(/^ {2}--lang <valor> +el idioma de las respuestas: en \(English\), fr \(Français\)/m);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'Indiquez quelle attestation : son numéro ou son identifiant dans « skillmark-wallet list ».\n',
    );
    expect(noValue.code).toBe(2);
    expect(noValue.stderr.split('\n')[0]).toBe('A opção --lang precisa de um valor.');
    expect(flagValue.code).toBe(2);
    expect(flagValue.stderr.split('\n')[0]).toBe('选项 --json 不接受值。');
  });
});
