import { describe, expect, it } from 'vitest';
import type { CertificateContent } from './certificate-content.ts';
import { RenderedCertificates } from './rendered-certificates.ts';

const content = (learner: string) => ({ learner }) as CertificateContent;

describe('the certificates made last', () => {
  it('are made once and given again, however many ask at the same time', async () => {
    let made = 0;
    const rendered = new RenderedCertificates(4, async (c) => Buffer.from(`${c.learner} ${++made}`));
    const [first, second] = await Promise.all([rendered.get(content('Amina')), rendered.get(content('Amina'))]);
    expect(first.toString()).toBe('Amina 1');
    expect(second).toBe(first);
    expect((await rendered.get(content('Amina'))).toString()).toBe('Amina 1');
    expect((await rendered.get(content('José'))).toString()).toBe('José 2');
  });

  it('forget the least recently used past their capacity', async () => {
    let made = 0;
    const rendered = new RenderedCertificates(2, async (c) => Buffer.from(`${c.learner} ${++made}`));
    await rendered.get(content('a'));
    await rendered.get(content('b'));
    await rendered.get(content('a'));
    await rendered.get(content('c'));
    expect((await rendered.get(content('a'))).toString()).toBe('a 1');
    expect((await rendered.get(content('b'))).toString()).toBe('b 4');
  });

  it('do not keep a failure: the next request tries again', async () => {
    let attempts = 0;
    const rendered = new RenderedCertificates(2, async () => {
      attempts++;
      if (attempts === 1) throw new Error('out of memory');
      return Buffer.from('pdf');
    });
    await expect(rendered.get(content('a'))).rejects.toThrow('out of memory');
    expect((await rendered.get(content('a'))).toString()).toBe('pdf');
  });
});
