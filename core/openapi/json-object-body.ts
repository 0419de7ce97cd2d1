import type { MiddlewareHandler } from 'hono';
import { readJsonObject } from '../request-body.ts';

/**
 * Route middleware that reads the body before the route's schemas see it, so a body that is not
 * JSON keeps its own answers (415 for another media type, 400 "Malformed JSON", 400 for a JSON
 * value that is not an object) instead of surfacing as schema errors.
 */
export const jsonObjectBody: MiddlewareHandler = async (c, next) => {
  await readJsonObject(c);
  await next();
};
