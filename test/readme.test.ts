import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startNode } from '../src/platform/node.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The shell blocks of the README's walkthrough, in order. */
function walkthrough(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Walkthrough'),
    readme.indexOf('\n## ', readme.indexOf('## Walkthrough') + 5),
  );
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('the README walkthrough', () => {
  it('runs as written against a fresh server and does what it says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bunsan-readme-'));
    const lines: string[] = [];
    const srv = await startNode(
      { BUNSAN_DB: join(dir, 'data', 'bunsan.db'), PORT: '0', HOST: '127.0.0.1' },
      (l) => lines.push(l),
    );
    try {
      const token = lines.map((l) => l.trim()).find((l) => l.startsWith('bsn_'))!;
      const blocks = walkthrough();
      assert.ok(blocks.length >= 8, `${blocks.length} blocks`);
      // The newcomer pastes their own token and runs from the repository folder.
      const script = blocks
        .join('\n')
        .replace(/^export BUNSAN=.*$/m, `export BUNSAN=http://127.0.0.1:${srv.port}`)
        .replace(/^export TOKEN=.*$/m, `export TOKEN=${token}`);
      mkdirSync(join(dir, 'work', 'test'), { recursive: true });
      symlinkSync(join(root, 'test', 'fixtures'), join(dir, 'work', 'test', 'fixtures'));
      // Asynchronously: the server answers from this very process.
      const { stdout: out } = await promisify(execFile)(
        'bash',
        ['-euo', 'pipefail', '-c', script],
        { cwd: join(dir, 'work'), encoding: 'utf8', timeout: 60_000 },
      );
      for (const expected of [
        '"email":"yamada@example.jp"',
        '"path":"/members/1/name"',
        '"deactivated":[],"unchanged":8',
        '"role":"chief"',
        'meets skill network',
        '"code":"skill-shortage"',
        '"status":"published"',
        '"survives":true',
        '"webcalUrl":"webcal://',
        '"swaps":[{',
        '"action":"quarantine.mark"',
        '"kind":"standby"',
        '"teamIds":[',
        '"handedBack":[{',
        '"quarantineDays":10',
        '"messages":[{',
        '"action":"quarantine.lift"',
        '"action":"settings.update"',
      ]) {
        assert.ok(
          out.includes(expected),
          `the walkthrough's output shows ${expected}\n${process.env.SHOW ? out : ''}`,
        );
      }
    } finally {
      await srv.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
