import type { CompiledQuery, Kysely } from 'kysely';
import { fromJson, toJson } from '../json.ts';
import type { DB } from '../schema.ts';
import type { PasskeyRow } from '../schema-people.ts';

/** A registered passkey: its credential id and public key (base64url), and its use counter. */
export interface Passkey {
  id: string;
  personId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  deviceName: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const passkeyFromRow = (r: PasskeyRow): Passkey => ({
  id: r.id,
  personId: r.person_id,
  publicKey: r.public_key,
  counter: r.counter,
  transports: fromJson(r.transports),
  deviceName: r.device_name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

export async function passkeyById(db: Kysely<DB>, id: string): Promise<Passkey | undefined> {
  const row = await db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
  return row && passkeyFromRow(row);
}

export async function passkeysOf(db: Kysely<DB>, personId: string): Promise<Passkey[]> {
  const rows = await db
    .selectFrom('passkeys')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();
  return rows.map(passkeyFromRow);
}

export function insertPasskeyQuery(db: Kysely<DB>, p: Passkey): CompiledQuery {
  return db
    .insertInto('passkeys')
    .values({
      id: p.id,
      person_id: p.personId,
      public_key: p.publicKey,
      counter: p.counter,
      transports: toJson(p.transports),
      device_name: p.deviceName,
      created_at: p.createdAt,
      last_used_at: null,
    })
    .compile();
}

/** Notes a sign-in with the passkey and its new counter. */
export function usePasskeyQuery(
  db: Kysely<DB>,
  id: string,
  counter: number,
  at: string,
): CompiledQuery {
  return db
    .updateTable('passkeys')
    .set({ counter, last_used_at: at })
    .where('id', '=', id)
    .compile();
}

export function deletePasskeyQuery(db: Kysely<DB>, id: string, personId: string): CompiledQuery {
  return db.deleteFrom('passkeys').where('id', '=', id).where('person_id', '=', personId).compile();
}

/** Removes every passkey of a person (an admin's reset). */
export function deletePasskeysOfQuery(db: Kysely<DB>, personId: string): CompiledQuery {
  return db.deleteFrom('passkeys').where('person_id', '=', personId).compile();
}

/** How many passkeys each person has. */
export async function passkeyCounts(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('passkeys')
    .select(['person_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
}
