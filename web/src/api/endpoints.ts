import { api, rememberCsrfToken } from './client.js';
import type {
  AuthResult,
  Block,
  BulkWithdrawInput,
  BulkWithdrawResult,
  Connection,
  CreateEventInput,
  CreatePageInput,
  EventInviteResult,
  EventSummary,
  EventView,
  Insights,
  InvitationKind,
  Me,
  NotificationPage,
  Page,
  PageInviteResult,
  PageSummary,
  PageView,
  Profile,
  Quotas,
  ReceivedCount,
  ReceivedInvitation,
  SearchResult,
  SendInvitationInput,
  SendInvitationResult,
  SentCount,
  SentInvitation,
  Settings,
  SettingsPatch,
  SignUpInput,
  Suggestion,
} from './types.js';

const enc = encodeURIComponent;

export async function signIn(email: string, password: string): Promise<AuthResult> {
  const result = await api.post<AuthResult>(
    '/session',
    { email, password },
    { redirectOn401: false },
  );
  rememberCsrfToken(result.csrfToken);
  return result;
}

export async function signUp(input: SignUpInput): Promise<AuthResult> {
  const result = await api.post<AuthResult>('/members', input, { redirectOn401: false });
  rememberCsrfToken(result.csrfToken);
  return result;
}

export async function signOut(): Promise<void> {
  await api.delete<void>('/session');
  rememberCsrfToken(null);
}

export async function getMe(): Promise<Me> {
  const me = await api.get<Me>('/me');
  if (me.csrfToken) rememberCsrfToken(me.csrfToken);
  return me;
}

export const getQuotas = () => api.get<Quotas>('/me/quotas');

export const searchMembers = (q: string) =>
  api.get<Page<SearchResult>>('/members', { query: { q, limit: 50 } });

export const getProfile = (handle: string) => api.get<Profile>(`/members/${enc(handle)}`);

export const getSuggestions = () => api.get<{ items: Suggestion[] }>('/suggestions');

export const sendInvitation = (input: SendInvitationInput) =>
  api.post<SendInvitationResult>('/invitations', input);

export const listReceived = (kind?: InvitationKind, limit = 50) =>
  api.get<Page<ReceivedInvitation>>('/invitations/received', { query: { kind, limit } });

export const countReceived = () => api.get<ReceivedCount>('/invitations/received/count');

export const listSent = (kind?: InvitationKind, olderThanDays?: number) =>
  api.get<Page<SentInvitation>>('/invitations/sent', {
    query: { kind, olderThanDays, limit: 100 },
  });

export const countSent = () => api.get<SentCount>('/invitations/sent/count');

export const acceptInvitation = (id: string) =>
  api.post<{ invitation: unknown }>(`/invitations/${enc(id)}/accept`);

export const ignoreInvitation = (id: string, reason?: 'dont_know') =>
  api.post<void>(`/invitations/${enc(id)}/ignore`, reason ? { reason } : {});

export const withdrawInvitation = (id: string, keepalive = false) =>
  api.post<{ resendAvailableAt: string }>(`/invitations/${enc(id)}/withdraw`, undefined, {
    keepalive,
  });

export const setKept = (id: string, kept: boolean) =>
  kept
    ? api.put<{ kept: boolean }>(`/invitations/${enc(id)}/keep`)
    : api.delete<{ kept: boolean }>(`/invitations/${enc(id)}/keep`);

export const bulkWithdraw = (input: BulkWithdrawInput, keepalive = false) =>
  api.post<BulkWithdrawResult>('/invitations/withdraw', input, { keepalive });

export const withdrawnCsvUrl = '/api/v1/invitations/withdrawn.csv';

export const listConnections = (q?: string) =>
  api.get<Page<Connection>>('/connections', { query: { q, limit: 100 } });

export const removeConnection = (handle: string) => api.delete<void>(`/connections/${enc(handle)}`);

export const follow = (handle: string) => api.put<void>(`/follows/${enc(handle)}`);
export const unfollow = (handle: string) => api.delete<void>(`/follows/${enc(handle)}`);

export const listBlocks = () => api.get<Page<Block>>('/blocks', { query: { limit: 100 } });
export const block = (handle: string) => api.put<void>(`/blocks/${enc(handle)}`);
export const unblock = (handle: string) => api.delete<void>(`/blocks/${enc(handle)}`);

export const getSettings = () => api.get<Settings>('/settings');
export const updateSettings = (patch: SettingsPatch) => api.patch<Settings>('/settings', patch);

export const listNotifications = () =>
  api.get<NotificationPage>('/notifications', { query: { limit: 50 } });

export const markNotificationsRead = (ids?: string[]) =>
  api.post<void>('/notifications/read', ids ? { ids } : {});

export const createPage = (input: CreatePageInput) => api.post<PageView>('/pages', input);
export const listPages = () => api.get<Page<PageSummary>>('/pages', { query: { limit: 100 } });
export const getPage = (id: string) => api.get<PageView>(`/pages/${enc(id)}`);

export const setFollowingPage = (id: string, following: boolean) =>
  following
    ? api.put<PageView>(`/pages/${enc(id)}/follow`)
    : api.delete<PageView>(`/pages/${enc(id)}/follow`);

export const inviteToPage = (id: string, to: string[]) =>
  api.post<PageInviteResult>(`/pages/${enc(id)}/invitations`, { to });

export const createEvent = (input: CreateEventInput) => api.post<EventView>('/events', input);
export const listEvents = () => api.get<Page<EventSummary>>('/events', { query: { limit: 100 } });
export const getEvent = (id: string) => api.get<EventView>(`/events/${enc(id)}`);

export const inviteToEvent = (id: string, to: string[]) =>
  api.post<EventInviteResult>(`/events/${enc(id)}/invitations`, { to });

export const getInsights = () => api.get<Insights>('/insights');
