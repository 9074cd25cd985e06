import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../app/actor.ts';
import { authenticate } from '../../app/tokens/index.ts';
import { clientAddress } from '../../contract/client.ts';
import type { AppEnv } from '../../contract/env.ts';
import { ProblemError } from '../problem.ts';

const CHALLENGE = { 'www-authenticate': 'Bearer realm="bunsan"' };

/** Requires `Authorization: Bearer <token>` of a live token and puts its actor on the context. */
export function requireAuth(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m)
      throw new ProblemError(
        401,
        'unauthenticated',
        'Send Authorization: Bearer <token>.',
        undefined,
        CHALLENGE,
      );
    const address = clientAddress(c);
    const wait = address ? c.var.throttle.waitSeconds(address) : 0;
    if (wait)
      throw new ProblemError(
        429,
        'too-many-attempts',
        `Too many failed sign-ins from this address; try again in ${wait} s.`,
        undefined,
        { 'retry-after': String(wait) },
      );
    const actor = await authenticate(c.var.deps, m[1]!);
    if (!actor && address) c.var.throttle.fail(address);
    if (!actor)
      throw new ProblemError(
        401,
        'unauthenticated',
        'The token is unknown or revoked.',
        undefined,
        CHALLENGE,
      );
    c.set('actor', actor);
    await next();
  };
}

/** Lets only the given roles through (scope is checked by the use case). */
export function allow(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.var.actor.role)) {
      throw new ProblemError(403, 'forbidden', `This needs one of the roles: ${roles.join(', ')}.`);
    }
    await next();
  };
}
