import type { IssuerDb } from '../db-schema.ts';
import type { SigningIdentity } from '../identity.ts';
import type { EducationLevel } from './education-levels.ts';
import { countOccupations, type OccupationCounts } from './occupation-counts.ts';
import { type OccupationReport, occupationTable } from './occupation-table.ts';
import { parseQuarter } from './quarter.ts';
import { signOccupationCounts } from './signed-report.ts';

export interface OccupationReportSettings {
  educationLevels: readonly EducationLevel[];
  suppressionThreshold: number;
}

/** The institution's quarterly occupation report, from its own register of credentials. */
export class OccupationReports {
  constructor(
    private readonly db: IssuerDb,
    readonly settings: OccupationReportSettings,
    private readonly institution: { name: string; signer: () => SigningIdentity },
  ) {}

  /**
   * The exact counts of the quarter (a 400 for a quarter that is not one): the credentials whose
   * award date falls in it, pending or anchored; revoked ones are left out.
   */
  async counts(quarterText: string | undefined): Promise<OccupationCounts> {
    const quarter = parseQuarter(quarterText);
    const groups = await this.db
      .selectFrom('credential_statistics as s')
      .innerJoin('credentials as c', 'c.id', 's.credential_id')
      .where('s.awarded_on', '>=', quarter.firstDay)
      .where('s.awarded_on', '<=', quarter.lastDay)
      .where('c.status', '!=', 'revoked')
      .select((eb) => [
        's.occupation_code as code',
        's.occupation_title as title',
        's.education_level as educationLevel',
        eb.fn.countAll().as('count'),
      ])
      .groupBy(['s.occupation_code', 's.occupation_title', 's.education_level'])
      .execute();
    // PostgreSQL counts as bigint, which arrives as text.
    return countOccupations(
      quarter.name,
      this.settings.educationLevels,
      groups.map((g) => ({ ...g, count: Number(g.count) })),
    );
  }

  get institutionName(): string {
    return this.institution.name;
  }

  /** The table to publish: ranked, with shares, small counts suppressed. */
  async table(quarterText: string | undefined): Promise<OccupationReport> {
    return occupationTable(await this.counts(quarterText), this.settings.suppressionThreshold);
  }

  /** The exact counts signed with the institution's DID, for the accreditation authority (docs/reports.md). */
  async signed(quarterText: string | undefined, now = new Date()): Promise<string> {
    const identity = this.institution.signer();
    return signOccupationCounts(
      await this.counts(quarterText),
      { did: identity.did, name: this.institution.name },
      identity.joseSigner,
      now,
    );
  }
}
