/**
 * Record ids: UUID version 7 (RFC 9562), a millisecond time then random bits, so that ids made one
 * after another sort one after another. A table's primary-key index then grows at its end instead
 * of at random places: a rotation's thousand memberships went into SQLite in 2.6 ms instead of 4.4
 * (bench/README). Within one millisecond a 12-bit counter keeps them in order. Ids are names, not
 * secrets (secrets come from `newSecret`); an id tells when its record was made.
 */
let lastMs = -1;
let counter = 0;

export function uuidv7(nowMs: number = Date.now()): string {
  const b = randomBytes();
  let ms = Math.max(nowMs, lastMs);
  if (ms === lastMs) {
    counter++;
    if (counter > 0xfff) {
      ms++;
      counter = b[7]! & 0x7ff;
    }
  } else counter = ((b[6]! & 0x07) << 8) | b[7]!; // a random start with room to count up
  lastMs = ms;
  // 48 bits of milliseconds, big-endian (Math: beyond 32-bit integer operations).
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  let hex = '';
  for (let i = 0; i < 16; i++) {
    hex += HEX[b[i]!];
    if (i === 3 || i === 5 || i === 7 || i === 9) hex += '-';
  }
  return hex;
}

// Random bytes drawn 4 KiB at a time: a call to getRandomValues per id cost more than the rest.
const pool = new Uint8Array(4096);
let used = pool.length;
function randomBytes(): Uint8Array {
  if (used + 16 > pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  const b = pool.slice(used, used + 16);
  used += 16;
  return b;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
