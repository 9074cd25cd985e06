import type { Context } from 'hono';
import type { AppEnv } from '../../contract/env.ts';
import type { Language } from '../../domain/types.ts';

/** The pages' context: the app's deps and actor, the page language and the session's CSRF token. */
export interface WebEnv {
  Variables: AppEnv['Variables'] & { lang: Language; csrf: string; sessionId: string };
}
export type WebContext = Context<WebEnv>;
