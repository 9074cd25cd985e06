import { problem } from '../../domain/problems/index.ts';
import { ok, err, type Result } from '../../domain/result.ts';
import {
  emailKey,
  fieldChanges,
  slackUserIdOf,
  withChanges,
  type MemberFields,
} from '../../domain/roster/index.ts';
import type { IsoDate } from '../../domain/types.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, type Failure } from '../failure.ts';
import { memberInScope, memberView, type MemberUpdate, type MemberView } from '../members/index.ts';
import { rosterEffects, type RosterEffects } from './effects.ts';
import { effectiveDateOf, loadRosterState } from './state.ts';
import { rosterWrites, runRosterWrites, staleRoster } from './writes.ts';

/** A member change: the member as they are after it (or would be, in a preview) and its effects. */
export type MemberChangeOutcome = MemberView & {
  effectiveDate: IsoDate;
  effects: RosterEffects;
};

export interface ChangeOptions {
  preview?: boolean;
  /** The roster version the change was decided on (If-Match), when the client sent one. */
  ifMatch?: number;
  /** The day a deactivated member leaves their team (default today). */
  effectiveDate?: string;
}

/**
 * Changes the given fields of one member. `active: false` deactivates: their feeds and tokens end
 * at once and they leave their teams from the effective date (history stays); `active: true`
 * reactivates (a move places them in a team again). The answer shows what the change does to the
 * department's rotations; a preview answers it and writes nothing.
 */
export async function changeMember(
  deps: Deps,
  actor: Actor,
  id: string,
  input: MemberUpdate,
  opts: ChangeOptions = {},
): Promise<Result<MemberChangeOutcome, Failure>> {
  const found = await memberInScope(deps, actor, id);
  if (!found.ok) return found;
  const member = found.value;
  const loaded = await loadRosterState(deps, actor, member.departmentId);
  if (!loaded.ok) return loaded;
  const state = loaded.value;
  const date = effectiveDateOf(state, opts.effectiveDate);
  if (!date.ok) return date;
  if (opts.ifMatch !== undefined && opts.ifMatch !== state.department.rosterVersion)
    return err(staleRoster());
  if (
    input.email !== undefined &&
    emailKey(input.email) !== member.emailKey &&
    state.members.some((m) => m.emailKey === emailKey(input.email!))
  )
    return err(
      conflict('E-mail already in use.', [
        {
          path: '/email',
          message: `${input.email} is already a member of this department`,
          ...problem('email-taken', { email: input.email }),
        },
      ]),
    );

  const next: MemberFields = {
    name: input.name?.trim() ?? member.name,
    kana: input.kana === undefined ? member.kana : input.kana?.trim() || null,
    email: input.email?.trim() ?? member.email,
    skills: input.skills ?? member.skills,
    position: input.position ?? member.position,
    remoteAccess: input.remoteAccess ?? member.remoteAccess,
    slackUserId:
      input.slackUserId === undefined
        ? (member.slackUserId ?? null)
        : slackUserIdOf(input.slackUserId),
    active: input.active ?? member.active,
  };
  const leaving = member.active && !next.active;
  const changes = fieldChanges(member, next);
  // A deactivation is the leaver's own write (feeds, tokens, teams), not a field change.
  if (leaving) delete changes.active;
  const updated = Object.keys(changes).length ? [{ member, changes }] : [];
  const { effects, ends } = rosterEffects(
    state,
    { leavers: leaving ? [member] : [], updated, added: [] },
    date.value,
  );
  const after = { ...withChanges(member, changes), active: next.active };
  const answer = { ...memberView(after), effectiveDate: date.value, effects };
  if (opts.preview || (!leaving && !updated.length)) return ok(answer);

  const at = deps.now().toISOString();
  const action = leaving
    ? 'member.deactivate'
    : changes.active
      ? 'member.reactivate'
      : 'member.update';
  const written = await runRosterWrites(deps, [
    ...rosterWrites(deps, state, {
      at,
      added: [],
      updated: updated.map((u) => ({ id, changes: u.changes })),
      leavers: leaving ? [id] : [],
      ends,
      ...(opts.ifMatch !== undefined ? { rosterVersion: opts.ifMatch } : {}),
    }),
    auditEntry(
      deps,
      actor,
      at,
      action,
      { type: 'member', id },
      {
        changed: Object.keys(leaving ? { ...changes, active: true } : changes).sort(),
        ...(leaving ? { effectiveDate: date.value, leaves: effects.leaves.length } : {}),
      },
    ),
  ]);
  if (!written.ok) return written;
  return ok({ ...answer, updatedAt: at });
}
