import { inReadingOrder } from '../../domain/collections.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Language } from '../../domain/types.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { departmentMembers, memberById } from '../../db/repos/members.ts';
import { findToken } from '../../db/repos/tokens.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { notFound, type Failure } from '../failure.ts';
import { lookUpExposure } from './lookup-exposure.ts';

/** A person on the list: who they are and where to reach them, nothing about their health. */
export interface ListedPerson {
  name: string;
  department: string;
  email: string;
}

/** The list the public health centre (保健所) asks for: the case's office days and who was there. */
export interface HealthCentreList {
  department: { id: string; name: string; language: Language; timezone: string };
  case: ListedPerson & { memberId: string };
  from: string;
  to: string;
  /** When it was made (an instant, UTC) and by whom (the token's label and role). */
  madeAt: string;
  madeBy: { label: string; role: Actor['role'] };
  /** The case's office days, ascending, each with the others in the office (reading order). */
  days: { date: string; people: ListedPerson[] }[];
}

/**
 * Makes the health-centre list for a member over a range (as the exposure lookup reads it), and
 * records in the audit log that it was made and in which form: it hands people's names and
 * e-mails outside the organisation.
 */
export async function makeHealthCentreList(
  deps: Deps,
  actor: Actor,
  memberId: string,
  range: { from?: string | undefined; to?: string | undefined },
  form: 'csv' | 'page',
): Promise<Result<HealthCentreList, Failure>> {
  const found = await lookUpExposure(deps, actor, memberId, {
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
  });
  if (!found.ok) return found;
  const exposure = found.value;
  const [members, token] = await Promise.all([
    departmentOfMember(deps, memberId),
    findToken(deps.db, actor.tokenId),
  ]);
  if (!members) return err(notFound(`No member ${memberId}.`));
  const { department, byId } = members;
  const person = (id: string): ListedPerson => {
    const m = byId.get(id);
    return { name: m?.name ?? id, department: department.name, email: m?.email ?? '' };
  };
  const at = deps.now().toISOString();
  const days = exposure.days.map((d) => ({
    date: d.date,
    people: inReadingOrder(
      d.coPresentMemberIds.map((id) => ({ id, name: '', kana: null, ...byId.get(id) })),
    ).map((m) => person(m.id)),
  }));
  await deps.atomic([
    auditEntry(
      deps,
      actor,
      at,
      'exposure.list',
      { type: 'member', id: memberId },
      {
        form,
        from: exposure.from,
        to: exposure.to,
        days: days.length,
        people: new Set(exposure.days.flatMap((d) => d.coPresentMemberIds)).size,
      },
    ),
  ]);
  return ok({
    department: {
      id: department.id,
      name: department.name,
      language: department.language,
      timezone: department.timezone,
    },
    case: { memberId, ...person(memberId) },
    from: exposure.from,
    to: exposure.to,
    madeAt: at,
    madeBy: { label: token?.label ?? actor.role, role: actor.role },
    days,
  });
}

async function departmentOfMember(deps: Deps, memberId: string) {
  const member = await memberById(deps.db, memberId);
  if (!member) return null;
  const department = (await departmentById(deps.db, member.departmentId))!;
  const members = await departmentMembers(deps.db, department.id);
  return { department, byId: new Map(members.map((m) => [m.id, m])) };
}
