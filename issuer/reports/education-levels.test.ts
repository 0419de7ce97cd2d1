/**
 * The learner's education level: the configured set (REPORT_EDUCATION_LEVELS, default ISCED 2011's
 * levels of a training statistics table), how an issue request gives it, and that it never reaches
 * the credential.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.ts';
import { HttpProblem } from '../../core/http-problem.ts';
import { credentialFromIssueRequest } from '../issue-request.ts';
import { DEFAULT_EDUCATION_LEVELS, educationLevelOf } from './education-levels.ts';

const INSTITUTION = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const NOW = new Date('2026-11-30T12:00:00Z');
const request = (educationLevel: unknown) => ({
  credential: {
    type: ['VerifiableCredential', 'QualificationCredential'],
    credentialSubject: { learnerReference: 'L-1', qualification: { title: 'Electrician', awardedOn: '2026-06-30' } },
  },
  educationLevel,
});

function refusal(run: () => unknown): HttpProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('the value was accepted');
}

describe('the configured levels', () => {
  it('are by default the five of the national table plus unknown, each with its ISCED 2011 level', () => {
    expect(loadConfig({}).educationLevels).toEqual([
      { code: 'primary', isced: 1 },
      { code: 'lower_secondary', isced: 2 },
      { code: 'upper_secondary', isced: 3 },
      { code: 'technician', isced: 4 },
      { code: 'senior_technician', isced: 5 },
      { code: 'unknown', isced: 9 },
    ]);
  });

  it('are read from REPORT_EDUCATION_LEVELS, with or without ISCED levels, and always include unknown', () => {
    expect(loadConfig({ REPORT_EDUCATION_LEVELS: 'none:0, basic:1,secondary' }).educationLevels).toEqual([
      { code: 'none', isced: 0 },
      { code: 'basic', isced: 1 },
      { code: 'secondary' },
      { code: 'unknown', isced: 9 },
    ]);
  });

  it('refuse a malformed or repeated level at start, saying which', () => {
    expect(() => loadConfig({ REPORT_EDUCATION_LEVELS: 'primary,Upper Secondary' })).toThrow(
      /"Upper Secondary" is not a level/,
    );
    expect(() => loadConfig({ REPORT_EDUCATION_LEVELS: 'primary:1,primary:2' })).toThrow(ConfigError);
    expect(() => loadConfig({ REPORT_EDUCATION_LEVELS: 'primary:10' })).toThrow(/is not a level/);
  });

  it('come with a suppression threshold, 5 unless REPORT_SUPPRESSION_THRESHOLD says otherwise', () => {
    expect(loadConfig({}).reportSuppressionThreshold).toBe(5);
    expect(loadConfig({ REPORT_SUPPRESSION_THRESHOLD: '10' }).reportSuppressionThreshold).toBe(10);
    expect(() => loadConfig({ REPORT_SUPPRESSION_THRESHOLD: '0' })).toThrow(ConfigError);
  });
});

describe('a request’s educationLevel', () => {
  it('is its code, written in any case with spaces or hyphens for underscores', () => {
    expect(educationLevelOf('upper_secondary', DEFAULT_EDUCATION_LEVELS)).toBe('upper_secondary');
    expect(educationLevelOf(' Lower secondary ', DEFAULT_EDUCATION_LEVELS)).toBe('lower_secondary');
    expect(educationLevelOf('Senior-Technician', DEFAULT_EDUCATION_LEVELS)).toBe('senior_technician');
  });

  it('is not given when absent, null or blank (the report counts it as unknown)', () => {
    for (const value of [undefined, null, '', '  '])
      expect(educationLevelOf(value, DEFAULT_EDUCATION_LEVELS)).toBe(undefined);
  });

  it('is refused with a 422 naming the field and the allowed values when it names no level', () => {
    for (const value of ['university', 7, ['primary'], { code: 'primary' }]) {
      const problem = refusal(() => educationLevelOf(value, DEFAULT_EDUCATION_LEVELS));
      expect(problem.status).toBe(422);
      expect(problem.detail).toContain(
        '"educationLevel" must be one of primary, lower_secondary, upper_secondary, technician, senior_technician, unknown',
      );
      expect(problem.extra.errors).toEqual([expect.stringMatching(/^\/educationLevel /)]);
    }
  });

  it('follows the configured set, not the default one', () => {
    const levels = [{ code: 'basic' }, { code: 'unknown' }];
    expect(educationLevelOf('Basic', levels)).toBe('basic');
    expect(refusal(() => educationLevelOf('primary', levels)).detail).toContain('must be one of basic, unknown');
  });

  it('comes back beside the credential to sign, never inside it', async () => {
    const made = await credentialFromIssueRequest(request('technician'), INSTITUTION, NOW);
    expect(made.educationLevel).toBe('technician');
    expect(JSON.stringify(made.credential)).not.toContain('technician');
    expect(JSON.stringify(made.credential)).not.toContain('educationLevel');
    expect((await credentialFromIssueRequest(request(undefined), INSTITUTION, NOW)).educationLevel).toBe(undefined);
    await expect(credentialFromIssueRequest(request('doctorate'), INSTITUTION, NOW)).rejects.toMatchObject({
      status: 422,
      title: 'Invalid educationLevel',
    });
  });
});
