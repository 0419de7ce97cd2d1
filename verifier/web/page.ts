import { html, raw } from 'hono/html';
import { LANGUAGES, type PageKey, pageWords } from '../../core/messages/index.ts';
import { languageSwitcher } from '../../core/web/language-switcher.ts';

/** The words the script needs to show an answer: every page word but the learner claim page's. */
function scriptWords(language: string): Record<string, string> {
  return Object.fromEntries(Object.entries(pageWords(language)).filter(([key]) => !key.startsWith('claim_')));
}

/** JSON inside a <script type="application/json">: no "<" may end the element early. */
const inertJson = (value: unknown) => raw(JSON.stringify(value).replace(/</g, '\\u003c'));

/**
 * The employer's verification page in one language: every word is in the HTML (the script reads
 * the answer's words from the inert JSON block), the language links work without JavaScript.
 */
export function verificationPage(language: string) {
  const words = pageWords(language);
  const w = (key: PageKey) => words[key];
  const { dir } = LANGUAGES[language] ?? LANGUAGES.en!;
  return html`<!doctype html>
<html lang="${language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${w('page_title')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/verify.css">
<script type="module" src="assets/verify.js"></script>
<script type="application/json" id="words">${inertJson(scriptWords(language))}</script>
</head>
<body>
<header>${languageSwitcher(language, w('language_label'))}</header>
<main>
<h1>${w('page_title')}</h1>
<p class="intro">${w('page_intro')}</p>
<section id="inputs" class="inputs">
<button type="button" id="scan" class="primary" disabled><span aria-hidden="true">📷 </span>${w('scan_button')}</button>
<div id="camera" class="camera" hidden>
<video id="video" playsinline muted aria-describedby="scan-hint"></video>
<p id="scan-hint">${w('scan_hint')}</p>
<button type="button" id="scan-stop">${w('scan_stop')}</button>
</div>
<div class="field">
<label for="file">${w('file_label')}</label>
<p id="file-hint" class="hint">${w('file_hint')}</p>
<div class="picker">
<input type="file" id="file" class="offscreen" disabled aria-describedby="file-hint file-name" accept="image/*,.pdf,application/pdf,.json,application/json,.jwt,.txt,text/plain">
<label for="file" class="choose" aria-hidden="true">${w('file_choose')}</label>
<span id="file-name" class="hint">${w('file_none')}</span>
</div>
</div>
<form id="paste-form" class="field">
<label for="paste">${w('paste_label')}</label>
<p id="paste-hint" class="hint">${w('paste_hint')}</p>
<textarea id="paste" rows="3" dir="ltr" spellcheck="false" autocapitalize="off" autocomplete="off" aria-describedby="paste-hint"></textarea>
<button type="submit" id="check" disabled>${w('check_button')}</button>
</form>
</section>
<p id="status" class="status" role="status" aria-live="polite"></p>
<section id="result" class="result" tabindex="-1" hidden></section>
<noscript><p class="status">${w('noscript')}</p></noscript>
</main>
<footer><p>${w('privacy_note')}</p></footer>
</body>
</html>`;
}
