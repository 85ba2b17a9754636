import { randomBytes } from 'node:crypto';

/**
 * Prefixed ids (`res_…` is a reservation): a millisecond timestamp then randomness, so ids created together sort
 * together and inserts land on the same index pages instead of everywhere (a measured cost in write-heavy paths).
 */
export type RandomSource = (bytes: number) => Buffer;
export const cryptoRandom: RandomSource = (n) => randomBytes(n);

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newId(prefix: string, random: RandomSource = cryptoRandom): string {
  const bytes = random(12);
  let out = Date.now().toString(36).padStart(9, '0');
  for (const b of bytes) out += ALPHABET[b % 36];
  return `${prefix}_${out}`;
}
