import { randomBytes } from 'node:crypto';

/**
 * Prefixed ids (`res_…` is a reservation): a millisecond timestamp then randomness, so ids created together sort
 * together and inserts land on the same index pages instead of everywhere (a measured cost in write-heavy paths).
 */
export type RandomSource = (bytes: number) => Buffer;
/**
 * Bytes from the CSPRNG, drawn 4 KiB at a time: one `randomBytes` call per id was a measured few percent of a
 * reservation's CPU. Each byte is handed out once.
 */
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let offset = 0;
export const cryptoRandom: RandomSource = (n) => {
  if (n > POOL_SIZE) return randomBytes(n);
  if (offset + n > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  // A copy, not a view: the pool's other bytes (ids handed out before and after) never travel with a secret.
  const out = Buffer.from(pool.subarray(offset, offset + n));
  offset += n;
  return out;
};

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newId(prefix: string, random: RandomSource = cryptoRandom): string {
  const bytes = random(12);
  let out = Date.now().toString(36).padStart(9, '0');
  for (const b of bytes) out += ALPHABET[b % 36];
  return `${prefix}_${out}`;
}

/**
 * The shape of a SKU and of a location code, shared by every module and the HTTP schemas: letters, digits and a
 * few separators, starting with a letter or digit, so codes are safe in URLs, CSV and logs.
 */
export const SKU_MAX_LENGTH = 64;
export const SKU_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:/-]*$';
export const LOCATION_CODE_MAX_LENGTH = 64;
export const LOCATION_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';

const SKU_RE = new RegExp(SKU_PATTERN);
const LOCATION_CODE_RE = new RegExp(LOCATION_CODE_PATTERN);

export function isSku(s: string): boolean {
  return s.length <= SKU_MAX_LENGTH && SKU_RE.test(s);
}

export function isLocationCode(s: string): boolean {
  return s.length <= LOCATION_CODE_MAX_LENGTH && LOCATION_CODE_RE.test(s);
}
