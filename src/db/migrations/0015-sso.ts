import type { Kysely } from 'kysely';

/**
 * Single sign-on with the organisation's OpenID Connect provider: its one settings row (the
 * client secret among them, as the runtime's other secrets are: only the server reads it), and
 * the sign-ins under way (state, nonce and PKCE verifier, found by the hash of a browser cookie).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sso_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('issuer', 'text')
    .addColumn('client_id', 'text')
    .addColumn('client_secret', 'text')
    .addColumn('email_claim', 'text')
    .addColumn('hr_group', 'text')
    .addColumn('admin_group', 'text')
    .addColumn('group_claim', 'text')
    .addColumn('mfa_trusted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mfa_acr', 'text')
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sso_logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null once the provider's answer was taken (a second answer is refused: see spendLoginQuery).
    .addColumn('state', 'text')
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    // A person who still confirms with a passkey or an authenticator app.
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('confirmed_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sso_logins').execute();
  await db.schema.dropTable('sso_settings').execute();
}
