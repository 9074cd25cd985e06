import { membershipOf, membershipsOf, setOfficeFromQuery } from '../../db/repos/rotations.ts';
import type { CompiledQuery } from 'kysely';
import { officeFromAfterNewDays } from '../../domain/rotation/index.ts';
import type { Deps } from '../deps.ts';

/**
 * The bridging rule kept after office days were added to a rotation's teams (a quarantine's covers,
 * a lift's hand-backs and fills): members who move on from a team that got a new office day join
 * their next team only once the exposure window has passed since that day.
 */
export async function bridgingKept(
  deps: Deps,
  rotationId: string,
  newDays: readonly { teamId: string; date: string }[],
  exposureWindowDays: number,
): Promise<CompiledQuery[]> {
  if (!newDays.length) return [];
  const memberships = (await membershipsOf(deps.db, rotationId)).map((m) => ({
    ...membershipOf(m),
    id: m.id,
  }));
  return officeFromAfterNewDays(memberships, newDays, exposureWindowDays).map((b) =>
    setOfficeFromQuery(deps.db, b.id, b.officeFrom),
  );
}
