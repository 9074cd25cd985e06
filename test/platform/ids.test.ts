import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uuidv7 } from '../../src/platform/ids.ts';

describe('record ids (UUID version 7)', () => {
  it('are RFC 9562 version 7, variant 10, with the time in their first 48 bits', () => {
    const before = Date.now();
    const id = uuidv7();
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    assert.ok(ms >= before && ms <= Date.now() + 1, `${ms} vs ${before}`);
  });

  it('made one after another sort one after another, and never repeat', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7());
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('keep their order when the clock goes back or 4,096 are made in one millisecond', () => {
    const t = Date.now() + 60_000;
    const ids = [uuidv7(t), ...Array.from({ length: 5_000 }, () => uuidv7(t)), uuidv7(t - 30_000)];
    assert.deepEqual([...ids].sort(), ids);
  });
});
