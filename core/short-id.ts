/**
 * A credential's short id: the first eight hex digits of its hash (core/credential-hash.ts). One id
 * a person can read out or type: the same in the wallet, on the issuer and on the printed
 * certificate. Eight digits tell apart the credentials of one wallet; an issuer with tens of
 * thousands may have two that share one, and then asks for the full id (issuer/credentials.ts).
 */
export const SHORT_ID = /^[0-9a-f]{8}$/i;

export function shortIdOf(credentialHash: string): string {
  return credentialHash.replace(/^0x/, '').slice(0, 8).toLowerCase();
}
