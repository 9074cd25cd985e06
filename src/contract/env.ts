import type { Context } from 'hono';
import type { Actor } from '../app/actor.ts';
import type { Deps } from '../app/deps.ts';

/** Hono's typed context: the runtime's deps and the authenticated actor. */
export interface AppEnv {
  Variables: { deps: Deps; actor: Actor };
}
export type AppContext = Context<AppEnv>;
