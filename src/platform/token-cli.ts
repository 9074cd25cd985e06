import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../app/actor.ts';
import { issueToken, SYSTEM_ACTOR } from '../app/tokens/index.ts';
import { nodeDeps, openDatabase } from './node-deps.ts';

const USAGE = `usage: npm run token -- --role admin|hr|chief|staff --label "HR desk" [--department ID] [--member ID] [--db PATH|postgres://…]`;

/** Issues a token from the server machine (no HTTP, no existing token needed) and prints it. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      label: { type: 'string' },
      department: { type: 'string' },
      member: { type: 'string' },
      db: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (
    values.help ||
    !values.role ||
    !values.label ||
    !(ROLES as readonly string[]).includes(values.role)
  ) {
    console.error(USAGE);
    return 2;
  }
  const db = await openDatabase(values.db || process.env.BUNSAN_DB || './data/bunsan.db');
  try {
    const r = await issueToken(nodeDeps(db), SYSTEM_ACTOR, {
      role: values.role as Role,
      label: values.label,
      ...(values.department ? { departmentId: values.department } : {}),
      ...(values.member ? { memberId: values.member } : {}),
    });
    if (!r.ok) {
      console.error(`cannot issue: ${r.error.detail}`);
      if ('errors' in r.error)
        for (const e of r.error.errors ?? []) console.error(`  ${e.path}: ${e.message}`);
      return 1;
    }
    console.log(
      `token id ${r.value.id} (${r.value.role}${r.value.departmentId ? `, department ${r.value.departmentId}` : ''}) — shown once:`,
    );
    console.log(r.value.token);
    return 0;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main();
