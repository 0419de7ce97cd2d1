import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Asset {
  file: string;
  type: string;
}

const OWN = join(import.meta.dirname, 'assets');
// zxing-wasm's reader, served by the verifier itself (no CDN): its IIFE build defines one global, and
// the page points its locate function at our own copy of the .wasm.
const ZXING = dirname(fileURLToPath(import.meta.resolve('zxing-wasm/reader/zxing_reader.wasm')));

/** What the page may load, by the name in its URL: nothing else under assets/ is served. */
const ASSETS: Record<string, Asset> = {
  'verify.js': { file: join(OWN, 'verify.js'), type: 'text/javascript; charset=utf-8' },
  'verify.css': { file: join(OWN, 'verify.css'), type: 'text/css; charset=utf-8' },
  'zxing-reader.js': { file: join(ZXING, '..', 'iife', 'reader', 'index.js'), type: 'text/javascript; charset=utf-8' },
  'zxing_reader.wasm': { file: join(ZXING, 'zxing_reader.wasm'), type: 'application/wasm' },
};

export const ASSET_NAMES = Object.keys(ASSETS);

const loaded = new Map<string, Uint8Array>();

/** The asset's bytes and media type, read once; undefined for a name that is not an asset. */
export function asset(name: string): { body: Uint8Array; type: string } | undefined {
  if (!Object.hasOwn(ASSETS, name)) return undefined;
  const { file, type } = ASSETS[name]!;
  let body = loaded.get(name);
  if (!body) {
    body = readFileSync(file);
    loaded.set(name, body);
  }
  return { body, type };
}

/** The names of the assets the first load fetches (the decoder comes later, only when needed). */
export const FIRST_LOAD_ASSETS = ['verify.css', 'verify.js'] as const;
