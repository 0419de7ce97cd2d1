// The verification page's script: reads a credential from the camera, an image, a PDF, a file or pasted
// text, asks this verifier's API, and shows the answer in the page's language. Plain JavaScript served
// as it is (no build step); the QR decoder (zxing-wasm) loads only when the browser has no
// BarcodeDetector, from this verifier (no CDN).

const words = JSON.parse(document.getElementById('words').textContent);
const language = document.documentElement.lang;
const $ = (id) => document.getElementById(id);

/** A page word with its placeholders filled, each value isolated (<bdi>) so that a Latin name reads right in Arabic. */
const say = (key, params = {}) =>
  words[key].split(/\{(\w+)\}/).map((part, i) => (i % 2 ? h('bdi', {}, String(params[part] ?? '')) : part));

// Dates in the reader's language (and the browser's region for it: en-GB writes 30 June 2026): a
// day for a date, a day and a UTC time for a moment.
const locale = navigator.languages.find((tag) => tag.split('-')[0] === language) ?? language;
const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
const momentFormat = new Intl.DateTimeFormat(locale, {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});
const MOMENT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g;
const readableMoments = (text) => text.replace(MOMENT, (iso) => momentFormat.format(new Date(iso)));
const readableDay = (day) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? dayFormat.format(new Date(`${day}T00:00:00Z`)) : day);

/** A DOM element with attributes and children (strings become text: nothing is parsed as HTML). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children.flat().filter((c) => c !== undefined && c !== null));
  return element;
}

const statusLine = $('status');
function showStatus(text, problem = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle('problem', problem);
}

// ---- Reading QR codes: the browser's BarcodeDetector where it reads QR codes, else zxing-wasm.

let decoder;
function qrDecoder() {
  decoder ??= (async () => {
    if ('BarcodeDetector' in window) {
      const formats = await window.BarcodeDetector.getSupportedFormats().catch(() => []);
      if (formats.includes('qr_code')) {
        const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
        return async (source) =>
          (await detector.detect(source instanceof Blob ? await createImageBitmap(source) : source))[0]?.rawValue;
      }
    }
    await new Promise((loaded, failed) => {
      const script = h('script', { src: new URL('assets/zxing-reader.js', document.baseURI).href });
      script.addEventListener('load', loaded);
      script.addEventListener('error', failed);
      document.head.append(script);
    });
    const zxing = window.ZXingWASM;
    await zxing.prepareZXingModule({
      overrides: { locateFile: (path) => new URL(`assets/${path}`, document.baseURI).href },
      fireImmediately: true,
    });
    const options = { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 };
    return async (source) => {
      const input = source instanceof Blob ? source : pixelsOf(source);
      return (await zxing.readBarcodes(input, options))[0]?.text;
    };
  })();
  decoder.catch(() => {
    decoder = undefined;
  });
  return decoder;
}

const canvas = document.createElement('canvas');
function pixelsOf(video) {
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(video, 0, 0);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

async function decodeImage(file) {
  let decode;
  try {
    decode = await qrDecoder();
  } catch {
    return showStatus(words.decoder_failed, true);
  }
  const text = await decode(file).catch(() => undefined);
  if (!text) return showStatus(words.read_no_qr, true);
  return verifyText(text);
}

// ---- The camera: a frame every 400 ms until a code is read, for at most a minute.

let scanning;
async function startCamera() {
  stopCamera();
  showStatus(words.scan_starting);
  const decoding = qrDecoder(); // loads while the camera starts
  decoding.catch(() => undefined);
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: { ideal: 'environment' }, width: { ideal: 1920 }, height: { ideal: 1080 } },
      audio: false,
    });
  } catch {
    return showStatus(words.scan_no_camera, true);
  }
  let decode;
  try {
    decode = await decoding;
  } catch {
    for (const track of stream.getTracks()) track.stop();
    return showStatus(words.decoder_failed, true);
  }
  const video = $('video');
  video.srcObject = stream;
  $('camera').hidden = false;
  await video.play().catch(() => undefined);
  showStatus(words.scan_hint);
  const session = { stream, timer: undefined, deadline: Date.now() + 60_000 };
  scanning = session;
  const tick = async () => {
    if (scanning !== session) return;
    if (Date.now() > session.deadline) {
      stopCamera();
      return showStatus(words.scan_timeout, true);
    }
    const text = video.videoWidth ? await decode(video).catch(() => undefined) : undefined;
    if (scanning !== session) return;
    if (text) {
      stopCamera();
      return verifyText(text);
    }
    session.timer = setTimeout(tick, 400);
  };
  void tick();
}

function stopCamera() {
  if (!scanning) return;
  clearTimeout(scanning.timer);
  for (const track of scanning.stream.getTracks()) track.stop();
  scanning = undefined;
  $('video').srcObject = null;
  $('camera').hidden = true;
  showStatus('');
}

// ---- Files: an image of a QR code, the certificate PDF, or a credential / presentation as text.

// The issuer's certificate carries the QR text in its Info dictionary, uncompressed (docs/qr.md).
const PDF_CREDENTIAL = /SkillmarkCredential\s*\((SM\d+:[0-9A-Z $%*+\-./:]+)\)/;

async function readFile(file) {
  stopCamera();
  showStatus(words.reading);
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (...bytes) => bytes.every((byte, i) => head[i] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46)) {
    const text = new TextDecoder('latin1').decode(await file.arrayBuffer());
    const found = PDF_CREDENTIAL.exec(text);
    return found ? verifyText(found[1]) : showStatus(words.read_pdf_no_code, true);
  }
  const image = file.type.startsWith('image/') || starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff);
  if (image) return decodeImage(file);
  if (file.size > 1024 * 1024) return showStatus(words.problem_too_large, true);
  return verifyText(await file.text());
}

// ---- What the text is, and which endpoint checks it.

function base64UrlJson(part) {
  const text = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(text, (c) => c.charCodeAt(0))));
}

const typesOf = (value) => [value?.type ?? []].flat();
const isPresentationToken = (token) => {
  try {
    const payload = base64UrlJson(token.split('.')[1]);
    return 'vp' in payload || typesOf(payload).includes('VerifiablePresentation');
  } catch {
    return false;
  }
};

/** The API request for a text: [path, body], or undefined when it is nothing this page can check. */
function requestFor(text) {
  const trimmed = text.trim();
  if (/^SM\d+:/i.test(trimmed)) return ['credentials/verify', { verifiableCredential: trimmed.toUpperCase() }];
  if (/^[\w-]+\.[\w-]+\.[\w-]*$/.test(trimmed)) {
    return isPresentationToken(trimmed)
      ? ['presentations/verify', { verifiablePresentation: trimmed }]
      : ['credentials/verify', { verifiableCredential: trimmed }];
  }
  let json;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  if (json.verifiablePresentation) return ['presentations/verify', json];
  if (json.verifiableCredential) return ['credentials/verify', json];
  if (typeof json.qr === 'string') return requestFor(json.qr);
  if (typeof json.credential === 'string')
    return [
      'credentials/verify',
      { verifiableCredential: json.credential, options: { anchorReceipt: json.anchorReceipt } },
    ];
  if (typesOf(json).includes('EnvelopedVerifiablePresentation'))
    return ['presentations/verify', { verifiablePresentation: json }];
  if (typesOf(json).includes('EnvelopedVerifiableCredential'))
    return ['credentials/verify', { verifiableCredential: json }];
  // A credential with its proof inside (Data Integrity, or Veramo's JwtProof2020 form).
  if (json.proof && typesOf(json).includes('VerifiableCredential'))
    return ['credentials/verify', { verifiableCredential: json }];
  return undefined;
}

