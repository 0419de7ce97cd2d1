/**
 * The line the issuer and verifier log for an unexpected error shows the request's path and the
 * error, which may carry a credential's text: control characters in them are logged escaped, so
 * they cannot rewrite the operator's terminal or forge log lines.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleErrors } from './http-problem.ts';

describe('handleErrors', () => {
  it('logs an unexpected error with every control character escaped, line breaks of the stack kept', async () => {
    const logged: string[] = [];
    const app = new Hono();
    app.onError(handleErrors((line) => logged.push(line)));
    app.post('*', () => {
      throw new Error('credential of Amina\u001b[2J\u0007 \u202eYusuf\u009b\rforged: ok');
    });
    const response = await app.request('/credentials/%1B[31m/issue', { method: 'POST' });
    expect(response.status).toBe(500);
    expect(logged).toHaveLength(1);
    const [line] = logged as [string];
    expect(line).toContain('Amina\\u001b[2J\\u0007 \\u202eYusuf\\u009b\\u000dforged: ok');
    expect(line).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(line.split('\n').length).toBeGreaterThan(1);
  });
});
