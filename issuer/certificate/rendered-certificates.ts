import type { CertificateContent } from './certificate-content.ts';
import { renderCertificate } from './render-certificate.ts';

/**
 * The certificates made last, by what they print. Making one costs about half a second of CPU,
 * and the learner's route is public: asking again for the same certificate (a reload, a retry, or
 * a client repeating it on purpose) is answered from here, and requests arriving together share
 * one rendering.
 */
export class RenderedCertificates {
  readonly #pdfs = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly capacity = 64,
    private readonly render: (content: CertificateContent) => Promise<Buffer> = renderCertificate,
  ) {}

  get(content: CertificateContent): Promise<Buffer> {
    const key = JSON.stringify(content);
    let pdf = this.#pdfs.get(key);
    if (pdf) {
      // Most recently used last: the first key is the one to forget.
      this.#pdfs.delete(key);
    } else {
      pdf = this.render(content);
      pdf.catch(() => this.#pdfs.delete(key));
    }
    this.#pdfs.set(key, pdf);
    if (this.#pdfs.size > this.capacity) this.#pdfs.delete(this.#pdfs.keys().next().value!);
    return pdf;
  }
}
