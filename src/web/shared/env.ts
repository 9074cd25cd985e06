import type { Context } from 'hono';
import type { AppEnv } from '../../contract/env.ts';
import type { Lang } from './i18n.ts';

/** The pages' context: the app's deps and actor, the page language and the session's CSRF token. */
export interface WebEnv {
  Variables: AppEnv['Variables'] & { lang: Lang; csrf: string };
}
export type WebContext = Context<WebEnv>;
