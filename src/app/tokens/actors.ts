import type { Actor } from '../actor.ts';

/** The actor that stands for the operator on the server machine (start-up, CLI). */
export const SYSTEM_ACTOR: Actor = {
  tokenId: 'system',
  role: 'admin',
  departmentId: null,
  memberId: null,
};
/** The actor of a request authenticated by BUNSAN_ADMIN_TOKEN. */
export const ENV_ADMIN_ACTOR: Actor = {
  tokenId: 'env:BUNSAN_ADMIN_TOKEN',
  role: 'admin',
  departmentId: null,
  memberId: null,
};
