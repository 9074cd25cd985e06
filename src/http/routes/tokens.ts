import { Hono } from 'hono';
import { allTokens, issueToken, revokeToken, type TokenInput } from '../../app/tokens/index.ts';
import { readJson } from '../body.ts';
import type { AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { unwrap } from '../unwrap.ts';

/** /v1/tokens: admin issues (secret shown once), lists and revokes tokens. */
export function tokenRoutes() {
  const r = new Hono<AppEnv>();
  r.use('*', allow('admin'));

  r.post('/', async (c) => {
    const input = await readJson<TokenInput>(c, 'token-create');
    const issued = unwrap(await issueToken(c.var.deps, c.var.actor, input));
    return c.json(issued, 201, { 'cache-control': 'no-store' });
  });

  r.get('/', async (c) => c.json({ tokens: await allTokens(c.var.deps) }));

  r.delete('/:id', async (c) =>
    c.json(unwrap(await revokeToken(c.var.deps, c.var.actor, c.req.param('id')))),
  );

  return r;
}
