import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { isNotNullViolation } from '../errors.ts';

/** A person's TOTP secret (an authenticator app), confirmed once a first code matched. */
export interface TotpSecret {
  personId: string;
  secret: string;
  confirmedAt: string | null;
  lastStep: number | null;
}

export async function totpOf(db: Kysely<DB>, personId: string): Promise<TotpSecret | undefined> {
  const r = await db
    .selectFrom('totp_secrets')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return (
    r && {
      personId: r.person_id,
      secret: r.secret,
      confirmedAt: r.confirmed_at,
      lastStep: r.last_step,
    }
  );
}

/** Starts (or starts again) an enrolment: a new secret, not confirmed. */
export function upsertTotpQuery(
  db: Kysely<DB>,
  personId: string,
  secret: string,
  at: string,
): CompiledQuery {
  return db
    .insertInto('totp_secrets')
    .values({ person_id: personId, secret, confirmed_at: null, last_step: null, created_at: at })
    .onConflict((oc) =>
      oc
        .column('person_id')
        .doUpdateSet({ secret, confirmed_at: null, last_step: null, created_at: at }),
    )
    .compile();
}

/**
 * Spends a code's time step (and confirms the secret): a step at or before the last one spent
 * fails the whole atomic write (its secret would become NULL), so a code is good once even when
 * two requests race. See isTotpReplay.
 */
export function spendTotpStepQuery(
  db: Kysely<DB>,
  personId: string,
  step: number,
  at: string,
): CompiledQuery {
  return db
    .updateTable('totp_secrets')
    .set({
      secret: sql<string>`case when last_step is null or last_step < ${step} then secret else null end`,
      last_step: step,
      confirmed_at: sql<string>`coalesce(confirmed_at, ${at})`,
    })
    .where('person_id', '=', personId)
    .compile();
}

export const isTotpReplay = (e: unknown): boolean =>
  isNotNullViolation(e, 'totp_secrets', 'secret');

export function deleteTotpQuery(db: Kysely<DB>, personId: string): CompiledQuery {
  return db.deleteFrom('totp_secrets').where('person_id', '=', personId).compile();
}

/** An e-mailed sign-in code: its hash, tries and expiry. */
export interface EmailCode {
  id: string;
  personId: string;
  codeHash: string;
  tries: number;
  expiresAt: string;
}

/** The person's newest code not used yet. */
export async function openEmailCode(
  db: Kysely<DB>,
  personId: string,
): Promise<EmailCode | undefined> {
  const r = await db
    .selectFrom('email_codes')
    .selectAll()
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      personId: r.person_id,
      codeHash: r.code_hash,
      tries: r.tries,
      expiresAt: r.expires_at,
    }
  );
}

/** A new code; any older open one of the person is spent (only the newest works). */
export function insertEmailCodeQueries(db: Kysely<DB>, c: EmailCode, at: string): CompiledQuery[] {
  return [
    db
      .updateTable('email_codes')
      .set({ used_at: at })
      .where('person_id', '=', c.personId)
      .where('used_at', 'is', null)
      .compile(),
    db
      .insertInto('email_codes')
      .values({
        id: c.id,
        person_id: c.personId,
        code_hash: c.codeHash,
        tries: c.tries,
        created_at: at,
        expires_at: c.expiresAt,
        used_at: null,
      })
      .compile(),
  ];
}

/** A wrong code: one try fewer. */
export function countCodeTryQuery(db: Kysely<DB>, id: string): CompiledQuery {
  return db
    .updateTable('email_codes')
    .set({ tries: sql<number>`tries + 1` })
    .where('id', '=', id)
    .compile();
}

/** The right code: spent (once; a race fails the write, see isCodeSpent). */
export function spendEmailCodeQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('email_codes')
    .set({
      used_at: at,
      code_hash: sql<string>`case when used_at is null then code_hash else null end`,
    })
    .where('id', '=', id)
    .compile();
}

export const isCodeSpent = (e: unknown): boolean =>
  isNotNullViolation(e, 'email_codes', 'code_hash');

/** The people with a confirmed authenticator app. */
export async function peopleWithTotp(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('totp_secrets')
    .select('person_id')
    .where('confirmed_at', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}
