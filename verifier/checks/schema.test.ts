import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPEN_BADGE_SCHEMA_ID, QUALIFICATION_SCHEMA_ID } from '../../core/schemas.ts';
import { conformancePath } from '../../test/support/conformance.ts';
import { selfSignedBundle } from '../../wallet-cli/testing/self-signed.ts';
import type { CheckFragment } from '../fragment.ts';
import { readCredential } from '../verify-credential.ts';
import { runChecks } from './check.ts';
import { schema } from './schema.ts';
import type { CredentialSubject } from './subjects.ts';

/** The schema check of a credential in this W3C form, run as the verifier runs it. */
const checkSchema = async (credential: Record<string, unknown>): Promise<CheckFragment> =>
  (await runChecks([schema], { credential: { credential } } as CredentialSubject))[0]!;

/**
 * The credential's content against the schema it declares: a real signed credential read into its
 * W3C form, then changed one way at a time.
 */
const SCHEMA = { id: QUALIFICATION_SCHEMA_ID, type: 'JsonSchema' };
let credential: Record<string, unknown>;

beforeAll(async () => {
  const { credential: token } = await selfSignedBundle('did:example:learner');
  const read = readCredential(token);
  if (!read.ok) throw new Error(read.fragment.message);
  credential = read.value.credential;
  expect(credential.credentialSchema).toEqual(SCHEMA);
});

const subject = () => credential.credentialSubject as { qualification: Record<string, unknown> };
const withTitle = (title: unknown) => ({
  ...credential,
  credentialSubject: { ...subject(), qualification: { ...subject().qualification, title } },
});

describe('schema check', () => {
  it('is valid for a credential matching the schema it declares', async () => {
    expect(await checkSchema(credential)).toEqual({
      check: 'schema',
      status: 'valid',
      reason: 'schema_valid',
      message: expect.any(String),
      details: { schemas: [QUALIFICATION_SCHEMA_ID] },
    });
  });

  it('checks each schema of a declared list: ours says credentialSchema is one object', async () => {
    expect(await checkSchema({ ...credential, credentialSchema: [SCHEMA] })).toMatchObject({
      status: 'invalid',
      reason: 'schema_mismatch',
      params: { detail: '/credentialSchema must be object' },
    });
  });

  it('is skipped when no schema is declared, or an empty list', async () => {
    const { credentialSchema: _, ...undeclared } = credential;
    expect(await checkSchema(undeclared)).toMatchObject({
      check: 'schema',
      status: 'skipped',
      reason: 'schema_not_declared',
    });
    expect(await checkSchema({ ...credential, credentialSchema: [] })).toMatchObject({
      check: 'schema',
      status: 'skipped',
      reason: 'schema_not_declared',
    });
  });

  it('is skipped for a schema it does not know, naming it (cut to 200 characters)', async () => {
    expect(
      await checkSchema({
        ...credential,
        credentialSchema: { id: 'https://schemas.example/other', type: 'JsonSchema' },
      }),
    ).toMatchObject({
      check: 'schema',
      status: 'skipped',
      reason: 'schema_unknown',
      params: { schema: 'https://schemas.example/other' },
    });
    expect((await checkSchema({ ...credential, credentialSchema: { id: `urn:${'x'.repeat(300)}` } })).params).toEqual({
      schema: `urn:${'x'.repeat(196)}`,
    });
    // An id that is not a string is unknown, even a list holding a known id.
    for (const declared of [
      {},
      { id: 7 },
      { id: [QUALIFICATION_SCHEMA_ID] },
      null,
      'urn:skillmark:schema:qualification-credential:1',
    ]) {
      expect(await checkSchema({ ...credential, credentialSchema: declared }), JSON.stringify(declared)).toMatchObject({
        status: 'skipped',
        reason: 'schema_unknown',
      });
    }
  });

  it('is skipped, not valid, when the first of several declared schemas is unknown', async () => {
    expect(await checkSchema({ ...credential, credentialSchema: [{ id: 'urn:example:other' }, SCHEMA] })).toMatchObject(
      { status: 'skipped', reason: 'schema_unknown', params: { schema: 'urn:example:other' } },
    );
  });

  it('is invalid when the content does not match, saying where and why', async () => {
    const f = await checkSchema(withTitle(''));
    expect(f).toMatchObject({
      check: 'schema',
      status: 'invalid',
      reason: 'schema_mismatch',
      details: { schema: QUALIFICATION_SCHEMA_ID },
    });
    const errors = (f.details as { errors: string[] }).errors;
    expect(errors).toEqual(['/credentialSubject/qualification/title must NOT have fewer than 1 characters']);
    expect(f.params).toEqual({ detail: errors.join('; ') });
    expect(f.message).toContain('/credentialSubject/qualification/title must NOT have fewer than 1 characters');
  });

  it('lists at most five errors, joined in the message', async () => {
    const qualification = { title: 1, awardedOn: 2, competencies: 3, a: 4, b: 5, c: 6 };
    const f = await checkSchema({ ...credential, credentialSubject: { ...subject(), qualification } });
    const errors = (f.details as { errors: string[] }).errors;
    expect(f.status).toBe('invalid');
    expect(errors).toHaveLength(5);
    expect(f.params).toEqual({ detail: errors.join('; ') });
  });
});

describe('schema check, Open Badges 3.0 (1EdTech schema bundled as published)', () => {
  const badge = (): Record<string, any> => {
    const { proof: _, ...example } = JSON.parse(
      readFileSync(conformancePath('openbadges', 'simple.json'), 'utf8'),
    ) as Record<string, any>;
    return {
      ...example,
      credentialSchema: [{ id: OPEN_BADGE_SCHEMA_ID, type: '1EdTechJsonSchemaValidator2019' }],
    };
  };

  it('is valid for a badge from any issuer that follows the schema it declares', async () => {
    expect(await checkSchema(badge())).toMatchObject({ status: 'valid', reason: 'schema_valid' });
  });

  it('is invalid, naming what is missing, for one that does not', async () => {
    const broken = badge();
    delete broken.credentialSubject.achievement.criteria;
    expect(await checkSchema(broken)).toMatchObject({
      status: 'invalid',
      reason: 'schema_mismatch',
      params: { detail: expect.stringContaining('/credentialSubject/achievement is missing "criteria"') },
    });
  });
});
