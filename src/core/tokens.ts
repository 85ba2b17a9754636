/**
 * Signed tokens for links in messages (confirm, unsubscribe, held-for-you): they work without logging in, say
 * what they are for, can expire, and cannot be forged or altered without the server's secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Invalid } from './errors.ts';

export interface TokenClaims {
  /** What the token may be used for. */
  p: string;
  /** The thing it names (a subscription id). */
  s: string;
  /** Expiry, epoch seconds; absent = does not expire. */
  e?: number;
  /** A qualifier the purpose needs (a stream ticket's scope). */
  c?: string;
}

export class TokenSigner {
  /** `previous`: keys that signed earlier tokens, still accepted on verify (never used to sign). */
  constructor(
    private readonly secret: Buffer,
    private readonly previous: readonly Buffer[] = [],
  ) {}

  sign(claims: TokenClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** Checks signature, purpose and expiry; throws a 4xx `invalid_token` / `expired_token` otherwise. */
  verify(token: string, purpose: string, now: Date): TokenClaims {
    const dot = token.indexOf('.');
    const body = dot > 0 ? token.slice(0, dot) : '';
    const sig = dot > 0 ? token.slice(dot + 1) : '';
    const a = Buffer.from(sig);
    const signedBy = (key: Buffer) => {
      const b = Buffer.from(mac(key, body));
      return a.length === b.length && timingSafeEqual(a, b);
    };
    if (!body || !(signedBy(this.secret) || this.previous.some(signedBy))) throw new Invalid('this link is not valid (it was altered or is incomplete)', null, 'invalid_token');
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      throw new Invalid('this link is not valid', null, 'invalid_token');
    }
    if (claims.p !== purpose || typeof claims.s !== 'string') throw new Invalid('this link is not meant for this action', null, 'invalid_token');
    if (claims.e !== undefined && claims.e * 1000 < now.getTime()) {
      throw new Invalid(`this link expired at ${new Date(claims.e * 1000).toISOString()}`, { expiredAt: new Date(claims.e * 1000).toISOString() }, 'expired_token');
    }
    return claims;
  }

  private mac(body: string): string {
    return mac(this.secret, body);
  }
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}
