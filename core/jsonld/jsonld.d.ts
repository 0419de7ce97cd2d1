/** The part of jsonld's API this project uses (the package ships no types). */
declare module 'jsonld' {
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  export interface CanonizeOptions {
    algorithm: 'RDFC-1.0';
    format: 'application/n-quads';
    documentLoader: (url: string) => Promise<RemoteDocument>;
    /** Refuse, rather than drop, what the contexts do not define (Data Integrity requires it). */
    safe: boolean;
  }
  export interface ExpandOptions {
    documentLoader: (url: string) => Promise<RemoteDocument>;
    /** Refuse, rather than drop, what the contexts do not define. */
    safe: boolean;
  }
  const jsonld: {
    canonize(input: unknown, options: CanonizeOptions): Promise<string>;
    expand(input: unknown, options: ExpandOptions): Promise<unknown[]>;
  };
  export default jsonld;
}
