import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** The parts of an OpenAPI document the page shows. */
interface Operation {
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}
export interface ApiDocument {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, { description?: string }> };
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h2{margin-top:2.5rem;border-bottom:1px solid #ccc}section{margin:1.5rem 0}code,pre{font:13px ui-monospace,monospace}
pre{background:#f5f5f5;padding:.6rem;overflow:auto}.method{font-weight:700;text-transform:uppercase;margin-right:.5rem}
.auth{color:#8a3b00}table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;vertical-align:top}`;

/**
 * The page's Content-Security-Policy: nothing loads from anywhere, not even from this origin; only
 * the page's own stylesheet (by its hash) applies. No script runs.
 */
export const REFERENCE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A schema as indented JSON, each reference to a named schema a link to it further down. */
function schemaBlock(schema: unknown): HtmlEscapedString | Promise<HtmlEscapedString> {
  const linked = escapeHtml(JSON.stringify(schema, null, 2)).replace(
    /&quot;#\/components\/schemas\/([\w.-]+)&quot;/g,
    (_, name: string) => `<a href="#schema-${name}">&quot;#/components/schemas/${name}&quot;</a>`,
  );
  return html`<pre>${raw(linked)}</pre>`;
}

function contentBlocks(content: Record<string, { schema?: unknown }> | undefined) {
  return Object.entries(content ?? {}).map(
    ([type, { schema }]) => html`<p><code>${type}</code></p>${schema === undefined ? '' : schemaBlock(schema)}`,
  );
}

function operationSection(path: string, method: string, op: Operation) {
  const parameters = op.parameters ?? [];
  return html`<section id="${`${method}-${path}`}">
<h3><span class="method">${method}</span><code>${path}</code></h3>
${op.summary ? html`<p>${op.summary}</p>` : ''}${op.description ? html`<p>${op.description}</p>` : ''}
${op.security?.length ? html`<p class="auth">Needs ${op.security.flatMap((s) => Object.keys(s)).join(' or ')}.</p>` : ''}
${
  parameters.length
    ? html`<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${parameters.map(
        (p) =>
          html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td>${p.description ?? ''}${schemaBlock(p.schema)}</td></tr>`,
      )}</table>`
    : ''
}
${op.requestBody ? html`<h4>Request body${op.requestBody.required ? '' : ' (optional)'}</h4>${contentBlocks(op.requestBody.content)}` : ''}
<h4>Responses</h4>
${Object.entries(op.responses ?? {}).map(([status, r]) => html`<p><strong>${status}</strong> ${r.description ?? ''}</p>${contentBlocks(r.content)}`)}
</section>`;
}

/** The API reference as one self-contained HTML page, rendered from the service's OpenAPI document. */
export function referencePage(doc: ApiDocument) {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${doc.info.title}</title><style>${raw(STYLE)}</style></head>
<body>
<h1>${doc.info.title} <small>${doc.info.version}</small></h1>
${doc.info.description ? html`<p>${doc.info.description}</p>` : ''}
<p>The same description as JSON: <a href="openapi.json"><code>openapi.json</code></a> (OpenAPI 3.1).</p>
<ul>${operations.map(({ path, method }) => html`<li><a href="${`#${method}-${path}`}"><span class="method">${method}</span><code>${path}</code></a></li>`)}</ul>
<h2>Operations</h2>
${operations.map(({ path, method, op }) => operationSection(path, method, op))}
<h2>Security</h2>
${Object.entries(doc.components?.securitySchemes ?? {}).map(([name, scheme]) => html`<p><code>${name}</code>: ${scheme.description ?? ''}</p>`)}
<h2>Schemas</h2>
${Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => html`<section id="${`schema-${name}`}"><h3>${name}</h3>${schemaBlock(schema)}</section>`)}
</body>
</html>`;
}
