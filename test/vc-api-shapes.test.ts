/**
 * The routes both services share with the W3C VC API keep its shapes, read at test time from the
 * published description (../shared/conformance/vc-api/oas.yaml and its components/*.yml): the same
 * paths and methods, request bodies whose properties have the VC API's types and ask for nothing
 * it does not name, and its status codes, apart from the differences listed here with their reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { standInIssuerApp, standInVerifierApp } from './support/api-apps.ts';
import { conformancePath } from './support/conformance.ts';

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type Operation = {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
type Paths = Record<string, Record<string, Operation>>;
/** A schema and the file its own references are relative to. */
type Located = { schema: Schema; file: string };

/** The routes this test must find in one of the services, so that it cannot pass by finding none. */
const VC_API_ROUTES = ['post /credentials/issue', 'post /credentials/verify', 'post /presentations/verify'];

/** Where a service answers differently from the VC API on purpose, and why. */
const DIFFERENCES: Record<string, { statuses?: string[]; types?: string[]; note: string; responseBody?: false }> = {
  'post /credentials/issue': {
    types: ['post /credentials/issue 201.verifiableCredential.@context'],
    note: "the envelope's @context is its one context as a string, as the VC API's own example of EnvelopedVerifiableCredential writes it (its schema says array)",
  },
  'post /challenges': {
    statuses: ['200', '400'],
    note: 'a challenge is created: 201, not 200; any body is ignored, so nothing is refused with 400',
  },
  'get /credentials/{id}': {
    statuses: ['400', '410', '418'],
    responseBody: false,
    note: 'the admin read-back: the signed credential with its status and receipt; an id that is not a credential id is 404; revoked credentials stay readable',
  },
};

const files = new Map<string, unknown>();
const load = (file: string) => {
  if (!files.has(file)) files.set(file, parse(readFileSync(file, 'utf8')));
  return files.get(file);
};
const at = (root: unknown, pointer: string) =>
  pointer
    .split('/')
    .filter(Boolean)
    .reduce((node: any, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);

/** Follows `$ref`s across the description's files until a schema that is not one. */
function resolve({ schema, file }: Located): Located {
  if (!schema.$ref) return { schema, file };
  const [target = '', pointer = ''] = schema.$ref.split('#');
  const next = target ? path.resolve(path.dirname(file), target) : file;
  return resolve({ schema: at(load(next), pointer), file: next });
}

/** The JSON types a schema accepts (an empty set: any). */
function typesOf(located: Located): Set<string> {
  const { schema, file } = resolve(located);
  const alternatives = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].map((s) => typesOf({ schema: s, file }));
  const own = schema.type === undefined ? [] : [schema.type].flat();
  if (own.length === 0 && alternatives.some((a) => a.size === 0)) return new Set();
  return new Set([...own, ...alternatives.flatMap((a) => [...a])].map((t) => (t === 'integer' ? 'number' : t)));
}

/** The forms a body may take (a oneOf gives several), each its properties and required ones. */
function formsOf(located: Located): { properties: Record<string, Located>; required: string[] }[] {
  const { schema, file } = resolve(located);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return alternatives.flatMap((s) => formsOf({ schema: s, file }));
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, s]) => [name, { schema: s, file }]),
  );
  return [{ properties, required: schema.required ?? [] }];
}

const compatible = (ours: Set<string>, theirs: Set<string>) =>
  ours.size === 0 || theirs.size === 0 || [...theirs].some((t) => ours.has(t));

/** Each property both name has a type the VC API allows; for objects (options), one level down too. */
function expectSameTypes(
  key: string,
  where: string,
  ours: Record<string, Located>,
  theirs: Record<string, Located>,
  depth = 1,
) {
  for (const [name, their] of Object.entries(theirs)) {
    const our = ours[name];
    if (!our || DIFFERENCES[key]?.types?.includes(`${where}.${name}`)) continue;
    expect(
      compatible(typesOf(our), typesOf(their)),
      `${where}.${name}: ${[...typesOf(our)]} against ${[...typesOf(their)]}`,
    ).toBe(true);
    if (depth > 0) {
      const [ourForm] = formsOf(our);
      for (const theirForm of formsOf(their))
        expectSameTypes(key, `${where}.${name}`, ourForm?.properties ?? {}, theirForm.properties, depth - 1);
    }
  }
}

const jsonSchemaOf = (content: Record<string, { schema?: Schema }> | undefined) =>
  content?.['application/json']?.schema;

let vcApi: { paths: Paths; file: string };
let ours: { paths: Paths; file: string }[];

