// Runs bunsan as a Cloudflare Worker on workerd with a local D1 (`wrangler dev`), for tests and
// benchmarks: its own process group, free ports, a fresh persistence folder, and no network.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;
const wranglerBin = join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/** Environment for every wrangler call: offline, no metrics, nothing written outside the temp folder. */
export function wranglerEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_LOG_PATH: join(home, 'logs'),
    XDG_CONFIG_HOME: join(home, 'config'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    CI: 'true',
  };
}

/** A port nobody listens on right now (loopback). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Bundles the Worker as `wrangler deploy --dry-run` does (offline) into `outdir`; throws with
 * wrangler's output when it fails.
 */
export function bundleWorker(outdir: string, home: string): { output: string } {
  const r = spawnSync(process.execPath, [wranglerBin, 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: root,
    env: wranglerEnv(home),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0)
    throw new Error(`wrangler deploy --dry-run failed (${r.status ?? r.signal}):\n${output}`);
  return { output };
}

export interface WorkerServer {
  /** http://127.0.0.1:<port> */
  base: string;
  /** Everything wrangler and the Worker wrote so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `wrangler dev` (workerd + a local D1 in a fresh folder) on a free loopback port and waits
 * until GET /healthz answers. The Worker is bundled first (as `wrangler deploy --dry-run` does)
 * and served with --no-bundle, so edits to src/ while a test runs do not reload it.
 */
export async function startWorkerServer(opts: {
  adminToken: string;
  vars?: Record<string, string>;
  timeoutMs?: number;
  /** The status of GET /healthz that says the Worker is up (200; a misconfigured one answers 503). */
  readyStatus?: number;
}): Promise<WorkerServer> {
  const home = mkdtempSync(join(tmpdir(), 'bunsan-workerd-'));
  const outdir = join(home, 'dist');
  try {
    bundleWorker(outdir, home);
  } catch (e) {
    rmSync(home, { recursive: true, force: true });
    throw e;
  }
  const port = await freePort();
  const inspectorPort = await freePort();
  const vars = { BUNSAN_ADMIN_TOKEN: opts.adminToken, ...opts.vars };
  const args = [
    wranglerBin,
    'dev',
    join(outdir, 'worker.js'),
    '--config',
    join(root, 'wrangler.toml'),
    '--no-bundle',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--persist-to',
    join(home, 'state'),
    '--show-interactive-dev-session=false',
    ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
  ];
  // detached: a process group of its own (setsid), so stop() ends wrangler and workerd together.
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: wranglerEnv(home),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (b) => (text += b));
  child.stderr!.on('data', (b) => (text += b));
  let exited: number | string | null = null;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = code ?? signal ?? 'exit';
      resolve();
    }),
  );

  // Should the caller never get to stop() (a crash, a forgotten after()), the group still ends with this process.
  const killOnExit = () => {
    if (exited === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    rmSync(home, { recursive: true, force: true });
  };
  process.on('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (exited === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const killed = await Promise.race([
        exit.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 5_000)),
      ]);
      if (!killed) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
        await exit;
      }
    }
    rmSync(home, { recursive: true, force: true });
  };

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`wrangler dev exited (${exited}) before it was ready:\n${text}`);
    }
    try {
      const r = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (r.status === (opts.readyStatus ?? 200)) {
        await r.arrayBuffer();
        break;
      }
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `wrangler dev did not answer /healthz within ${opts.timeoutMs ?? 60_000} ms:\n${text}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, output: () => text, stop };
}
