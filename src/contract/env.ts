import type { Context } from 'hono';
import type { Actor } from '../app/actor.ts';
import type { Deps } from '../app/deps.ts';
import type { SignInThrottle } from '../app/tokens/index.ts';

/** Hono's typed context: the runtime's deps, the server's sign-in throttle and the authenticated actor. */
export interface AppEnv {
  Variables: { deps: Deps; throttle: SignInThrottle; actor: Actor };
}
export type AppContext = Context<AppEnv>;
