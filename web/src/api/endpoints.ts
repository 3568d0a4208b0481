import { api, call, rememberCsrfToken } from './client.js';
import type {
  BulkWithdrawInput,
  CreateEventInput,
  CreatePageInput,
  EventsSide,
  InviteTarget,
  ProfilePatch,
  ReceivedCountFilter,
  ReceivedFilter,
  RespondInput,
  SendInvitationInput,
  SentCountFilter,
  SentFilter,
  SettingsPatch,
  SignUpInput,
} from './types.js';

/** Wrong credentials answer 401 here; that is a refusal to show, not an ended sign-in. */
const noRedirect = { redirectOn401: false };

export async function signIn(email: string, password: string) {
  const result = await call(
    () => api.POST('/api/v1/session', { body: { email, password } }),
    noRedirect,
  );
  rememberCsrfToken(result.csrfToken);
  return result;
}

export async function signUp(input: SignUpInput) {
  const result = await call(() => api.POST('/api/v1/members', { body: input }), noRedirect);
  rememberCsrfToken(result.csrfToken);
  return result;
}

export async function signOut(): Promise<void> {
  await call(() => api.DELETE('/api/v1/session'));
  rememberCsrfToken(null);
}

export async function getMe() {
  const me = await call(() => api.GET('/api/v1/me'));
  if (me.csrfToken) rememberCsrfToken(me.csrfToken);
  return me;
}

/** Read before signing in too: a 401 here is no ended sign-in to redirect from. */
export const getInstance = () => call(() => api.GET('/api/v1/instance'), noRedirect);

export const updateMe = (patch: ProfilePatch) =>
  call(() => api.PATCH('/api/v1/me', { body: patch }));

export const getQuotas = () => call(() => api.GET('/api/v1/me/quotas'));

export const searchMembers = (q: string, cursor?: string) =>
  call(() => api.GET('/api/v1/members', { params: { query: { q, cursor, limit: 50 } } }));

export const getProfile = (handle: string) =>
  call(() => api.GET('/api/v1/members/{handle}', { params: { path: { handle } } }));

export const getInvitation = (id: string) =>
  call(() => api.GET('/api/v1/invitations/{id}', { params: { path: { id } } }));

/** The first few people you may know, as many as My Network shows. */
export const getSuggestions = () =>
  call(() => api.GET('/api/v1/suggestions', { params: { query: { limit: 10 } } }));

export const sendInvitation = (input: SendInvitationInput) =>
  call(() => api.POST('/api/v1/invitations', { body: input }));

/** Rows per page of the long lists: the API's largest page. */
const PAGE = 100;

export const listReceived = (filter: ReceivedFilter = {}, cursor?: string, limit = PAGE) =>
  call(() =>
    api.GET('/api/v1/invitations/received', { params: { query: { ...filter, cursor, limit } } }),
  );

export const countReceived = (filter: ReceivedCountFilter = {}) =>
  call(() => api.GET('/api/v1/invitations/received/count', { params: { query: filter } }));

export const respondToInvitations = (input: RespondInput) =>
  call(() => api.POST('/api/v1/invitations/respond', { body: input }));

export const listSent = (filter: SentFilter = {}, cursor?: string) =>
  call(() =>
    api.GET('/api/v1/invitations/sent', {
      params: { query: { ...filter, q: filter.q || undefined, cursor, limit: PAGE } },
    }),
  );

export const countSent = (filter: SentCountFilter = {}) =>
  call(() =>
    api.GET('/api/v1/invitations/sent/count', {
      params: { query: { ...filter, q: filter.q || undefined } },
    }),
  );

const byId = (id: string) => ({ params: { path: { id } } });

export const acceptInvitation = (id: string) =>
  call(() => api.POST('/api/v1/invitations/{id}/accept', byId(id)));

export const ignoreInvitation = (id: string, reason?: 'dont_know') =>
  call(() =>
    api.POST('/api/v1/invitations/{id}/ignore', { ...byId(id), body: reason ? { reason } : {} }),
  );

export const withdrawInvitation = (id: string, keepalive = false) =>
  call(() => api.POST('/api/v1/invitations/{id}/withdraw', { ...byId(id), keepalive }));

export const setKept = (id: string, kept: boolean) =>
  call(() =>
    kept
      ? api.PUT('/api/v1/invitations/{id}/keep', byId(id))
      : api.DELETE('/api/v1/invitations/{id}/keep', byId(id)),
  );

export const bulkWithdraw = (input: BulkWithdrawInput, keepalive = false) =>
  call(() => api.POST('/api/v1/invitations/withdraw', { body: input, keepalive }));

export const withdrawnCsvUrl = '/api/v1/invitations/withdrawn.csv';

