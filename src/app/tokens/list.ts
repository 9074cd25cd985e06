import { listTokens } from '../../db/repos/tokens.ts';
import type { Deps } from '../deps.ts';
import { tokenView } from './view.ts';

/** Every token (without secrets). */
export async function allTokens(deps: Deps) {
  return (await listTokens(deps.db)).map(tokenView);
}
