import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startNode, type NodeServer } from '../../src/platform/node.ts';

const ADMIN = 'body-limit-admin-secret-0123456789abcdef';

/** One request on the agent: status, headers and body, or the error the socket gave. */
function send(
  agent: Agent,
  port: number,
  opts: { method: string; path: string; body?: Buffer; headers?: Record<string, string> },
): Promise<{ status: number; headers: Record<string, unknown>; text: string } | Error> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: opts.method,
        path: opts.path,
        headers: opts.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', resolve);
      },
    );
    req.on('error', resolve);
    req.end(opts.body);
  });
}

describe('5. a 413 breaks the connection', () => {
  let srv: NodeServer;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bunsan-413-'));
    srv = await startNode(
      { BUNSAN_DB: join(dir, 'b.db'), PORT: '0', HOST: '127.0.0.1', BUNSAN_ADMIN_TOKEN: ADMIN },
      () => {},
    );
  });
  after(async () => {
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [what, path, type] of [
    ['the API', '/v1/departments', 'application/json'],
    ['a page form', '/signin', 'application/x-www-form-urlencoded'],
  ] as const) {
    it(`${what}: after a body over 1 MiB answered 413, the client's next request on a kept-alive connection still works`, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const big = Buffer.alloc(2 * 1024 * 1024, 'a');
      try {
        for (let i = 0; i < 10; i++) {
          const refused = await send(agent, srv.port, {
            method: 'POST',
            path,
            body: big,
            headers: {
              authorization: `Bearer ${ADMIN}`,
              'content-type': type,
              origin: 'http://127.0.0.1',
            },
          });
          assert.ok(!(refused instanceof Error), `round ${i}: ${refused}`);
          assert.equal(refused.status, 413);
          assert.equal(refused.headers.connection, 'close', 'the client is told not to reuse it');
          if (path === '/signin')
            assert.match(refused.text, /送信された内容が大きすぎます/, 'a page, in Japanese');
          const next = await send(agent, srv.port, { method: 'GET', path: '/healthz' });
          assert.ok(!(next instanceof Error), `round ${i}: the next request failed: ${next}`);
          assert.equal(next.status, 200);
        }
      } finally {
        agent.destroy();
      }
    });
  }
});
