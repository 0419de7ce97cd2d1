/**
 * The W3C VC Data Model 2.0 test-suite credential inputs (conformance vc-dm2/): which are out of
 * scope, and why each "-fail" input must be refused, for the reader test and the system test.
 */

/**
 * These need JSON-LD processing (term redefinition, @vocab), which the JSON reader does not do: the
 * issuer refuses them after expanding them (issuer/json-ld-check.ts), in these words.
 */
export const VC_DM2_JSON_LD_ONLY: Record<string, string> = {
  'credential-redef-type-fail.json':
    'its "@context" redefines "VerifiableCredential", a term an earlier context protects',
  'credential-redef-type2-fail.json':
    'its "@context" redefines "ExampleVerifiableCredential", a term an earlier context protects',
  'credential-type-mapped-nonurl-fail.json':
    'its "@context" maps "ExampleTestCredential" to "https ://not-a-url#ExampleTestCredential", which is not a URL',
  'credential-type-unmapped-fail.json':
    'the type "ExampleTestCredential" is not defined by its "@context" (it does not expand to a URL)',
};
/** Why each "-fail" input is refused: the fault it was written for, as the reader words it. */
export const VC_DM2_REFUSALS: Record<string, string> = {
  'credential-context-combo3-fail.json':
    'the credential\'s "@context" holds "https ://not-a-url/contexts/example/v1", which is neither a URL nor an object',
  'credential-context-combo4-fail.json':
    'the credential\'s "@context" holds 123192875, which is neither a URL nor an object',
  'credential-evidence-missing-type-fail.json': 'every "evidence" must have a "type"',
  'credential-id-multi-fail.json':
    'the credential "id" is not a URL (["https://example.org/credentials/1","https://example.net…)',
  'credential-id-nonidentifier-fail.json': 'the credential "id" is not a URL (null)',
  'credential-id-not-url-fail.json':
    'the credential "id" is not a URL ("https ://not-a-url/vcs/343cf54b-2c38-480e-b6e8-7302332ea…)',
  'credential-id-subject-multi-fail.json':
    '"credentialSubject.id" is not a URL (["did:example:subject:one","did:example:subject:two"])',
  'credential-issuer-no-url-fail.json': '"issuer" is neither a URL nor an object with an id ("fake-issuer")',
  'credential-issuer-null-fail.json': '"issuer" is neither a URL nor an object with an id (null)',
  'credential-issuer-object-id-no-url-fail.json': '"issuer.id" is not a URL ("fake-issuer")',
  'credential-issuer-object-id-null-fail.json': '"issuer.id" is not a URL (null)',
  'credential-missing-base-context-fail-or-inject.json':
    'the credential\'s first "@context" is "https://www.w3.org/ns/credentials/examples/v2", not https://www.w3.org/ns/credentials/v2',
  'credential-missing-required-type-fail.json': 'the credential\'s "type" does not include VerifiableCredential',
  'credential-no-context-fail-or-inject.json': 'the credential has no "@context"',
  'credential-no-issuer-fail.json': 'the credential has no "issuer"',
  'credential-no-subject-fail.json': 'the credential has no "credentialSubject"',
  'credential-no-type-fail.json': 'the credential has no "type"',
  'credential-proof-missing-type-fail.json': 'every "proof" must have a "type"',
  'credential-refresh-no-type-fail.json': 'every "refreshService" must have a "type"',
  'credential-schema-no-id-fail.json': 'every "credentialSchema" must have an "id"',
  'credential-schema-no-type-fail.json': 'every "credentialSchema" must have a "type"',
  'credential-schema-non-url-id-fail.json':
    '"credentialSchema.id" is not a URL ("https ://not-a-url.org/cd28a5c0-a3ca-4057-9e18-074769a54…)',
  'credential-status-missing-type-fail.json': 'every "credentialStatus" must have a "type"',
  'credential-status-multiple-id-fail.json':
    '"credentialStatus.id" is not a URL (["did:example:status:1","did:example:status:2"])',
  'credential-status-nonurl-id-fail.json': '"credentialStatus.id" is not a URL ("https ://not-a-url/statusList/4")',
  'credential-status-type-nonurl-fail.json': 'every "credentialStatus" must have a "type"', // its type is the number 2
  'credential-subject-multiple-empty-fail.json': '"credentialSubject" must hold non-empty objects',
  'credential-subject-no-claims-fail.json': '"credentialSubject" must hold non-empty objects',
  'credential-termsofuse-missing-type-fail.json': 'every "termsOfUse" must have a "type"',
  'credential-termsofuse-no-type-fail.json': 'every "termsOfUse" must have a "type"',
  'credential-validUntil-validFrom-fail.json': '"validUntil" is before "validFrom"',
  'credential-validfrom-invalid-fail.json':
    '"validFrom" is not an XML Schema dateTimeStamp ("Sat 25 Feb 2023 07:16:31 PM CST")',
  'credential-validuntil-invalid-fail.json':
    '"validUntil" is not an XML Schema dateTimeStamp ("Sun, 26 Feb 2023 01:22:14 +0000")',
};
/** The suite replaces these placeholders with real dates before use. */
export const VC_DM2_PLACEHOLDERS: Record<string, string> = {
  'PAST DATE': '2020-01-01T00:00:00Z',
  'FUTURE DATE': '2099-01-01T00:00:00Z',
};

/** Why each "-fail" presentation input is refused, by which structure (the presentation's or its credential's). */
export const VC_DM2_PRESENTATION_REFUSALS: Record<
  string,
  { reason: 'malformed_presentation' | 'malformed_credential'; detail: string }
> = {
  'presentation-context-order-fail.json': {
    reason: 'malformed_presentation',
    detail:
      'the presentation\'s first "@context" is {"CredentialManagerPresentation":"https://example.org/exa…, not https://www.w3.org/ns/credentials/v2',
  },
  'presentation-enveloped-vc-missing-type-fail.json': {
    reason: 'malformed_presentation',
    detail: 'credential 1 is not secured: credentials in a presentation must be EnvelopedVerifiableCredential objects',
  },
  'presentation-holder-fail.json': {
    reason: 'malformed_presentation',
    detail: '"holder" is neither a URL nor an object with an id ("z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj")',
  },
  'presentation-holder-name-fail.json': {
    reason: 'malformed_presentation',
    detail: '"holder.id" is not a URL (undefined)',
  },
  'presentation-holder-object-fail.json': {
    reason: 'malformed_presentation',
    detail: '"holder.id" is not a URL ("z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj")',
  },
  'presentation-missing-base-context-fail.json': {
    reason: 'malformed_presentation',
    detail:
      'the presentation\'s first "@context" is "https://www.w3.org/ns/credentials/examples/v2", not https://www.w3.org/ns/credentials/v2',
  },
  'presentation-missing-required-type-fail.json': {
    reason: 'malformed_presentation',
    detail: 'the presentation\'s "type" does not include VerifiablePresentation',
  },
  'presentation-no-context-fail-or-inject.json': {
    reason: 'malformed_presentation',
    detail: 'the presentation has no "@context"',
  },
  'presentation-no-type-fail.json': { reason: 'malformed_presentation', detail: 'the presentation has no "type"' },
  'presentation-vc-as-string-fail.json': {
    reason: 'malformed_presentation',
    detail: 'credential 1 is a string; a VC 2.0 presentation holds EnvelopedVerifiableCredential objects',
  },
  'presentation-vc-missing-required-type-fail.json': {
    reason: 'malformed_credential',
    detail: 'the credential\'s "type" must be one to 50 non-empty strings',
  },
};
