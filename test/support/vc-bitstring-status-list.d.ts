/** The part of Digital Bazaar's status list library the tests use to decode lists independently (it ships no types). */
declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function createList(options: { length: number }): Promise<{
    setStatus(index: number, status: boolean): void;
    encode(): Promise<string>;
  }>;
  export function decodeList(options: { encodedList: string }): Promise<{
    length: number;
    getStatus(index: number): boolean;
  }>;
}
