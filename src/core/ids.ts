import { randomBytes } from 'node:crypto';

/** Random, URL-safe, prefixed ids: the prefix tells what an id names (`res_…` is a reservation). */
export type RandomSource = (bytes: number) => Buffer;
export const cryptoRandom: RandomSource = (n) => randomBytes(n);

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newId(prefix: string, random: RandomSource = cryptoRandom): string {
  const bytes = random(16);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return `${prefix}_${out}`;
}
