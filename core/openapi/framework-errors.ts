import { HTTPException } from 'hono/http-exception';
import { HttpProblem } from '../http-problem.ts';

/**
 * The errors Hono's own validators throw, as problems. jsonObjectBody answers first on every route
 * with a body, so these are the rare content types it accepts and Hono's JSON gate does not.
 */
export function problemOfFrameworkError(error: Error): Error {
  if (!(error instanceof HTTPException) || error.status >= 500) return error;
  if (error.status === 415)
    return new HttpProblem(
      415,
      'Unsupported media type',
      'Send the request body as JSON with "Content-Type: application/json".',
    );
  return new HttpProblem(error.status, 'Malformed request', error.message);
}
