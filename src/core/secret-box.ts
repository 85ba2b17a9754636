/**
 * Secrets this service keeps in its own database (the key that signs email links, webhook signing secrets) are
 * sealed with AES-256-GCM under a key derived (HKDF-SHA256) from `RESTOCK_SECRET` when that is set, so a copy of
 * the database alone does not hand them out. A sealed value is written `enc:v1:` + base64url(iv · ciphertext ·
 * tag); a value without the prefix is plaintext (stored before `RESTOCK_SECRET` was set, or without it), which
 * tells the two apart without a migration.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export const SEALED_PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Raised when stored secrets cannot be opened: a wrong `RESTOCK_SECRET`, or none where one is needed. */
export class SecretsLocked extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretsLocked';
  }
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** The box of a master secret (`RESTOCK_SECRET`); the same secret always gives the same box. */
  static fromSecret(secret: string): SecretBox {
    if (secret.length === 0) throw new SecretsLocked('RESTOCK_SECRET is set but empty');
    const key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('restock'), Buffer.from('restock stored secrets v1'), 32));
    return new SecretBox(key);
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, ct, cipher.getAuthTag()]).toString('base64url');
  }

  /** The plaintext of a sealed value; throws SecretsLocked when it was sealed under another secret or altered. */
  open(sealed: string): string {
    if (!isSealed(sealed)) throw new SecretsLocked('the value is not sealed');
    const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretsLocked('a sealed secret in the database is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretsLocked(
        'RESTOCK_SECRET does not open the secrets stored in this database: they were encrypted under another RESTOCK_SECRET. ' +
          'Start with the RESTOCK_SECRET they were stored with; nothing was changed.',
      );
    }
  }
}

/** A stored secret as plaintext: opened when sealed, as it is when not; sealed without a box cannot be read. */
export function openStored(box: SecretBox | null, stored: string, what: string): string {
  if (!isSealed(stored)) return stored;
  if (!box) throw new SecretsLocked(`the ${what} stored in this database is encrypted: set RESTOCK_SECRET to the secret it was stored under`);
  return box.open(stored);
}
