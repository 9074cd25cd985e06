import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrations } from '../../src/db/migrations/index.ts';
import { httpClient } from '../support/http-scenario.ts';
import { postgresSkip, startPostgres, type PostgresCluster } from '../support/postgres.ts';

const root = new URL('../..', import.meta.url).pathname;

interface Started {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** `npm start` as a real process on a free port over `url`, once it listens and has said all it says at start. */
function npmStart(url: string, name: string, adminToken?: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/platform/node.ts'], {
    cwd: root,
    env: {
      ...process.env,
      BUNSAN_DB: url,
      PORT: '0',
      HOST: '127.0.0.1',
      BUNSAN_INSTANCE: name,
      ...(adminToken ? { BUNSAN_ADMIN_TOKEN: adminToken } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stderr!.on('data', (b) => (text += b));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s: ${text}`)), 60_000);
    child.stdout!.on('data', (b) => {
      text += b;
      const port = /listening on http:\/\/localhost:(\d+)/.exec(text)?.[1];
      if (port && text.includes('notifications')) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${port}`, output: () => text });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${text}`)));
  });
}

const stopped = (p: Started) =>
  new Promise<void>((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
    p.child.once('exit', () => resolve());
    p.child.kill('SIGTERM');
  });

describe('npm start twice on one PostgreSQL', { skip: postgresSkip() }, () => {
  let cluster: PostgresCluster;
  before(async () => {
    cluster = await startPostgres();
  });
  after(() => cluster?.stop());

  it('migrates once, prints one first admin token, and serves one organisation on both ports', async () => {
    // Trust authentication ignores the password: here it is only there not to be printed.
    const url = cluster.createDatabase('processes').replace('postgres@', 'postgres:pw-s3cret@');
    const [one, two] = await Promise.all([npmStart(url, 'one'), npmStart(url, 'two')]);
    try {
      const tokens = [one, two].flatMap((p) => p.output().match(/bsn_[A-Za-z0-9_-]{43}/g) ?? []);
      assert.equal(tokens.length, 1, `${one.output()}\n${two.output()}`);
      const db = new Kysely<any>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }),
      });
      try {
        const applied = await db.selectFrom('kysely_migration').select('name').execute();
        assert.deepEqual(
          applied.map((m) => m.name),
          Object.keys(migrations),
        );
      } finally {
        await db.destroy();
      }
      const [onOne, onTwo] = [one, two].map((p) => httpClient(p.base, tokens[0]!));
      const dept = await onOne!('POST', '/v1/departments', { body: { name: '情報政策課' } });
      assert.equal(dept.status, 201, dept.text);
      const seen = await onTwo!('GET', `/v1/departments/${dept.json.id}`);
      assert.equal(seen.status, 200, seen.text);
      assert.equal(seen.json.name, '情報政策課');
      assert.ok(
        !one.output().includes(url.replace(/@.*/, '')) || !url.includes(':'),
        'no password',
      );
    } finally {
      await Promise.all([stopped(one), stopped(two)]);
    }
  });

  it('migrates with npm run migrate (before the new code starts) and issues tokens with npm run token', async () => {
    const url = cluster.createDatabase('cli');
    const cli = (script: string, args: string[] = []) =>
      spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
        cwd: root,
        env: { ...process.env, BUNSAN_DB: url },
        encoding: 'utf8',
      });
    const migrated = cli('src/platform/migrate-cli.ts');
    assert.equal(migrated.status, 0, migrated.stderr);
    const names = Object.keys(migrations);
    assert.match(
      migrated.stdout,
      new RegExp(`${names.length} migrations, the last ${names.at(-1)}`),
    );
    const issued = cli('src/platform/token-cli.ts', ['--role', 'hr', '--label', 'HR desk']);
    assert.equal(issued.status, 0, issued.stderr);
    const token = /bsn_[A-Za-z0-9_-]{43}/.exec(issued.stdout)?.[0];
    assert.ok(token, issued.stdout);
    const srv = await npmStart(url, 'cli');
    try {
      assert.doesNotMatch(srv.output(), /first admin token/, 'a token exists: none is printed');
      const r = await httpClient(srv.base, token)('GET', '/v1/quarantines?active=true');
      assert.equal(r.status, 200, r.text);
    } finally {
      await stopped(srv);
    }
  });

  it('loses nothing acknowledged when one instance is killed with SIGKILL mid-write', async () => {
    const url = cluster.createDatabase('kill');
    const admin = 'kill-test-admin-secret-0123456789abcdef';
    const [victim, survivor] = await Promise.all([
      npmStart(url, 'victim', admin),
      npmStart(url, 'survivor', admin),
    ]);
    try {
      const onVictim = httpClient(victim.base, admin);
      const onSurvivor = httpClient(survivor.base, admin);
      const dept = await onSurvivor('POST', '/v1/departments', { body: { name: 'Kill' } });
      assert.equal(dept.status, 201, dept.text);
      const path = `/v1/departments/${dept.json.id}/members`;
      // Batches of five members, all or nothing each, written by six writers; each goes on until
      // its request fails (the instance is gone), so every request in flight at the kill is seen.
      const outcomes: { emails: string[]; acknowledged: boolean }[] = [];
      let n = 0;
      let inFlight = 0;
      let inFlightAtKill = -1;
      const writer = async () => {
        for (;;) {
          const batch = n++;
          const emails = Array.from({ length: 5 }, (_, i) => `k${batch}-${i}@example.jp`);
          const members = emails.map((email) => ({ name: `K ${email}`, email }));
          inFlight++;
          const r = await onVictim('POST', path, { body: { members } }).catch(() => null);
          inFlight--;
          outcomes.push({ emails, acknowledged: r?.status === 201 });
          if (!r) return;
          if (r.status !== 201) assert.fail(r.text);
          if (outcomes.filter((o) => o.acknowledged).length >= 30 && inFlightAtKill < 0) {
            inFlightAtKill = inFlight;
            victim.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: 6 }, writer));
      assert.ok(outcomes.filter((o) => o.acknowledged).length >= 30);
      assert.ok(inFlightAtKill > 0, 'writes were in flight when it was killed');
      const list = await onSurvivor('GET', path);
      assert.equal(list.status, 200, list.text);
      const stored = new Set<string>(list.json.members.map((m: { email: string }) => m.email));
      for (const o of outcomes) {
        const present = o.emails.filter((e) => stored.has(e)).length;
        if (o.acknowledged) assert.equal(present, 5, `acknowledged ${o.emails[0]} is kept`);
        else assert.ok(present === 0 || present === 5, `${o.emails[0]}: all or nothing`);
      }
      // The survivor goes on writing.
      const after = await onSurvivor('POST', path, {
        body: { members: [{ name: 'After', email: 'after@example.jp' }] },
      });
      assert.equal(after.status, 201, after.text);
    } finally {
      await Promise.all([stopped(victim), stopped(survivor)]);
    }
  });
});
