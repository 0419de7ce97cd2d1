import { html, raw } from 'hono/html';
import { LANGUAGES } from '../messages/index.ts';

/** Links to the same page in every language (`?lang=`), each named in itself; the current one marked. */
export function languageSwitcher(current: string, label: string) {
  const links = Object.entries(LANGUAGES).map(
    ([tag, { name }]) =>
      html`<li><a href="?lang=${tag}" lang="${tag}" hreflang="${tag}"${tag === current ? raw(' aria-current="page"') : ''}>${name}</a></li>`,
  );
  return html`<nav aria-label="${label}"><ul class="languages">${links}</ul></nav>`;
}
