import { DEFAULT_POLICY, type Policy } from '../domain/policy.ts';
import type { Deps } from './deps.ts';

/** The organisation's policy (the design's defaults until an admin changes them). */
export async function loadPolicy(_deps: Deps): Promise<Policy> {
  return DEFAULT_POLICY;
}
