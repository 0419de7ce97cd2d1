import { parseDateTime } from '../core/formats/index.ts';

const DAY_MS = 86_400_000;

/** How much earlier than the issuer's clock a given issuance date may be: the caller's clock may differ. */
const ISSUANCE_CLOCK_SKEW_MS = 5 * 60_000;
/** How far ahead a credential may start to be valid (e.g. a licence valid from next term). */
const MAX_VALID_FROM_AHEAD_DAYS = 366;
/** The longest validity period: anything longer is a typo (9999) rather than a plan. */
const MAX_VALIDITY_YEARS = 100;
/** The earliest study or award day accepted: an earlier one is a typo. */
const EARLIEST_DAY = '1900-01-01';
/**
 * An award day may be one day after the issuer's date (UTC): time zones reach UTC+14, so the
 * learner's "today" can already be tomorrow in UTC.
 */
const AWARD_DAYS_AHEAD = 1;

export interface CredentialDates {
  /** Names as in the credential: issuanceDate/expirationDate (1.1) or validFrom/validUntil (2.0). */
  from: { name: string; value: string };
  until?: { name: string; value: string };
  startedOn?: string;
  awardedOn: string;
}

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * What is impossible about a credential's dates, as `/pointer reason` lines (none: they are fine).
 * The schema has already checked their form (calendar dates, date-times); the rules here depend on
 * `now`, the issuer's clock.
 */
export function credentialDateErrors(dates: CredentialDates, now: Date): string[] {
  const errors: string[] = [];
  const { from, until, startedOn, awardedOn } = dates;
  const fromTime = parseDateTime(from.value, true)?.getTime();
  if (fromTime === undefined) {
    errors.push(`/${from.name} must be a real date and time with a time zone, such as 2026-06-30T12:00:00Z`);
  } else if (fromTime < now.getTime() - ISSUANCE_CLOCK_SKEW_MS) {
    errors.push(
      `/${from.name} must not be earlier than now (${ISSUANCE_CLOCK_SKEW_MS / 60_000} minutes allowed for clock differences): a credential cannot be backdated`,
    );
  } else if (fromTime > now.getTime() + MAX_VALID_FROM_AHEAD_DAYS * DAY_MS) {
    errors.push(`/${from.name} must be at most ${MAX_VALID_FROM_AHEAD_DAYS} days from now`);
  }
  if (until) {
    const untilTime = parseDateTime(until.value, true)?.getTime();
    if (untilTime === undefined) {
      errors.push(`/${until.name} must be a real date and time with a time zone, such as 2030-06-30T12:00:00Z`);
    } else if (fromTime !== undefined && untilTime <= fromTime) {
      errors.push(`/${until.name} must be later than /${from.name}`);
    } else if (
      fromTime !== undefined &&
      untilTime > new Date(fromTime).setUTCFullYear(new Date(fromTime).getUTCFullYear() + MAX_VALIDITY_YEARS)
    ) {
      errors.push(`/${until.name} must be at most ${MAX_VALIDITY_YEARS} years after /${from.name}`);
    }
  }
  const latestAward = day(now.getTime() + AWARD_DAYS_AHEAD * DAY_MS);
  const awardPointer = '/credentialSubject/qualification/awardedOn';
  if (awardedOn > latestAward)
    errors.push(`${awardPointer} must not be in the future (at the latest ${latestAward}, allowing for time zones)`);
  if (awardedOn < EARLIEST_DAY) errors.push(`${awardPointer} must not be before ${EARLIEST_DAY}`);
  if (startedOn !== undefined) {
    const startPointer = '/credentialSubject/qualification/startedOn';
    if (startedOn < EARLIEST_DAY) errors.push(`${startPointer} must not be before ${EARLIEST_DAY}`);
    else if (startedOn > awardedOn) errors.push(`${startPointer} must not be later than awardedOn (${awardedOn})`);
  }
  return errors;
}