async function verifyText(text) {
  if (!text.trim()) return showStatus(words.read_empty, true);
  const request = requestFor(text);
  if (!request) return showProblem(words.problem_unreadable, undefined, words.verdict_unreadable);
  const [path, body] = request;
  showStatus(words.checking);
  let response;
  let answer;
  try {
    response = await fetch(new URL(path, document.baseURI), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify(body),
    });
    answer = await response.json();
  } catch {
    return showProblem(words.problem_offline);
  }
  if (answer && typeof answer.verdict === 'string') {
    showStatus('');
    return showAnswer(answer);
  }
  if (response.status === 413) return showProblem(words.problem_too_large, answer);
  if (response.status === 429) return showProblem(words.problem_busy, answer);
  if (response.status >= 500) return showProblem(words.problem_offline, answer);
  // Not a credential it can read (a damaged or foreign code): no "right now", waiting will not help.
  return showProblem(words.problem_unreadable, answer, words.verdict_unreadable);
}

// ---- The answer, for a reader who is not a specialist.

const ICONS = { valid: '✓', invalid: '✗', unverifiable: '?', skipped: '–' };
const TRANSIENT = new Set(['ledger_unreachable', 'ledger_lagging', 'did_resolution_failed']);
const result = $('result');

function showResult(...children) {
  result.replaceChildren(
    ...children.filter(Boolean),
    h('button', { type: 'button', id: 'again' }, words.check_another),
  );
  result.hidden = false;
  $('again').addEventListener('click', () => {
    result.hidden = true;
    result.replaceChildren();
    $('paste').value = '';
    $('file').value = '';
    $('file-name').textContent = words.file_none;
    $('scan').focus();
  });
  result.focus();
  result.scrollIntoView({ block: 'start' });
}

function verdictBox(kind, title, text) {
  return h(
    'div',
    { class: `verdict ${kind}`, id: 'verdict', 'data-verdict': kind },
    h('span', { class: 'icon', 'aria-hidden': 'true' }, ICONS[kind]),
    h('div', {}, h('h2', {}, title), h('p', {}, text)),
  );
}

function expertDetails(answer) {
  return h('details', {}, h('summary', {}, words.details_title), h('pre', {}, JSON.stringify(answer, null, 2)));
}

function showProblem(text, answer, title = words.verdict_unverifiable) {
  showStatus('');
  showResult(verdictBox('unverifiable', title, text), answer ? expertDetails(answer) : undefined);
}

