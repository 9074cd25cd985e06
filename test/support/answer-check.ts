import { AssertionError } from 'node:assert';
import { OPERATIONS, type Operation } from '../../src/contract/operations.ts';
import { validateResponse } from '../../src/contract/responses.ts';

const TEMPLATES = OPERATIONS.map((op) => ({
  op,
  pattern: new RegExp(`^${op.path.replace(/\./g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
}));

/** The operation of the table a request is for: its method, and its path matching a path template. */
export function operationFor(method: string, path: string): Operation | undefined {
  const bare = path.replace(/[?#].*$/, '');
  return TEMPLATES.find((t) => t.op.method === method.toLowerCase() && t.pattern.test(bare))?.op;
}

/**
 * Fails the test when a success JSON answer of the API does not match the response schema of its
 * operation (or the API answered a request no operation describes), naming every field that is off.
 */
export function checkAnswer(
  method: string,
  path: string,
  answer: { status: number; headers: Headers; json: unknown },
): void {
  if (answer.status < 200 || answer.status > 299 || answer.json === undefined) return;
  if (!/^application\/json\b/.test(answer.headers.get('content-type') ?? '')) return;
  const op = operationFor(method, path);
  if (!op) {
    if (/^\/(v1\/|healthz|openapi\.json)/.test(path))
      throw new AssertionError({ message: `${method} ${path}: no operation of the table` });
    return;
  }
  const errors = validateResponse(op.response, answer.json);
  if (errors.length)
    throw new AssertionError({
      message: `${method} ${path} answered ${answer.status} outside schemas/responses/${op.response}.json:\n${errors
        .slice(0, 20)
        .map((e) => `  ${e.path || '/'} ${e.message}`)
        .join('\n')}`,
    });
}
