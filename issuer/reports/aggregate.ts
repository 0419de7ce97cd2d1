import { z } from 'zod';
import { connectProvider } from '../../contracts/provider.ts';
import { Registry } from '../../contracts/registry.ts';
import { JwsFormatError, parseCompactJws } from '../../core/jose/compact-jws.ts';
import { verifyJwsSignature } from '../../core/jose/verify-signature.ts';
import { DidKeyError, DidKeyResolver } from '../../verifier/index.ts';
import type { EducationLevel } from './education-levels.ts';
import { type CountedGroup, countOccupations } from './occupation-counts.ts';
import { type OccupationReport, occupationTable } from './occupation-table.ts';
import { SIGNED_REPORT_JWS_TYPE, SIGNED_REPORT_TYPE, type SignedReportPayload } from './signed-report.ts';

/** A registry whose accredited institutions the authority takes reports from (as in VERIFIER_TRUST_FILE). */
export interface TrustedRegistry {
  name: string;
  chainId: number;
  registry: string;
  rpcUrls: string[];
}

/** One institution's signed report, as read from its file. */
export interface SignedReportFile {
  /** What to call it in messages: its file name. */
  name: string;
  text: string;
}

/** The institutions a national table was merged from, as their registries name them. */
export interface MergedInstitution {
  file: string;
  did: string;
  name: string;
  registry: string;
}

export interface NationalTable {
  report: OccupationReport;
  institutions: MergedInstitution[];
}

/** Why reports were refused, each in plain words naming its file; nothing is merged then. */
export class ReportsRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`The reports cannot be merged:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

const count = z.number().int().nonnegative();
const Payload = z.object({
  type: z.literal(SIGNED_REPORT_TYPE),
  version: z.literal(1),
  iss: z.string(),
  iat: z.number().int(),
  institution: z.object({ did: z.string(), name: z.string() }),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  educationLevels: z.array(z.object({ code: z.string(), isced: z.number().int().optional() })),
  occupations: z.array(
    z.object({
      code: z.string().nullable(),
      title: z.string().nullable(),
      byEducationLevel: z.record(z.string(), count),
    }),
  ),
});

interface Opened {
  file: string;
  did: string;
  payload: SignedReportPayload;
}

/** The report's payload once its signature is checked against the DID its key id names; a plain-words problem otherwise. */
async function openSignedReport(file: SignedReportFile, keys: DidKeyResolver): Promise<Opened | string> {
  if (file.text.trim() === '') return `${file.name} is empty: it holds no signed report.`;
  let jws: ReturnType<typeof parseCompactJws>;
  try {
    jws = parseCompactJws(file.text.trim());
  } catch (error) {
    if (error instanceof JwsFormatError) return `${file.name} is not a signed report (${error.message}).`;
    throw error;
  }
  const kid = jws.header.kid;
  if (jws.header.typ !== SIGNED_REPORT_JWS_TYPE || typeof kid !== 'string' || !kid.startsWith('did:'))
    return `${file.name} is not a signed occupation report (its header does not say typ "${SIGNED_REPORT_JWS_TYPE}" with the signer's key id).`;
  const did = kid.split('#')[0]!;
  let key: Awaited<ReturnType<DidKeyResolver['keyFor']>>;
  try {
    key = await keys.keyFor(did, kid, 'assertionMethod');
  } catch (error) {
    if (error instanceof DidKeyError) return `${file.name}: the key that signed it cannot be found (${error.message}).`;
    throw error;
  }
  if (!verifyJwsSignature(key, jws.signingInput, jws.signature, String(jws.header.alg)))
    return `${file.name} was changed after it was signed: its signature does not match its content. Ask ${did} for the report again.`;
  const payload = Payload.safeParse(jws.payload);
  if (!payload.success) return `${file.name} is signed but is not an occupation report this version can read.`;
  if (payload.data.iss !== did || payload.data.institution.did !== did)
    return `${file.name} says it is from ${payload.data.iss}, but it was signed by ${did}.`;
  return { file: file.name, did, payload: payload.data as SignedReportPayload };
}

/**
 * Whether the signing DID belongs to an institution accredited now on one of the trusted
 * registries, and was never reported compromised; its name as that registry gives it, or the problem.
 */
