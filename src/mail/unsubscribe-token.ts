import { createHmac, timingSafeEqual } from 'node:crypto';
import type { InvitationMailTemplate } from '../db/tables/outbox.js';

const MAIL_TEMPLATES: readonly InvitationMailTemplate[] = ['invitation', 'reminder', 'accepted'];

function signature(secret: string, memberId: string, template: InvitationMailTemplate): string {
  return createHmac('sha256', secret)
    .update(`unsubscribe\n${memberId}\n${template}`)
    .digest('base64url');
}

/**
 * `<member id>.<kind>.<HMAC>`: a link that turns one email preference off without signing in
 * (RFC 8058). It never expires, as mail clients keep such links; changing the secret voids them.
 */
export function unsubscribeToken(
  secret: string,
  memberId: string,
  template: InvitationMailTemplate,
): string {
  return `${memberId}.${template}.${signature(secret, memberId, template)}`;
}

export function readUnsubscribeToken(
  secret: string,
  token: string,
): { memberId: string; template: InvitationMailTemplate } | null {
  const [memberId, template, given, ...rest] = token.split('.');
  if (!memberId || !given || rest.length > 0) return null;
  const known = MAIL_TEMPLATES.find((t) => t === template);
  if (known === undefined) return null;
  const expected = Buffer.from(signature(secret, memberId, known));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { memberId, template: known };
}
