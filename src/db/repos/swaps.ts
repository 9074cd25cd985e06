import type { CompiledQuery, Kysely } from 'kysely';
import { insertRowsQueries, parameterGroups } from '../chunks.ts';
import type { DB, SwapRow } from '../schema.ts';
import type { SwapRecord } from '../../domain/quarantine/index.ts';
import type { IsoDate } from '../../domain/types.ts';

const swapFromRow = (s: SwapRow): SwapRecord => ({
  id: s.id,
  quarantineId: s.quarantine_id,
  date: s.date,
  slot: s.slot,
  fromTeamId: s.from_team_id,
  toTeamId: s.to_team_id,
  cancelledShiftId: s.cancelled_shift_id,
  coveringShiftId: s.covering_shift_id,
  handedBackAt: s.handed_back_at,
});

/** Inserts new swaps of a rotation, made at `at`, in as many statements as D1's parameter limit needs. */
export function insertSwapsQueries(
  db: Kysely<DB>,
  rotationId: string,
  swaps: readonly SwapRecord[],
  at: string,
): CompiledQuery[] {
  const rows: SwapRow[] = swaps.map((s) => ({
    id: s.id,
    quarantine_id: s.quarantineId,
    rotation_id: rotationId,
    date: s.date,
    slot: s.slot,
    from_team_id: s.fromTeamId,
    to_team_id: s.toTeamId,
    cancelled_shift_id: s.cancelledShiftId,
    covering_shift_id: s.coveringShiftId,
    created_at: at,
    handed_back_at: s.handedBackAt,
  }));
  return insertRowsQueries(db, 'swaps', rows);
}

/** The swaps of the given quarantines, by date and slot (the ids go in groups: D1 binds at most 100 parameters). */
export async function swapsOf(
  db: Kysely<DB>,
  quarantineIds: readonly string[],
): Promise<SwapRecord[]> {
  const groups = await Promise.all(
    parameterGroups(quarantineIds).map((ids) =>
      db
        .selectFrom('swaps')
        .selectAll()
        .where('quarantine_id', 'in', ids)
        .orderBy('date')
        .orderBy('slot')
        .execute(),
    ),
  );
  const rows =
    groups.length <= 1
      ? (groups[0] ?? [])
      : groups
          .flat()
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.slot - b.slot));
  return rows.map(swapFromRow);
}

/** Marks swaps handed back, in as many statements as D1's 100 parameters need (none for no ids). */
export function handBackSwapsQueries(
  db: Kysely<DB>,
  ids: readonly string[],
  at: string,
): CompiledQuery[] {
  return parameterGroups(ids, 1).map((group) =>
    db.updateTable('swaps').set({ handed_back_at: at }).where('id', 'in', group).compile(),
  );
}

/** A once-uncovered slot now taken by a team. */
export function coverSwapQuery(
  db: Kysely<DB>,
  swapId: string,
  toTeamId: string,
  coveringShiftId: string,
): CompiledQuery {
  return db
    .updateTable('swaps')
    .set({ to_team_id: toTeamId, covering_shift_id: coveringShiftId })
    .where('id', '=', swapId)
    .compile();
}

/** Every swap of a rotation, by date and slot. */
export async function rotationSwapsOf(db: Kysely<DB>, rotationId: string): Promise<SwapRecord[]> {
  const rows = await db
    .selectFrom('swaps')
    .selectAll()
    .where('rotation_id', '=', rotationId)
    .orderBy('date')
    .orderBy('slot')
    .orderBy('created_at')
    .execute();
  return rows.map(swapFromRow);
}

/** The swaps of a rotation over [from, to] still in force (not handed back): who gave a day to whom. */
export async function swapsInForce(
  db: Kysely<DB>,
  rotationId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<{ date: IsoDate; slot: number; fromTeamId: string; toTeamId: string | null }[]> {
  const rows = await db
    .selectFrom('swaps')
    .select(['date', 'slot', 'from_team_id', 'to_team_id'])
    .where('rotation_id', '=', rotationId)
    .where('handed_back_at', 'is', null)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('slot')
    .orderBy('created_at')
    .execute();
  return rows.map((s) => ({
    date: s.date,
    slot: s.slot,
    fromTeamId: s.from_team_id,
    toTeamId: s.to_team_id,
  }));
}
