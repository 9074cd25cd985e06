import { forbidden, type Failure } from './failure.ts';

import type { Role } from '../domain/types.ts';

export { ROLES, type Role } from '../domain/types.ts';

/** Who is calling: the token's id (for the audit log), its role and its scope. */
export interface Actor {
  tokenId: string;
  role: Role;
  /** A chief's department, or a staff member's department. */
  departmentId: string | null;
  /** A staff member's own member id. */
  memberId: string | null;
}

/** Quarantines, exposures and their reasons are HR's (and admin's) business only. */
export const isHrOrAdmin = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'hr';

/** May this actor read or write things of this department at all (by scope, not by role)? */
export function inDepartmentScope(actor: Actor, departmentId: string): boolean {
  if (actor.role === 'admin' || actor.role === 'hr') return true;
  return actor.departmentId === departmentId;
}

/** The refusal of a department the token's scope does not reach. */
export const otherDepartment = (): Failure =>
  forbidden('This token is scoped to another department.');

/** The refusal when the actor's scope does not reach the department, or null when it does. */
export const departmentScopeDenied = (actor: Actor, departmentId: string): Failure | null =>
  inDepartmentScope(actor, departmentId) ? null : otherDepartment();
