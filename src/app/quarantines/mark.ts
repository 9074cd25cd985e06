import { problem } from '../../domain/problems/index.ts';
import { departmentById } from '../../db/repos/departments.ts';
import {
  idempotencyKeyClaim,
  isIdempotencyClash,
  quarantineById,
} from '../../db/repos/quarantines.ts';
import { dateInZone } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { isHrOrAdmin, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { hrOnly, invalid, type Failure } from '../failure.ts';
import { hashSecret } from '../secrets.ts';
import { decideQuarantine } from './decide.ts';
import type { QuarantineRequest } from './targets.ts';
import { requestResponse } from './view.ts';
import { commitUnlessPlanChanged, markWrites } from './writes.ts';

type MarkAnswer = Result<
  Awaited<ReturnType<typeof requestResponse>> & {
    /** True when the request added no day: the answer is the quarantine already marked. */
    alreadyMarked: boolean;
  },
  Failure
>;

/**
 * Marks a team, a member, or a positive case (and everyone exposed) quarantined: the quarantines,
 * the cancelled and covering shifts and the swaps are written in one atomic batch with the audit
 * entry. The same Idempotency-Key answers with the same quarantine; with another body it is refused.
 * Only days not yet marked for the same team (or person) are new: the same request again, with
 * another key or none, answers with the quarantine already marked and changes nothing.
 */
export async function markQuarantine(
  deps: Deps,
  actor: Actor,
  req: QuarantineRequest,
  idempotencyKey?: string,
): Promise<MarkAnswer> {
  if (!isHrOrAdmin(actor)) return err(hrOnly());
  const idempotency = idempotencyKey
    ? { key: idempotencyKey, requestHash: await hashSecret(stable(req)) }
    : null;
  const earlier = idempotency && (await replay(deps, idempotency));
  if (earlier) return earlier;
  const decided = await decideQuarantine(deps, actor, req);
  if (!decided.ok) return decided;
  if ('nothingNew' in decided.value) {
    // Marked already, with the same days or more: answered as it stands, nothing sent again.
    const { nothingNew: q, today } = decided.value;
    return ok({
      ...(await requestResponse(deps, q.requestId ?? q.id, today)),
      alreadyMarked: true,
    });
  }
  const { fresh, today } = decided.value;
  return commitUnlessPlanChanged(
    deps,
    markWrites(deps, decided.value, actor, idempotency),
    async () => ({ ...(await requestResponse(deps, fresh[0]!.id, today)), alreadyMarked: false }),
    // Another request with the same key won the race: answer as it did.
    (e) =>
      idempotency && isIdempotencyClash(e) ? replay(deps, idempotency).then((r) => r!) : null,
  );
}

/** The answer already given to this Idempotency-Key, or a refusal when it came with another body. */
async function replay(
  deps: Deps,
  idempotency: { key: string; requestHash: string },
): Promise<MarkAnswer | null> {
  const seen = await idempotencyKeyClaim(deps.db, idempotency.key);
  if (!seen) return null;
  if (seen.requestHash !== idempotency.requestHash)
    return err(
      invalid('This Idempotency-Key was used with another request body.', [
        {
          path: 'Idempotency-Key',
          message: 'already used for a different quarantine request',
          ...problem('idempotency-key-reused'),
        },
      ]),
    );
  const primary = (await quarantineById(deps.db, seen.requestId))!;
  const department = (await departmentById(deps.db, primary.departmentId))!;
  const today = dateInZone(deps.now(), department.timezone);
  return ok({ ...(await requestResponse(deps, seen.requestId, today)), alreadyMarked: false });
}

/** A request body as a canonical string (keys sorted), to tell a replay from another request. */
const stable = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(stable).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);
