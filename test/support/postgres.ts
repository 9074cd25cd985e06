// A throwaway PostgreSQL cluster for tests: initdb into a temporary folder as the `postgres` user
// (when run as root), served on a free loopback port and a socket in that folder, stopped and
// removed at the end. Debian's server binaries: /usr/lib/postgresql/<version>/bin.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The folder of the newest installed PostgreSQL server's binaries, or null. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export const POSTGRES_BIN = postgresBin();

/** node:test's skip option: skipped only on a developer machine without PostgreSQL; in CI its absence fails. */
export function postgresSkip(): string | false {
  if (POSTGRES_BIN) return false;
  if (process.env.CI)
    throw new Error('CI must have /usr/lib/postgresql/*/bin/initdb: .ci/run installs it with apt');
  return 'no /usr/lib/postgresql/*/bin/initdb (CI installs postgresql with apt)';
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });

export interface PostgresCluster {
  port: number;
  /** A connection URL of a new, empty database (C collation, UTF-8) named `name`. */
  createDatabase: (name: string) => string;
  /** Stops the server and removes its folder. */
  stop: () => void;
}

/**
 * The cluster to test on: the one .ci/run started for the whole run (BUNSAN_TEST_POSTGRES, a URL
 * of a superuser's database; each test's database gets a name of its own, and the cluster is left
 * running), else a new one this test starts and stops.
 */
export async function startPostgres(opts: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const shared = process.env.BUNSAN_TEST_POSTGRES;
  return shared ? sharedCluster(shared) : startCluster(opts.durable ?? false);
}

function sharedCluster(url: string): PostgresCluster {
  const bin = POSTGRES_BIN;
  if (!bin) throw new Error('PostgreSQL is not installed');
  const u = new URL(url);
  return {
    port: Number(u.port || 5432),
    createDatabase: (name) => {
      const unique = `${name}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      execFileSync(join(bin, 'psql'), [url, '-qc', createSql(unique)], { stdio: 'pipe' });
      const db = new URL(url);
      db.pathname = `/${unique}`;
      return db.toString();
    },
    stop: () => {},
  };
}

const createSql = (name: string) =>
  `create database "${name}" template template0 encoding 'UTF8' locale 'C'`;

/**
 * Starts a new cluster (trust authentication on loopback only) and waits until it accepts; unless
 * `durable` (benchmarks: the server's own defaults), without fsync, which tests do not need.
 */
async function startCluster(durable: boolean): Promise<PostgresCluster> {
  const bin = POSTGRES_BIN;
  if (!bin) throw new Error('PostgreSQL is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'bunsan-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  // The server refuses to run as root: the folder goes to `postgres`, and so do the commands.
  if (asRoot) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: dir,
    });
  const port = await freePort();
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-locale',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    `-c listen_addresses=127.0.0.1`,
    ...(durable ? [] : [`-c fsync=off`]),
    `-c max_connections=200`,
  ].join(' ');
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  let running = true;
  const stop = () => {
    if (!running) return;
    running = false;
    process.off('exit', stop);
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test process that ends without its after() (an uncaught error) still stops its server.
  process.once('exit', stop);
  return {
    port,
    createDatabase: (name) => {
      run(join(bin, 'psql'), [
        '-h',
        dir,
        '-p',
        String(port),
        '-U',
        'postgres',
        '-qc',
        createSql(name),
      ]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
  };
}

const idOf = (flag: '-u' | '-g', user: string) =>
  Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
const uidOf = (user: string) => idOf('-u', user);
const gidOf = (user: string) => idOf('-g', user);