const byHandle = (handle: string) => ({ params: { path: { handle } } });

export const listConnections = (q?: string, cursor?: string) =>
  call(() =>
    api.GET('/api/v1/connections', {
      params: { query: { q: q || undefined, cursor, limit: PAGE } },
    }),
  );

export const listFollowers = (cursor?: string) =>
  call(() => api.GET('/api/v1/followers', { params: { query: { cursor, limit: PAGE } } }));

export const listFollowing = (cursor?: string) =>
  call(() => api.GET('/api/v1/following', { params: { query: { cursor, limit: PAGE } } }));

export const removeConnection = (handle: string) =>
  call(() => api.DELETE('/api/v1/connections/{handle}', byHandle(handle)));

export const follow = (handle: string) =>
  call(() => api.PUT('/api/v1/follows/{handle}', byHandle(handle)));
export const unfollow = (handle: string) =>
  call(() => api.DELETE('/api/v1/follows/{handle}', byHandle(handle)));

export const listBlocks = (cursor?: string) =>
  call(() => api.GET('/api/v1/blocks', { params: { query: { cursor, limit: PAGE } } }));
export const block = (handle: string) =>
  call(() => api.PUT('/api/v1/blocks/{handle}', byHandle(handle)));
export const unblock = (handle: string) =>
  call(() => api.DELETE('/api/v1/blocks/{handle}', byHandle(handle)));

export const getSettings = () => call(() => api.GET('/api/v1/settings'));
export const updateSettings = (patch: SettingsPatch, keepalive = false) =>
  call(() => api.PATCH('/api/v1/settings', { body: patch, keepalive }));

export const listNotifications = (cursor?: string) =>
  call(() => api.GET('/api/v1/notifications', { params: { query: { cursor, limit: 50 } } }));

/** Every page carries the unread count; the smallest one is asked for it alone. */
export const countUnreadNotifications = async () =>
  (await call(() => api.GET('/api/v1/notifications', { params: { query: { limit: 1 } } }))).unread;

export const markNotificationsRead = (ids?: string[]) =>
  call(() => api.POST('/api/v1/notifications/read', { body: ids ? { ids } : {} }));

/** R8: an address book as typed or pasted addresses. */
export const importContacts = (emails: string[]) =>
  call(() => api.POST('/api/v1/contacts/import', { body: { emails } }));

/** R8: an address book file, sent as it is; the server finds its email column. */
export const importContactsFile = (text: string) =>
  call(() =>
    api.POST('/api/v1/contacts/import', {
      body: text,
      bodySerializer: (body) => body,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );

export const clearContacts = () => call(() => api.DELETE('/api/v1/contacts'));

export const createPage = (input: CreatePageInput) =>
  call(() => api.POST('/api/v1/pages', { body: input }));
export const listPages = (cursor?: string) =>
  call(() => api.GET('/api/v1/pages', { params: { query: { cursor, limit: PAGE } } }));
export const getPage = (id: string) => call(() => api.GET('/api/v1/pages/{id}', byId(id)));

export const setFollowingPage = (id: string, following: boolean) =>
  call(() =>
    following
      ? api.PUT('/api/v1/pages/{id}/follow', byId(id))
      : api.DELETE('/api/v1/pages/{id}/follow', byId(id)),
  );

export const inviteToPage = (id: string, to: string[]) =>
  call(() => api.POST('/api/v1/pages/{id}/invitations', { ...byId(id), body: { to } }));

export const createEvent = (input: CreateEventInput) =>
  call(() => api.POST('/api/v1/events', { body: input }));
export const listEvents = (when: EventsSide, cursor?: string) =>
  call(() => api.GET('/api/v1/events', { params: { query: { when, cursor, limit: PAGE } } }));
export const getEvent = (id: string) => call(() => api.GET('/api/v1/events/{id}', byId(id)));
export const listEventAttendees = (id: string, cursor?: string) =>
  call(() =>
    api.GET('/api/v1/events/{id}/attendees', {
      params: { path: { id }, query: { cursor, limit: PAGE } },
    }),
  );

export const inviteToEvent = (id: string, to: string[]) =>
  call(() => api.POST('/api/v1/events/{id}/invitations', { ...byId(id), body: { to } }));

export const listInvitees = (target: InviteTarget, q: string, cursor?: string) => {
  const params = { path: { id: target.id }, query: { q: q || undefined, cursor, limit: PAGE } };
  return call(() =>
    target.kind === 'page'
      ? api.GET('/api/v1/pages/{id}/invitees', { params })
      : api.GET('/api/v1/events/{id}/invitees', { params }),
  );
};

export const getInsights = () => call(() => api.GET('/api/v1/insights'));
