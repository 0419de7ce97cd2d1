import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';

export interface TestCertificate {
  certFile: string;
  keyFile: string;
  /** The certificate itself (self-signed: it is its own CA). */
  cert: Buffer;
  /** A fetch dispatcher that trusts this certificate only (fetch(url, { dispatcher })). */
  agent: Agent;
}

/** A self-signed P-256 certificate for 127.0.0.1, made with openssl at test time (a day's validity, no secret kept). */
export function selfSignedCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'skillmark-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'].concat([
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]),
    { stdio: 'ignore' },
  );
  const cert = readFileSync(certFile);
  return { certFile, keyFile, cert, agent: new Agent({ connect: { ca: cert } }) };
}
