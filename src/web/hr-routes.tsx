import { Hono } from 'hono';
import type { WebEnv } from './env.ts';

export function hrPages() {
  return new Hono<WebEnv>();
}
