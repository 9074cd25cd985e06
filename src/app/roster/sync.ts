import { err, ok, type Result } from '../../domain/result.ts';
import {
  emailKey,
  planRoster,
  type FieldChanges,
  type MemberFields,
  type RosterEntry,
} from '../../domain/roster/index.ts';
import type { IsoDate, Member } from '../../domain/types.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { invalid, type Failure } from '../failure.ts';
import { repeatedEmails } from '../members/index.ts';
import { rosterEffects, type RosterEffects } from './effects.ts';
import { effectiveDateOf, loadRosterState } from './state.ts';
import { rosterWrites, runRosterWrites, staleRoster } from './writes.ts';

type Who = { id: string; name: string; email: string };

/** What a roster sync does (a preview) or did: the plan, its effects and the roster's version. */
export interface RosterSyncOutcome {
  applied: boolean;
  effectiveDate: IsoDate;
  /** The roster's version after the sync (the members list's ETag). */
  version: number;
  /** New members; their ids once applied, null in a preview. */
  added: (Omit<MemberFields, 'active'> & { id: string | null })[];
  updated: (Who & { changes: FieldChanges })[];
  deactivated: Who[];
  unchanged: number;
  effects: RosterEffects;
}

export interface SyncOptions {
  /** Decide and answer, write nothing. */
  preview: boolean;
  /** The roster version the sync was decided on (If-Match); required to apply. */
  ifMatch?: number;
  /** The day leavers leave their teams (default today). */
  effectiveDate?: string;
  /** Each entry's line in the uploaded file, for errors and the audit. */
  lines?: number[];
}

const who = (m: Member): Who => ({ id: m.id, name: m.name, email: m.email });

/**
 * Syncs a department's members with a whole roster, matched by e-mail: adds who is new, changes
 * who differs (and reactivates who comes back), deactivates who is no longer listed — their feeds
 * and tokens end and they leave their teams from the effective date. A preview answers the same
 * plan and writes nothing; applying writes it in one atomic batch, audited, if the roster is still
 * at the version the plan was decided on.
 */
export async function syncRoster(
  deps: Deps,
  actor: Actor,
  departmentId: string,
  entries: readonly RosterEntry[],
  opts: SyncOptions,
): Promise<Result<RosterSyncOutcome, Failure>> {
  const loaded = await loadRosterState(deps, actor, departmentId);
  if (!loaded.ok) return loaded;
  const state = loaded.value;
  const date = effectiveDateOf(state, opts.effectiveDate);
  if (!date.ok) return date;
  const dupes = repeatedEmails(entries, opts.lines);
  if (dupes.length) return err(invalid('Each e-mail may appear once.', dupes));
  if (!opts.preview && opts.ifMatch !== state.department.rosterVersion) return err(staleRoster());

  const plan = planRoster(state.members, entries);
  const { effects, ends } = rosterEffects(
    state,
    { leavers: plan.deactivated, updated: plan.updated, added: plan.added },
    date.value,
  );
  const outcome = (applied: boolean, version: number, ids: (string | null)[]) => ({
    applied,
    effectiveDate: date.value,
    version,
    added: plan.added.map((a, i) => ({ id: ids[i] ?? null, ...a })),
    updated: plan.updated.map((u) => ({ ...who(u.member), changes: u.changes })),
    deactivated: plan.deactivated.map(who),
    unchanged: plan.unchanged,
    effects,
  });
  const version = state.department.rosterVersion;
  if (opts.preview) return ok(outcome(false, version, []));
  if (!plan.added.length && !plan.updated.length && !plan.deactivated.length)
    return ok(outcome(true, version, []));

  const at = deps.now().toISOString();
  const added: Member[] = plan.added.map((a) => ({
    ...a,
    id: deps.newId(),
    departmentId,
    emailKey: emailKey(a.email),
    active: true,
    createdAt: at,
    updatedAt: at,
  }));
  const leavers = plan.deactivated.map((m) => m.id);
  const written = await runRosterWrites(deps, [
    ...rosterWrites(deps, state, {
      at,
      added,
      updated: plan.updated.map((u) => ({ id: u.member.id, changes: u.changes })),
      leavers,
      ends,
      rosterVersion: version,
    }),
    auditEntry(
      deps,
      actor,
      at,
      'roster.sync',
      { type: 'department', id: departmentId },
      {
        effectiveDate: date.value,
        added: added.map((m) => m.id),
        updated: plan.updated.map((u) => ({
          id: u.member.id,
          fields: Object.keys(u.changes).sort(),
        })),
        deactivated: leavers,
        unchanged: plan.unchanged,
        leaves: effects.leaves.length,
        source: opts.lines ? 'csv' : 'json',
      },
    ),
  ]);
  if (!written.ok) return written;
  return ok(
    outcome(
      true,
      version + 1,
      added.map((m) => m.id),
    ),
  );
}
