import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The rows Python's csv module reads from the bytes, opened as Excel would (utf-8-sig). */
export function readByPython(bytes: Uint8Array): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'bunsan-csv-'));
  try {
    const file = join(dir, 'list.csv');
    writeFileSync(file, bytes);
    const out = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import csv, json, sys\n' +
          'with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:\n' +
          '    print(json.dumps(list(csv.reader(f))))',
        file,
      ],
      { encoding: 'utf8' },
    );
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
