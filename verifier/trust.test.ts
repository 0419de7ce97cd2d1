import { describe, expect, it } from 'vitest';
import { parseTrustConfig, TrustConfigError } from './trust.ts';

const registry = {
  name: 'National TVET Authority',
  chainId: 31337,
  registry: `0x${'ab'.repeat(20)}`,
  rpcUrls: ['http://127.0.0.1:8545'],
};

describe('trust configuration: maxHeadAgeSeconds', () => {
  it('is optional, and kept as given when a whole number of seconds (0 included)', () => {
    expect(parseTrustConfig({ registries: [registry] }).registries[0]).not.toHaveProperty('maxHeadAgeSeconds');
    for (const seconds of [0, 60, 3600]) {
      expect(
        parseTrustConfig({ registries: [{ ...registry, maxHeadAgeSeconds: seconds }] }).registries[0]!
          .maxHeadAgeSeconds,
      ).toBe(seconds);
    }
  });

  it('refuses anything else, naming the field', () => {
    for (const bad of [-1, 1.5, '60', null, Number.POSITIVE_INFINITY]) {
      expect(() => parseTrustConfig({ registries: [{ ...registry, maxHeadAgeSeconds: bad }] })).toThrow(
        TrustConfigError,
      );
      expect(() => parseTrustConfig({ registries: [{ ...registry, maxHeadAgeSeconds: bad }] })).toThrow(
        /registries\[0\]\.maxHeadAgeSeconds/,
      );
    }
  });
});
