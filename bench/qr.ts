import { randomBytes } from 'node:crypto';
import { credentialHash } from '../core/credential-hash.ts';
import { didKeyOfEd25519, ed25519PrivateKey, ed25519PublicKeyOfSeed } from '../core/ed25519.ts';
import { nodeJoseSigner } from '../core/jose/signer.ts';
import { leafOf, rootFromProof, sha256 } from '../core/merkle.ts';
import { encodeQrBundle, proofDepthOf, QR_V40_M_CAPACITY, qrVersionAtM } from '../core/qr-bundle/index.ts';
import type { AnchorReceipt } from '../core/receipt.ts';
import { credentialFromIssueRequest } from '../issuer/index.ts';
import { qualificationRequest } from '../test/support/system.ts';
import { report } from './report.ts';

const BATCH_SIZES = [1, 10, 100, 1_000, 10_000, 100_000];
const COMPETENCY_COUNTS = [0, 2, 5, 10, 20];
/** Competency titles as a training centre writes them: different sentences, each a few words. */
const VERBS = ['Install', 'Test and inspect', 'Maintain', 'Plan', 'Repair', 'Document', 'Commission'];
const OBJECTS = ['low-voltage wiring', 'circuits', 'earthing systems', 'distribution boards', 'lighting', 'motors'];

const seed = randomBytes(32);
const issuerDid = didKeyOfEd25519(ed25519PublicKeyOfSeed(seed));
const signer = nodeJoseSigner(ed25519PrivateKey(seed), `${issuerDid}#${issuerDid.slice('did:key:'.length)}`);
const learnerDid = didKeyOfEd25519(ed25519PublicKeyOfSeed(randomBytes(32)));

/** The README's example request, with `competencies` competencies instead of its two when given. */
async function issued(competencies?: number): Promise<string> {
  const request = qualificationRequest({ id: learnerDid });
  if (competencies !== undefined) {
    request.credential.credentialSubject.qualification.competencies = Array.from({ length: competencies }, (_, i) => ({
      title: `${VERBS[i % VERBS.length]} ${OBJECTS[(i * 5) % OBJECTS.length]} (unit ${i + 1})`,
    }));
  }
  const { credential, format } = await credentialFromIssueRequest(request, issuerDid, new Date());
  return format.sign(credential as unknown as Record<string, unknown>, issuerDid, signer);
}

/** A receipt as the issuer writes it for the deepest credential of a batch of `size`: its proof has the most steps. */
function receiptIn(credential: string, size: number): AnchorReceipt {
  const hash = credentialHash(credential);
  const proof = Array.from({ length: proofDepthOf(size) }, () => randomBytes(32));
  const root = rootFromProof(leafOf(Buffer.from(hash.slice(2), 'hex'), sha256), proof, sha256);
  return {
    type: 'SkillmarkAnchorReceipt',
    credentialHash: hash,
    hashAlgorithm: 'sha256',
    merkleRoot: `0x${root.toString('hex')}`,
    proof: proof.map((step) => `0x${step.toString('hex')}`),
    chainId: 137,
    registry: `0x${randomBytes(20).toString('hex')}`,
    transactionHash: `0x${randomBytes(32).toString('hex')}`,
    blockNumber: 61_234_567,
    anchoredAt: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(),
  };
}

function row(label: string, competencies: number | string, batch: number, credential: string, receipt: AnchorReceipt) {
  const text = encodeQrBundle({ credential, anchorReceipt: receipt });
  const json = JSON.stringify({ type: 'SkillmarkCredentialBundle', credential, anchorReceipt: receipt });
  return {
    credential: label,
    competencies,
    'batch size': batch,
    'proof steps': receipt.proof.length,
    'JSON bundle chars': json.length,
    'QR chars': text.length,
    'QR version (M)': qrVersionAtM(text) ?? `none (> ${QR_V40_M_CAPACITY})`,
  };
}

/** Characters and QR version of the QR form, by batch size and competencies, beside the plain JSON bundle. */
export async function qrBench(): Promise<void> {
  const readme = await issued();
  const rows = BATCH_SIZES.map((size) => row("README's example", 2, size, readme, receiptIn(readme, size)));
  for (const competencies of COMPETENCY_COUNTS) {
    const credential = await issued(competencies);
    for (const size of [1_000, 100_000])
      rows.push(row('example', competencies, size, credential, receiptIn(credential, size)));
  }
  report(
    'qr',
    'The whole credential in one QR code (SM1:, docs/qr.md): characters and QR version at error correction M',
    rows,
    [
      'Targets: the README example from a batch of up to 1,000 at version 25 or lower; any credential from a batch of 100,000 within version 40 (3,391 characters).',
      'Credentials signed as the issuer signs them (VC-JWT 1.1, Ed25519 did:key); receipts of the deepest leaf of a batch (the longest proof: ceil(log2(batch size)) steps of 32 bytes).',
      'JSON bundle: the SkillmarkCredentialBundle the issuer hands out, without spaces.',
    ],
  );
}
