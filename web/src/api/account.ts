/**
 * The Account area of Settings (R28–R30): sessions, tokens, export and leaving. Like types.ts,
 * the shapes come from the generated description (schema.d.ts); none is written out by hand.
 */
import { useCursorList } from '../components/use-cursor-list.js';
import { api, call, rememberCsrfToken } from './client.js';
import type { operations } from './schema.js';

type Json<
  Op extends keyof operations,
  Status extends keyof operations[Op]['responses'],
> = operations[Op]['responses'][Status] extends { content: { 'application/json': infer T } }
  ? T
  : never;

export type Session = Json<'listSessions', 200>['items'][number];
export type Token = Json<'listTokens', 200>['items'][number];
export type NewToken = Json<'createToken', 201>;
export type NewTokenInput = operations['createToken']['requestBody']['content']['application/json'];

const keys = {
  sessions: ['account', 'sessions'] as const,
  tokens: ['account', 'tokens'] as const,
};
export const accountKeys = keys;

/** Rows a page of the account's lists holds: most members have fewer, so one page shows all. */
const PAGE = 50;

export const useSessions = () =>
  useCursorList({
    queryKey: keys.sessions,
    fetchPage: (cursor) =>
      call(() => api.GET('/api/v1/me/sessions', { params: { query: { cursor, limit: PAGE } } })),
  });

export const endSession = (id: string) =>
  call(() => api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }));

export const endOtherSessions = () => call(() => api.DELETE('/api/v1/me/sessions'));

export const useTokens = () =>
  useCursorList({
    queryKey: keys.tokens,
    fetchPage: (cursor) =>
      call(() => api.GET('/api/v1/me/tokens', { params: { query: { cursor, limit: PAGE } } })),
  });

export const createToken = (input: NewTokenInput) =>
  call(() => api.POST('/api/v1/me/tokens', { body: input }));

export const revokeToken = (id: string) =>
  call(() => api.DELETE('/api/v1/me/tokens/{id}', { params: { path: { id } } }));

/** A plain link downloads it: the server answers it as an attachment. */
export const exportUrl = '/api/v1/me/export';

/** R29: a wrong password answers 403 wrong_password; the session ends with the account. */
export async function deleteAccount(password: string): Promise<void> {
  await call(() => api.DELETE('/api/v1/me', { body: { password } }), { redirectOn401: false });
  rememberCsrfToken(null);
}
