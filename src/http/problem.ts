import type { Coded, Failure, FieldError } from '../app/failure.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The one error type of the HTTP layer; onError renders it as RFC 9457 problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** What the problem as a whole is about, for clients that word it themselves. */
    readonly about?: Coded,
  ) {
    super(detail);
  }
}

const STATUS_OF: Record<Failure['kind'], [number, string]> = {
  'not-found': [404, 'not-found'],
  forbidden: [403, 'forbidden'],
  conflict: [409, 'conflict'],
  stale: [412, 'stale-version'],
  invalid: [422, 'validation'],
};

/** A use case's expected failure as the HTTP problem it is. */
export function problemOf(f: Failure): ProblemError {
  const [status, slug] = STATUS_OF[f.kind];
  const about = f.code ? { code: f.code, params: f.params ?? {} } : undefined;
  return new ProblemError(status, slug, f.detail, 'errors' in f ? f.errors : undefined, {}, about);
}

/** Renders a problem; `type` is a stable URN clients can switch on. */
export function problemResponse(p: ProblemError, instance: string): Response {
  const body = {
    type: `urn:bunsan:problem:${p.slug}`,
    title: TITLES[p.status] ?? 'Error',
    status: p.status,
    detail: p.message,
    ...p.about,
    instance,
    ...(p.errors ? { errors: p.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json', ...p.headers },
  });
}
