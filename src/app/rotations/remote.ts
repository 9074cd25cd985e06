import { standbyWindows } from '../../db/repos/quarantines.ts';
import { capacityFor } from '../../domain/capacity/index.ts';
import { standbyLookup } from '../../domain/quarantine/index.ts';
import type { Deps } from '../deps.ts';
import { loadOrgSettings } from '../settings/index.ts';
import type { RotationSnapshot } from './snapshot.ts';
import type { RemoteContext } from './view.ts';

/** The days a rotation spans. */
export const spanOf = (snap: RotationSnapshot) => ({
  from: snap.rotation.startDate,
  to: snap.rotation.endDate,
});

/** Who is in standby in the rotation's department over its span, and the capacity that applies to it. */
export async function remoteContextOf(
  deps: Deps,
  departmentId: string,
  span: { from: string; to: string },
): Promise<RemoteContext> {
  const [windows, settings] = await Promise.all([
    standbyWindows(deps.db, departmentId, span),
    loadOrgSettings(deps),
  ]);
  return {
    standby: standbyLookup(windows),
    capacity: capacityFor(settings.capacity, departmentId),
    policy: settings.policy,
  };
}
