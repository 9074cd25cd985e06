import { Hono } from 'hono';
import type { WebEnv } from './env.ts';

export function chiefPages() {
  return new Hono<WebEnv>();
}