async function accreditation(
  opened: Opened,
  registries: readonly { trusted: TrustedRegistry; registry: Registry }[],
): Promise<{ id: string; name: string; registry: string } | string> {
  const refusals: string[] = [];
  for (const { trusted, registry } of registries) {
    let id: number;
    try {
      id = await registry.institutionOfDid(opened.did);
      if (id === 0) continue;
      const [institution, compromisedSince] = await Promise.all([
        registry.institution(id),
        registry.didCompromisedSince(opened.did),
      ]);
      if (compromisedSince !== 0)
        refusals.push(
          `${opened.file}: ${institution.name} reported the key that signed it compromised on ${new Date(compromisedSince * 1000).toISOString()} (${trusted.name}); ask for a report signed with its new key.`,
        );
      else if (institution.status !== 'Accredited')
        refusals.push(
          `${opened.file}: ${institution.name} is not accredited on ${trusted.name} (${institution.status.toLowerCase()} since ${new Date(institution.statusSince * 1000).toISOString().slice(0, 10)}).`,
        );
      else
        return {
          id: `${trusted.chainId}:${trusted.registry.toLowerCase()}:${id}`,
          name: institution.name,
          registry: trusted.name,
        };
    } catch {
      return `${opened.file}: the registry ${trusted.name} cannot be reached, so its accreditation cannot be checked: check that its node answers at the address the trust list gives (--trust, else LEDGER_RPC_URL or LEDGER_PORT), then try again.`;
    }
  }
  return (
    refusals[0] ??
    `${opened.file} is signed by ${opened.did}, which no trusted registry lists for an accredited institution.`
  );
}

/**
 * The national table from institutions' signed reports (`skillmark-issuer report aggregate FILE…`):
 * every signature is checked, every signer must be an accredited institution on a trusted registry,
 * all reports must be for the same quarter and each institution may appear once. Then their exact
 * counts are added up (occupations by code, else by title; the levels of all reports) and the
 * table is made as an institution's is, small counts suppressed. Any refused report refuses the
 * whole merge (ReportsRefused lists every problem), so a national table is never short of a report
 * without saying so.
 */
export async function aggregateSignedReports(
  files: readonly SignedReportFile[],
  options: { registries: readonly TrustedRegistry[]; suppressionThreshold: number; keys?: DidKeyResolver },
): Promise<NationalTable> {
  if (files.length === 0) throw new ReportsRefused(['No report was given.']);
  const keys = options.keys ?? new DidKeyResolver();
  const providers = options.registries.map((trusted) =>
    connectProvider(trusted.rpcUrls[0]!, trusted.chainId, { timeoutMs: 4000 }),
  );
  const registries = options.registries.map((trusted, i) => ({
    trusted,
    registry: new Registry(trusted.registry, providers[i]!),
  }));
  try {
    const problems: string[] = [];
    const accepted: (Opened & { institution: { id: string; name: string; registry: string } })[] = [];
    for (const file of files) {
      const opened = await openSignedReport(file, keys);
      if (typeof opened === 'string') {
        problems.push(opened);
        continue;
      }
      const institution = await accreditation(opened, registries);
      if (typeof institution === 'string') problems.push(institution);
      else accepted.push({ ...opened, institution });
    }
    const quarters = [...new Set(accepted.map((a) => a.payload.quarter))];
    if (quarters.length > 1)
      problems.push(
        `The reports are for different quarters (${accepted.map((a) => `${a.file}: ${a.payload.quarter}`).join(', ')}); merge one quarter at a time.`,
      );
    for (const [i, a] of accepted.entries()) {
      const first = accepted.findIndex((b) => b.institution.id === a.institution.id);
      if (first !== i)
        problems.push(
          `${accepted[first]!.file} and ${a.file} are both from ${a.institution.name}; give each institution's report once.`,
        );
    }
    if (problems.length > 0) throw new ReportsRefused(problems);
    return merge(accepted, options.suppressionThreshold);
  } finally {
    for (const provider of providers) provider.destroy();
  }
}

function merge(
  accepted: (Opened & { institution: { name: string; registry: string } })[],
  threshold: number,
): NationalTable {
  const levels: EducationLevel[] = [];
  for (const { payload } of accepted)
    for (const level of payload.educationLevels) if (!levels.some((l) => l.code === level.code)) levels.push(level);
  const quarter = accepted[0]!.payload.quarter;
  const groupsOf = (payload: SignedReportPayload): CountedGroup[] =>
    payload.occupations.flatMap((occupation) =>
      Object.entries(occupation.byEducationLevel).map(([educationLevel, n]) => ({
        code: occupation.code,
        title: occupation.title,
        educationLevel,
        count: n,
      })),
    );
  const groups = accepted.map((a) => groupsOf(a.payload));
  const counts = countOccupations(quarter, levels, groups.flat());
  // Each institution's own counts: the national table must not give back what its others add up to.
  const contributions = groups.map((own) => countOccupations(quarter, levels, own));
  return {
    report: occupationTable(counts, threshold, contributions),
    institutions: accepted.map((a) => ({
      file: a.file,
      did: a.did,
      name: a.institution.name,
      registry: a.institution.registry,
    })),
  };
}
