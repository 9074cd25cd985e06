import { Hono } from 'hono';
import {
  invitationsFor,
  invite,
  revokeInvitation,
  type InvitationRequest,
} from '../../app/people/index.ts';
import type { AppEnv } from '../../contract/env.ts';
import { readJson } from '../body.ts';
import { allow } from '../middleware/auth.ts';
import { unwrap } from '../unwrap.ts';

/** /v1/invitations: invite a person (the link is e-mailed and shown once), list, revoke. */
export function invitationRoutes() {
  const r = new Hono<AppEnv>();

  r.post('/', allow('admin', 'chief'), async (c) => {
    const input = await readJson<InvitationRequest>(c, 'invitation-create');
    const issued = unwrap(await invite(c.var.deps, c.var.actor, input));
    return c.json(issued, 201, { location: `/v1/invitations/${issued.id}` });
  });

  r.get('/', allow('admin', 'chief'), async (c) =>
    c.json({ invitations: unwrap(await invitationsFor(c.var.deps, c.var.actor)) }),
  );

  r.delete('/:id', allow('admin', 'chief'), async (c) =>
    c.json(unwrap(await revokeInvitation(c.var.deps, c.var.actor, c.req.param('id')))),
  );

  return r;
}
