/**
 * A member whose session is still good, opening the sign-in or sign-up page, is sent on to where
 * they were going instead of being asked to sign in again. The web app cannot tell by itself:
 * asking the API would answer every signed-out visitor of these pages with a 401.
 */
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../lib/errors.js';
import type { AccountService } from '../modules/accounts/account.service.js';
import { SESSION_COOKIE } from './auth.js';

/** The two pages under every name the web app knows them by. */
const SIGN_IN_PAGES = new Set([
  '/signin',
  '/signup',
  '/sign-in',
  '/sign-up',
  '/login',
  '/register',
]);
const HOME = '/mynetwork';
const ORIGIN = 'http://rapport.invalid';

/**
 * Where the page at `path` sends a signed-in member: `next` when it is a path of this site,
 * else My Network; null when the page is not one of these or its visitor is not signed in.
 */
export async function pastSignIn(
  accounts: AccountService,
  request: FastifyRequest,
  path: string,
): Promise<string | null> {
  if (!SIGN_IN_PAGES.has(path)) return null;
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) return null;
  try {
    if (!(await accounts.authenticateCookie(secret))) return null;
  } catch (error) {
    // A suspended member is told so by signing in.
    if (error instanceof DomainError) return null;
    throw error;
  }
  return sameSitePath(new URLSearchParams(request.url.split('?')[1]).get('next'));
}

/**
 * `next` as a path of this site, or My Network: "//host" and "/\host" name another site to a
 * browser that follows a redirect, so `next` is read as a browser would before it is trusted.
 */
function sameSitePath(next: string | null): string {
  if (next === null || !next.startsWith('/')) return HOME;
  const url = new URL(next, ORIGIN);
  return url.origin === ORIGIN ? url.pathname + url.search + url.hash : HOME;
}
