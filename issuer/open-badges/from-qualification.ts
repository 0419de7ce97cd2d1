import { createHash } from 'node:crypto';
import { VC_V2_CONTEXT } from '../../core/vc-contexts.ts';
import type { UnsignedQualificationCredential } from '../issue-request.ts';
import { OPEN_BADGE_CONTEXT, OPEN_BADGE_EXTENSIONS_CONTEXT, OPEN_BADGE_SCHEMA_URL } from './schema.ts';

type Qualification = UnsignedQualificationCredential['credentialSubject']['qualification'];
interface Competency {
  title: string;
  code?: string;
  uri?: string;
  assessment?: string;
}
interface Occupation {
  title: string;
  code?: string;
  framework?: string;
  uri?: string;
}

const alignment = (fields: { targetName: string; targetUrl: string; [key: string]: string | undefined }) => ({
  type: ['Alignment'],
  ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
});

/**
 * ISCO-08 unit groups have an ESCO URI of their own (http://data.europa.eu/esco/isco/C7411); an
 * occupation given its own URI (an ESCO occupation) keeps it.
 */
function occupationUrl(o: Occupation): string | undefined {
  if (o.uri) return o.uri;
  if (o.code && /^\d{1,4}$/.test(o.code) && /isco/i.test(o.framework ?? 'ISCO-08'))
    return `http://data.europa.eu/esco/isco/C${o.code}`;
  return undefined;
}

/** EQF levels have a Europass URI each; other frameworks' levels have none we know. */
function levelUrl(level: { framework: string; value: string }): string | undefined {
  return /^eqf$|european qualifications framework/i.test(level.framework) && /^[1-8]$/.test(level.value)
    ? `http://data.europa.eu/snb/eqf/${level.value}`
    : undefined;
}

/**
 * The qualification as an Open Badges 3.0 AchievementCredential: the same request, the one source
 * of the qualification's data, drawn as 1EdTech's classes. The qualification is the achievement
 * (its criteria, its level and occupation as alignments: ISCO-08 and ESCO where there is a URI,
 * tags where there is none); each competency is a result the learner completed, described by the
 * achievement (aligned to its ESCO skill where given), and how it was assessed (recognition of
 * prior learning, say) is the evidence of it.
 */
export function openBadgeOf(
  credential: UnsignedQualificationCredential,
  issuerDid: string,
  institutionName: string,
): Record<string, unknown> {
  const subject = credential.credentialSubject;
  const q = subject.qualification as Qualification & {
    code?: string;
    description?: string;
    criteria?: string;
    level?: { framework: string; value: string };
    occupation?: Occupation;
    competencies?: Competency[];
  };
  const issuer = typeof credential.issuer === 'object' ? credential.issuer : { id: credential.issuer };
  const issuerName = issuer.name ?? institutionName;
  // Stable for the institution's qualification, so that every learner's badge names the same achievement.
  const achievementId = `urn:skillmark:achievement:${createHash('sha256')
    .update(`${issuerDid}\n${q.code ?? q.title}`)
    .digest('hex')
    .slice(0, 32)}`;
  const competencies = q.competencies ?? [];
  const described = competencies.map((c, i) => ({
    id: `${achievementId}:competency:${i + 1}`,
    type: ['ResultDescription'],
    name: c.title,
    resultType: 'Status',
    ...(c.uri ? { alignment: [alignment({ targetName: c.title, targetUrl: c.uri, targetCode: c.code })] } : {}),
  }));
  const occupationTarget = q.occupation && occupationUrl(q.occupation);
  const levelTarget = q.level && levelUrl(q.level);
  const alignments = [
    ...(q.occupation && occupationTarget
      ? [
          alignment({
            targetName: q.occupation.title,
            targetUrl: occupationTarget,
            targetCode: q.occupation.code,
            targetFramework: q.occupation.framework ?? (q.occupation.code ? 'ISCO-08' : undefined),
            targetType: 'ext:Occupation',
          }),
        ]
      : []),
    ...(q.level && levelTarget
      ? [
          alignment({
            targetName: `${q.level.framework} level ${q.level.value}`,
            targetUrl: levelTarget,
            targetCode: q.level.value,
            targetFramework: q.level.framework,
            targetType: 'ext:QualificationLevel',
          }),
        ]
      : []),
  ];
  const tags = [
    ...(q.level && !levelTarget ? [`${q.level.framework} level ${q.level.value}`] : []),
    ...(q.occupation && !occupationTarget ? [q.occupation.title] : []),
  ];
  const criteria =
    q.criteria ??
    (competencies.length > 0
      ? `Each of these competencies assessed and found met: ${competencies.map((c) => c.title).join('; ')}.`
      : `The requirements of ${q.title}, assessed by ${issuerName}.`);
  const identifiers = [
    ...(subject.learnerReference ? [{ value: subject.learnerReference, kind: 'identifier' }] : []),
    ...(subject.name ? [{ value: subject.name, kind: 'name' }] : []),
  ].map(({ value, kind }) => ({ type: 'IdentityObject', hashed: false, identityHash: value, identityType: kind }));
  const assessed = competencies.filter((c) => c.assessment);
  return {
    '@context': [VC_V2_CONTEXT, OPEN_BADGE_CONTEXT, OPEN_BADGE_EXTENSIONS_CONTEXT],
    id: credential.id,
    type: ['VerifiableCredential', 'AchievementCredential'],
    name: q.title,
    issuer: {
      id: issuer.id,
      type: ['Profile'],
      name: issuerName,
      ...(issuer.description ? { description: issuer.description } : {}),
    },
    validFrom: credential.validFrom,
    ...(credential.validUntil ? { validUntil: credential.validUntil } : {}),
    credentialSchema: [{ id: OPEN_BADGE_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }],
    credentialSubject: {
      ...(subject.id ? { id: subject.id } : {}),
      type: ['AchievementSubject'],
      ...(identifiers.length > 0 ? { identifier: identifiers } : {}),
      ...(q.startedOn ? { activityStartDate: `${q.startedOn}T00:00:00Z` } : {}),
      activityEndDate: `${q.awardedOn}T00:00:00Z`,
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: q.title,
        description: q.description ?? `${q.title}, awarded by ${issuerName}.`,
        criteria: { narrative: criteria },
        ...(q.code ? { humanCode: q.code } : {}),
        ...(alignments.length > 0 ? { alignment: alignments } : {}),
        ...(tags.length > 0 ? { tag: tags } : {}),
        ...(described.length > 0 ? { resultDescription: described } : {}),
      },
      ...(described.length > 0
        ? { result: described.map((d) => ({ type: ['Result'], resultDescription: d.id, status: 'Completed' })) }
        : {}),
    },
    ...(assessed.length > 0
      ? {
          evidence: assessed.map((c) => ({
            type: ['Evidence'],
            name: c.title,
            narrative: c.assessment,
            genre: 'Assessment',
          })),
        }
      : {}),
  };
}
