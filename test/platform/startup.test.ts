import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { startNode } from '../../src/platform/node.ts';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'bunsan-start-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('start-up on Node', () => {
  it('creates and migrates a fresh BUNSAN_DB (folder too), in WAL mode, and prints a first admin token once', async () => {
    const dbPath = join(dir, 'nested', 'folder', 'bunsan.db');
    const lines: string[] = [];
    const srv = await startNode({ BUNSAN_DB: dbPath, PORT: '0' }, (l) => lines.push(l));
    try {
      assert.ok(existsSync(dbPath));
      const token = lines.map((l) => l.trim()).find((l) => l.startsWith('bsn_'));
      assert.ok(token, lines.join('\n'));
      const health = await fetch(`http://127.0.0.1:${srv.port}/healthz`);
      assert.equal(health.status, 200);
      const depts = await fetch(`http://127.0.0.1:${srv.port}/v1/departments`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(depts.status, 200);
    } finally {
      await srv.close();
    }
    const raw = new Database(dbPath, { readonly: true });
    try {
      assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
      const tables = raw
        .prepare("select name from sqlite_master where type='table' order by name")
        .all()
        .map((r: any) => r.name);
      for (const t of ['audit_log', 'departments', 'members', 'tokens', 'kysely_migration'])
        assert.ok(tables.includes(t), t);
    } finally {
      raw.close();
    }

    const again: string[] = [];
    const srv2 = await startNode({ BUNSAN_DB: dbPath, PORT: '0' }, (l) => again.push(l));
    await srv2.close();
    assert.ok(!again.some((l) => l.includes('bsn_')), 'a second start prints no new token');
    const check = new Database(dbPath, { readonly: true });
    assert.equal(
      (check.prepare('select count(*) n from tokens').get() as { n: number }).n,
      1,
      'and creates none',
    );
    assert.equal(
      (check.prepare('select count(*) n from kysely_migration').get() as { n: number }).n > 0,
      true,
    );
    check.close();
  });

  it('accepts BUNSAN_ADMIN_TOKEN as an admin token', async () => {
    const srv = await startNode(
      {
        BUNSAN_DB: join(dir, 'env.db'),
        PORT: '0',
        BUNSAN_ADMIN_TOKEN: 'operator-chosen-secret-value-123',
      },
      () => {},
    );
    try {
      const r = await fetch(`http://127.0.0.1:${srv.port}/v1/tokens`, {
        headers: { authorization: 'Bearer operator-chosen-secret-value-123' },
      });
      assert.equal(r.status, 200);
    } finally {
      await srv.close();
    }
  });

  it('npm start serves on PORT as a real process', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/platform/node.ts'], {
      cwd: root,
      env: { ...process.env, BUNSAN_DB: join(dir, 'proc.db'), PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no start within 20 s: ${text}`)), 20_000);
        child.stdout.on('data', (b) => {
          text += b;
          if (text.includes('listening')) {
            clearTimeout(timer);
            resolve(text);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${text}`)));
      });
      assert.match(out, /bsn_[A-Za-z0-9_-]{43}/);
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      assert.deepEqual(await r.json(), { status: 'ok', version: '0.1.0' });
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('the token CLI issues a scoped token an operator can use at once', () => {
    const dbPath = join(dir, 'cli.db');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/platform/token-cli.ts', ...args], {
        cwd: root,
        env: { ...process.env, BUNSAN_DB: dbPath },
        encoding: 'utf8',
      });
    const ok = run('--role', 'hr', '--label', 'HR desk');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^bsn_[A-Za-z0-9_-]{43}$/m);
    const db = new Database(dbPath, { readonly: true });
    const row = db.prepare('select role, label from tokens').get();
    db.close();
    assert.deepEqual(row, { role: 'hr', label: 'HR desk' });
    const bad = run('--role', 'chief', '--label', 'x');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /departmentId: is required/);
    assert.equal(run('--label', 'x').status, 2);
  });
});
