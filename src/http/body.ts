import type { AppContext } from '../contract/env.ts';
import { ProblemError } from './problem.ts';
import { validate, type SchemaName } from '../contract/schemas.ts';

/** The media type of the request, lower-case, without parameters. */
export function mediaType(c: AppContext): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Parses JSON text; malformed JSON is the client's 400, never a 500. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '')
    throw new ProblemError(
      400,
      'malformed-body',
      'The request body is empty; a JSON object is expected.',
    );
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ProblemError(
      400,
      'malformed-body',
      `The request body is not valid JSON: ${(e as Error).message}`,
    );
  }
}

/** Throws 422 naming each offending field unless `value` matches the schema. */
export function assertValid<T>(schema: SchemaName, value: unknown): T {
  const errors = validate(schema, value);
  if (errors.length)
    throw new ProblemError(
      422,
      'validation',
      'The request body does not match its schema.',
      errors,
    );
  return value as T;
}

/** Like readJson, for a body whose fields are all optional: no body at all (and no type) reads as {}. */
export async function readOptionalJson<T>(c: AppContext, schema: SchemaName): Promise<T> {
  if (!c.req.header('content-type') && (await c.req.text()) === '')
    return assertValid<T>(schema, {});
  return readJson<T>(c, schema);
}

/** Reads an application/json body and validates it against a schema from schemas/. */
export async function readJson<T>(c: AppContext, schema: SchemaName): Promise<T> {
  const type = mediaType(c);
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new ProblemError(
      415,
      'unsupported-media-type',
      `Send the body as application/json (got "${type || 'nothing'}").`,
      undefined,
      {
        'accept-post': 'application/json',
      },
    );
  }
  return assertValid<T>(schema, parseJsonText(await c.req.text()));
}