const skillList = (skills) => h('ul', { class: 'skills' }, ...skills.map((skill) => h('li', {}, skill)));

function summaryList(summary, checks) {
  const row = (key, ...value) => [h('dt', {}, words[key]), h('dd', {}, ...value)];
  // No registry name: either no registry lists the issuer, or none could be asked just now.
  const registryAnswered = checks.some((c) => c.check === 'issuer_accredited' && c.status !== 'unverifiable');
  const institution = summary.institution
    ? [summary.institution.name, h('span', { class: 'registry' }, say('institution_listed', summary.institution))]
    : [registryAnswered ? words.institution_unlisted : words.status_unverifiable];
  return h(
    'dl',
    { class: 'summary', id: 'summary' },
    row('field_learner', summary.learnerName ?? words.not_stated),
    row('field_qualification', summary.qualificationTitle ?? words.not_stated),
    summary.level ? row('field_level', summary.level) : [],
    summary.occupation ? row('field_occupation', summary.occupation) : [],
    row('field_awarded', summary.awardedOn ? readableDay(summary.awardedOn) : words.not_stated),
    summary.skills ? row('field_skills', skillList(summary.skills)) : [],
    summary.criteria ? row('field_criteria', summary.criteria) : [],
    row('field_institution', ...institution),
    summary.issuerProfileName ? row('field_issuer_profile', summary.issuerProfileName) : [],
  );
}

function checkList(checks) {
  return h(
    'ul',
    { class: 'checks', id: 'checks' },
    checks
      .filter((check) => check.check !== 'structure' || check.status !== 'valid')
      .map((check) =>
        h(
          'li',
          { class: check.status, 'data-check': check.check },
          h('span', { class: 'mark', 'aria-hidden': 'true' }, ICONS[check.status]),
          h(
            'div',
            {},
            h(
              'strong',
              {},
              ...say('check_line', {
                check: words[`check_${check.check}`] ?? check.check,
                status: words[`status_${check.status}`],
              }),
            ),
            // The signer's DID means nothing to most readers: it stays in the details.
            h(
              'p',
              {},
              check.check === 'signature' && check.status === 'valid'
                ? words.signature_plain
                : readableMoments(check.message),
            ),
          ),
        ),
      ),
  );
}

const failed = (checks, names) => checks.some((c) => names.includes(c.check) && c.status === 'invalid');

function showAnswer(answer) {
  const credentials = answer.credentials ?? [answer];
  const allChecks = [...answer.checks, ...(answer.credentials ?? []).flatMap((c) => c.checks)];
  const parts = [];
  if (failed(allChecks, ['signature', 'presentation_signature', 'structure'])) {
    // A forged or changed document: one plain sentence, no list of checks to second-guess it.
    const unreadable = failed(allChecks, ['structure']) && !failed(allChecks, ['signature', 'presentation_signature']);
    parts.push(
      verdictBox('invalid', words.verdict_invalid, unreadable ? words.problem_unreadable : words.verdict_tampered_text),
    );
  } else {
    const text = {
      valid: words.verdict_valid_text,
      invalid: words.verdict_invalid_text,
      unverifiable: words.verdict_unverifiable_text,
    }[answer.verdict];
    parts.push(verdictBox(answer.verdict, words[`verdict_${answer.verdict}`], text));
    if (answer.verdict === 'unverifiable') {
      const steps = allChecks.some((c) => c.status === 'unverifiable' && TRANSIENT.has(c.reason))
        ? [words.next_steps_retry, words.next_steps_ask]
        : [words.next_steps_ask];
      parts.push(
        h(
          'div',
          { class: 'next', id: 'next-steps' },
          h('strong', {}, words.next_steps_title),
          h(
            'ul',
            {},
            steps.map((step) => h('li', {}, step)),
          ),
        ),
      );
    }
    credentials.forEach((credential, index) => {
      const heading = credentials.length > 1 ? ` · ${words.credential_number.replace('{number}', index + 1)}` : '';
      if (credential.summary)
        parts.push(h('h2', {}, words.summary_title + heading), summaryList(credential.summary, credential.checks));
    });
    parts.push(h('h2', {}, words.checks_title), checkList(allChecks));
  }
  parts.push(expertDetails(answer));
  showResult(...parts);
}

// ---- Wiring: every control is enabled only once this script runs.

$('scan').addEventListener('click', () => {
  if (!navigator.mediaDevices?.getUserMedia) return showStatus(words.scan_no_camera, true);
  void startCamera();
});
$('scan-stop').addEventListener('click', stopCamera);
$('file').addEventListener('change', (event) => {
  const [file] = event.target.files;
  $('file-name').textContent = file ? file.name : words.file_none;
  if (file) void readFile(file);
});
$('paste-form').addEventListener('submit', (event) => {
  event.preventDefault();
  stopCamera();
  void verifyText($('paste').value);
});
for (const id of ['scan', 'file', 'check']) $(id).disabled = false;
document.body.dataset.ready = 'true';
