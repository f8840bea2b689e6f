import type { RequestHandler, Response } from 'express';
import { z } from 'zod';

export type RequestPart = 'params' | 'query' | 'body';

/** The zod schemas a route checks its input with. */
export type RequestSchemas = Partial<Record<RequestPart, z.ZodType>>;

type ValidatedValues = Partial<Record<RequestPart, unknown>>;

const PARTS: readonly RequestPart[] = ['params', 'query', 'body'];

/** Parsed values live in res.locals: Express 5 makes req.query read-only, so nothing is assigned to it. */
function validatedValues(res: Response): ValidatedValues {
  const existing: unknown = res.locals.validated;
  if (typeof existing === 'object' && existing !== null) return existing as ValidatedValues;
  const created: ValidatedValues = {};
  res.locals.validated = created;
  return created;
}

/**
 * Route middleware: checks the named request parts against their schemas. On success the parsed
 * values (defaults, coercions and transforms applied) are kept for `validated(res, part, schema)`,
 * and the parsed body also replaces req.body. On failure the issues of every part go to the error
 * handler as one ZodError (422 VALIDATION_FAILED), each path starting with its part.
 */
export function validate(schemas: RequestSchemas): RequestHandler {
  return (req, res, next) => {
    const values = validatedValues(res);
    const issues: z.ZodError['issues'] = [];
    for (const part of PARTS) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(req[part]);
      if (result.success) {
        values[part] = result.data;
        if (part === 'body') req.body = result.data;
      } else {
        for (const issue of result.error.issues) issues.push({ ...issue, path: [part, ...issue.path] });
      }
    }
    next(issues.length > 0 ? new z.ZodError(issues) : undefined);
  };
}

/**
 * The value `validate` parsed for a part of this request, typed by its schema. When no `validate`
 * ran for the part, it is parsed here (a ZodError then reaches the error handler as a 422).
 */
export function validated<T extends z.ZodType>(res: Response, part: RequestPart, schema: T): z.output<T> {
  const values = validatedValues(res);
  if (part in values) return values[part] as z.output<T>;
  const value: z.output<T> = schema.parse(res.req[part]);
  values[part] = value;
  return value;
}