beforeAll(async () => {
  const file = conformancePath('vc-api', 'oas.yaml');
  vcApi = { paths: (load(file) as { paths: Paths }).paths, file };
  ours = await Promise.all(
    [standInIssuerApp(), standInVerifierApp()].map(async (app, index) => {
      const doc = await (await app.request('/openapi.json')).json();
      // Our documents are read by the same resolver, from a file name of their own.
      const ownFile = path.join(path.dirname(file), `skillmark-${index}.json`);
      files.set(ownFile, doc);
      return { paths: doc.paths as Paths, file: ownFile };
    }),
  );
});

/** The VC API's operations that one of the services implements, each with its counterpart. */
function sharedOperations() {
  return Object.entries(vcApi.paths).flatMap(([route, methods]) =>
    Object.entries(methods).flatMap(([method, theirs]) => {
      const service = ours.find((s) => s.paths[route]?.[method]);
      return service
        ? [{ key: `${method} ${route}`, theirs, ours: service.paths[route]![method]!, file: service.file }]
        : [];
    }),
  );
}

describe('the VC API routes keep the VC API shapes', () => {
  it('the issue and verify routes are where the VC API has them', () => {
    expect(sharedOperations().map((o) => o.key)).toEqual(expect.arrayContaining(VC_API_ROUTES));
  });

  it('request bodies: the VC API types for the properties it names, and nothing more required', () => {
    for (const { key, theirs, ours: op, file } of sharedOperations()) {
      const theirSchema = jsonSchemaOf(theirs.requestBody?.content);
      const ourSchema = jsonSchemaOf(op.requestBody?.content);
      if (!theirSchema) continue;
      expect(ourSchema, `${key} takes a JSON body`).toBeDefined();
      const [ourForm] = formsOf({ schema: ourSchema!, file });
      const theirForms = formsOf({ schema: theirSchema, file: vcApi.file });
      const named = new Set(theirForms.flatMap((f) => Object.keys(f.properties)));
      for (const required of ourForm!.required)
        expect(named, `${key} requires "${required}", which the VC API does not name`).toContain(required);
      // The forms this service takes: those sharing a property with it (not, e.g., a proofless presentation).
      const taken = theirForms.filter((f) => Object.keys(f.properties).some((name) => name in ourForm!.properties));
      expect(taken.length, `${key} takes one of the VC API's request forms`).toBeGreaterThan(0);
      for (const form of taken) {
        for (const required of form.required)
          expect(ourForm!.properties, `${key} needs "${required}"`).toHaveProperty(required);
        expectSameTypes(key, key, ourForm!.properties, form.properties);
      }
    }
  });

  it('status codes: those of the VC API, apart from the listed differences', () => {
    for (const { key, theirs, ours: op } of sharedOperations()) {
      const expected = Object.keys(theirs.responses ?? {}).filter(
        (status) => !DIFFERENCES[key]?.statuses?.includes(status) && status !== '500',
      );
      expect(Object.keys(op.responses ?? {}), key).toEqual(expect.arrayContaining(expected));
    }
  });

  it('success answers: the VC API properties they share have its types, and they share some', () => {
    for (const { key, theirs, ours: op, file } of sharedOperations()) {
      if (DIFFERENCES[key]?.responseBody === false) continue;
      for (const [status, answer] of Object.entries(theirs.responses ?? {})) {
        const theirSchema = jsonSchemaOf(answer.content);
        if (!/^2/.test(status) || !theirSchema) continue;
        const ourSchema =
          jsonSchemaOf(op.responses?.[status]?.content) ??
          jsonSchemaOf(Object.entries(op.responses ?? {}).find(([s]) => /^2/.test(s))?.[1].content);
        expect(ourSchema, `${key} ${status} has a JSON body`).toBeDefined();
        const [ourForm] = formsOf({ schema: ourSchema!, file });
        for (let form of formsOf({ schema: theirSchema, file: vcApi.file })) {
          // The VC API's IssueCredentialResponse nests its body under a property of its own name;
          // implementations (and its VerifiableCredentialResponse) answer the inner object.
          const [only, ...rest] = Object.keys(form.properties);
          if (only && rest.length === 0 && /Response$/.test(only)) form = formsOf(form.properties[only]!)[0]!;
          const shared = Object.keys(form.properties).filter((name) => name in ourForm!.properties);
          expect(shared.length, `${key} ${status} shares properties with the VC API's answer`).toBeGreaterThan(0);
          expectSameTypes(key, `${key} ${status}`, ourForm!.properties, form.properties);
        }
      }
    }
  });
});
