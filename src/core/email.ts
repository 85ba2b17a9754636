/**
 * Email addresses as one recipient: `Ann+shoes@Example.COM` and `ann@example.com` reach the same inbox, so
 * limits (one pending confirmation, messages per day) count them as one. The address a message goes to is
 * still the one the customer typed.
 */

/** The recipient identity used for limits: lower-cased, `+tag` dropped from the local part. */
export function recipientKey(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email.trim().toLowerCase();
  const local = email.slice(0, at).trim().toLowerCase();
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}@${domain}`;
}
