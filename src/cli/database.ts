/**
 * Which database a command opens, said on stderr before it runs: the CLI reads DATABASE_URL and otherwise
 * the default `sqlite:./data/restock.db`, which is relative to the working directory, so a command started
 * from another directory (or without the variable a server was given) would silently open, and create,
 * another, empty database. The line names the absolute file and whether it is new; passwords never show.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** A database URL fit for logs: the password (if any) replaced by "redacted". */
export function redactDatabaseUrl(url: string): string {
  if (url.startsWith('sqlite:')) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = 'redacted';
    return u.toString();
  } catch {
    // Not a URL at all: show only its scheme rather than risk printing a secret.
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0];
    return scheme ? `${scheme}(unreadable URL, not shown)` : '(unreadable URL, not shown)';
  }
}

/** One line for stderr: `database: sqlite:/abs/data/restock.db (the default; DATABASE_URL is not set)`. */
export function describeDatabase(url: string, fromEnv: boolean, cwd = process.cwd()): string {
  const source = fromEnv ? 'from DATABASE_URL' : 'the default; DATABASE_URL is not set';
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '' || path === ':memory:') return `database: sqlite in memory (${source}; nothing is kept)`;
    const file = resolve(cwd, path);
    return `database: sqlite:${file} (${source}${existsSync(file) ? '' : '; no such file yet: a new, empty database'})`;
  }
  return `database: ${redactDatabaseUrl(url)} (${source})`;
}
