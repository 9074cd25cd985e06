import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';
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

  it("prints a one-time link for the first admin's passkey on an empty organisation, once", async () => {
    const dbPath = join(dir, 'first-admin.db');
    const lines: string[] = [];
    const srv = await startNode({ BUNSAN_DB: dbPath, PORT: '0' }, (l) => lines.push(l));
    let path = '';
    try {
      const link = lines.join('\n').match(/https?:\/\/\S+\/invite\/inv_\S+/)?.[0];
      assert.ok(link, lines.join('\n'));
      assert.equal(
        new URL(link).port,
        String(srv.port),
        'without PUBLIC_URL: the port listened on',
      );
      path = new URL(link).pathname;
      const page = await fetch(`http://127.0.0.1:${srv.port}${path}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /管理者 さん（管理者）として招待されています/);
    } finally {
      await srv.close();
    }
    const again: string[] = [];
    const srv2 = await startNode({ BUNSAN_DB: dbPath, PORT: '0' }, (l) => again.push(l));
    try {
      assert.ok(!again.some((l) => l.includes('/invite/')), 'shown once');
      assert.equal((await fetch(`http://127.0.0.1:${srv2.port}${path}`)).status, 200, 'still open');
    } finally {
      await srv2.close();
    }
  });

  it('accepts BUNSAN_ADMIN_TOKEN as an admin token', async () => {
    const srv = await startNode(
      {
        BUNSAN_DB: join(dir, 'env.db'),
        PORT: '0',
        BUNSAN_ADMIN_TOKEN: 'operator-chosen-secret-value-1234567',
      },
      () => {},
    );
    try {
      const r = await fetch(`http://127.0.0.1:${srv.port}/v1/tokens`, {
        headers: { authorization: 'Bearer operator-chosen-secret-value-1234567' },
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
          // The first admin token follows the listening line, once the server is up.
          if (text.includes('listening') && text.includes('notifications')) {
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

describe('9. start-up on a bad database or port: one line naming the problem and its fix, a non-zero exit', () => {
  const asRoot = process.getuid?.() === 0;
  /** Makes a file or folder read-only: root writes through permissions, not through the immutable flag. */
  const readOnly = (path: string, on: boolean) => {
    if (asRoot) spawnSync('chattr', [on ? '+i' : '-i', path]);
    else spawnSync('chmod', [on ? 'a-w' : 'u+w', path]);
  };
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/platform/node.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
  const refused = (r: ReturnType<typeof start>, says: RegExp) => {
    assert.equal(r.status, 1, `exit status; stderr: ${r.stderr}`);
    const lines = r.stderr.split('\n').filter((l) => l.trim());
    assert.equal(lines.length, 1, `one line, no stack trace:\n${r.stderr}`);
    assert.match(lines[0]!, /^bunsan: cannot start: /);
    assert.match(lines[0]!, says);
    assert.doesNotMatch(r.stdout, /listening/);
  };

  it('a folder given as the database file', () => {
    refused(start({ BUNSAN_DB: dir }), /is a folder; give a file path in it/);
  });

  it('a file that is not an SQLite database', () => {
    const path = join(dir, 'garbage.db');
    writeFileSync(path, 'this is not a database, it is a spreadsheet\n'.repeat(200));
    refused(start({ BUNSAN_DB: path }), /is not an SQLite database or is damaged/);
  });

  it('a read-only database file (it would open, say "listening", and fail every write)', async () => {
    const folder = join(dir, 'ro-file');
    const path = join(folder, 'bunsan.db');
    await (await startNode({ BUNSAN_DB: path, PORT: '0' }, () => {})).close();
    readOnly(path, true);
    readOnly(folder, true);
    try {
      refused(start({ BUNSAN_DB: path }), /cannot be written/);
    } finally {
      readOnly(folder, false);
      readOnly(path, false);
    }
  });

  it('a new database in a read-only folder', () => {
    const folder = join(dir, 'ro-folder');
    mkdirSync(folder);
    readOnly(folder, true);
    try {
      refused(start({ BUNSAN_DB: join(folder, 'bunsan.db') }), /cannot be created there/);
    } finally {
      readOnly(folder, false);
    }
  });

  it('a port already in use', async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await once(busy, 'listening');
    const port = (busy.address() as { port: number }).port;
    try {
      refused(
        start({ BUNSAN_DB: join(dir, 'port.db'), PORT: String(port) }),
        new RegExp(`port ${port} is in use`),
      );
    } finally {
      busy.close();
    }
  });

  it('a port in use on a new database keeps the first admin token for the start that listens', async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await once(busy, 'listening');
    const port = (busy.address() as { port: number }).port;
    const path = join(dir, 'first-token.db');
    try {
      const failed = start({ BUNSAN_DB: path, PORT: String(port) });
      assert.equal(failed.status, 1);
      assert.doesNotMatch(failed.stdout, /bsn_/, 'no token shown by a start that did not listen');
    } finally {
      busy.close();
    }
    const lines: string[] = [];
    const srv = await startNode({ BUNSAN_DB: path, PORT: '0' }, (l) => lines.push(l));
    await srv.close();
    assert.ok(
      lines.some((l) => l.trim().startsWith('bsn_')),
      'the next start shows it',
    );
  });

  it('a PORT that is not a port number', () => {
    refused(
      start({ BUNSAN_DB: join(dir, 'port-abc.db'), PORT: 'abc' }),
      /PORT is "abc": give a port number/,
    );
  });

  it('13. a weak BUNSAN_ADMIN_TOKEN (under 32 characters) is refused', () => {
    refused(
      start({ BUNSAN_DB: join(dir, 'weak.db'), BUNSAN_ADMIN_TOKEN: 'a' }),
      /BUNSAN_ADMIN_TOKEN is 1 characters; use at least 32/,
    );
    assert.ok(!existsSync(join(dir, 'weak.db')), 'and nothing was created');
  });
});
