import {
  hashKey,
  queryOptions,
  useQuery,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useCursorList } from '../components/use-cursor-list.js';
import * as endpoints from './endpoints.js';
import type {
  EventsSide,
  InvitationKind,
  InviteTarget,
  ReceivedCountFilter,
  ReceivedFilter,
  SentCountFilter,
  SentFilter,
} from './types.js';

export const keys = {
  instance: ['instance'] as const,
  me: ['me'] as const,
  quotas: ['quotas'] as const,
  received: (kind?: InvitationKind) => ['received', kind ?? 'all'] as const,
  receivedLists: ['received', 'list'] as const,
  receivedList: (filter: ReceivedFilter) => ['received', 'list', filter] as const,
  receivedCount: (filter: ReceivedCountFilter = {}) => ['received-count', filter] as const,
  sent: (filter: SentFilter) => ['sent', filter] as const,
  sentCount: (filter: SentCountFilter = {}) => ['sent-count', filter] as const,
  profile: (handle: string) => ['profile', handle] as const,
  invitation: (id: string) => ['invitation', id] as const,
  suggestions: ['suggestions'] as const,
  search: (q: string) => ['search', q] as const,
  connectionLists: ['connections'] as const,
  connections: (q: string) => ['connections', q] as const,
  followers: ['followers'] as const,
  following: ['following'] as const,
  blocks: ['blocks'] as const,
  settings: ['settings'] as const,
  notifications: ['notifications'] as const,
  notificationList: ['notifications', 'list'] as const,
  pages: ['pages'] as const,
  page: (id: string) => ['pages', id] as const,
  events: (when: EventsSide) => ['events', 'list', when] as const,
  event: (id: string) => ['events', id] as const,
  eventAttendees: (id: string) => ['events', id, 'attendees'] as const,
  invitees: (target: InviteTarget, q: string) => ['invitees', target, q] as const,
  insights: ['insights'] as const,
};

/**
 * Any change to the network can move several counts at once, so every active view refetches;
 * all but `except`, a view the change has made unanswerable.
 */
export function refreshAfterChange(queryClient: QueryClient, except?: QueryKey): Promise<void> {
  if (!except) return queryClient.invalidateQueries();
  const skipped = hashKey(except);
  return queryClient.invalidateQueries({ predicate: (query) => query.queryHash !== skipped });
}

/** R31: the instance's rule numbers; they change only when the server restarts. */
export const useInstance = () =>
  useQuery({ queryKey: keys.instance, queryFn: endpoints.getInstance, staleTime: Infinity });

/** The rule numbers alone (limits, days), for the many places that show one of them. */
export const useRules = () => useInstance().data?.rules;

/** Who is signed in: the signed-in frame shows nothing else until it knows. */
export const meQuery = queryOptions({ queryKey: keys.me, queryFn: endpoints.getMe });
export const useMe = () => useQuery(meQuery);
export const useQuotas = () => useQuery({ queryKey: keys.quotas, queryFn: endpoints.getQuotas });

/** The newest few, for My Network's preview. */
export const useReceived = (kind?: InvitationKind) =>
  useQuery({
    queryKey: keys.received(kind),
    queryFn: () => endpoints.listReceived({ kind }, undefined, 50),
  });

export const useReceivedList = (filter: ReceivedFilter) =>
  useCursorList({
    queryKey: keys.receivedList(filter),
    fetchPage: (cursor) => endpoints.listReceived(filter, cursor),
  });

export const useReceivedCount = (filter: ReceivedCountFilter = {}) =>
  useQuery({
    queryKey: keys.receivedCount(filter),
    queryFn: () => endpoints.countReceived(filter),
  });

export const useSentList = (filter: SentFilter, enabled = true) =>
  useCursorList({
    queryKey: keys.sent(filter),
    fetchPage: (cursor) => endpoints.listSent(filter, cursor),
    enabled,
  });

export const useSentCount = (filter: SentCountFilter = {}, enabled = true) =>
  useQuery({
    queryKey: keys.sentCount(filter),
    queryFn: () => endpoints.countSent(filter),
    enabled,
  });

export const useProfile = (handle: string) =>
  useQuery({ queryKey: keys.profile(handle), queryFn: () => endpoints.getProfile(handle) });

export const useInvitation = (id: string) =>
  useQuery({ queryKey: keys.invitation(id), queryFn: () => endpoints.getInvitation(id) });

export const useSuggestions = () =>
  useQuery({ queryKey: keys.suggestions, queryFn: endpoints.getSuggestions });

export const useSearch = (q: string) =>
  useCursorList({
    queryKey: keys.search(q),
    fetchPage: (cursor) => endpoints.searchMembers(q, cursor),
    enabled: q.trim().length > 0,
  });

export const useConnections = (q: string) =>
  useCursorList({
    queryKey: keys.connections(q),
    fetchPage: (cursor) => endpoints.listConnections(q, cursor),
  });

/** R21, R22: the member's connections as candidates for one page's or event's invitations. */
export const useInvitees = (target: InviteTarget, q: string) =>
  useCursorList({
    queryKey: keys.invitees(target, q),
    fetchPage: (cursor) => endpoints.listInvitees(target, q, cursor),
  });

export const useFollowers = (enabled = true) =>
  useCursorList({ queryKey: keys.followers, fetchPage: endpoints.listFollowers, enabled });

export const useFollowing = (enabled = true) =>
  useCursorList({ queryKey: keys.following, fetchPage: endpoints.listFollowing, enabled });

export const useBlocks = () =>
  useCursorList({ queryKey: keys.blocks, fetchPage: endpoints.listBlocks });

export const useSettings = () =>
  useQuery({ queryKey: keys.settings, queryFn: endpoints.getSettings });

/** How many notifications are unread, for the badge; asked again each minute. */
export const useUnreadNotifications = () =>
  useQuery({
    queryKey: keys.notifications,
    queryFn: endpoints.countUnreadNotifications,
    refetchInterval: 60_000,
  });

export const useNotificationList = () =>
  useCursorList({ queryKey: keys.notificationList, fetchPage: endpoints.listNotifications });

export const usePages = () =>
  useCursorList({ queryKey: keys.pages, fetchPage: endpoints.listPages });

export const usePage = (id: string) =>
  useQuery({ queryKey: keys.page(id), queryFn: () => endpoints.getPage(id) });

/** The member's events yet to start, soonest first, or those that have started, latest first. */
export const useEvents = (when: EventsSide) =>
  useCursorList({
    queryKey: keys.events(when),
    fetchPage: (cursor) => endpoints.listEvents(when, cursor),
  });

export const useEvent = (id: string) =>
  useQuery({ queryKey: keys.event(id), queryFn: () => endpoints.getEvent(id) });

export const useEventAttendees = (id: string) =>
  useCursorList({
    queryKey: keys.eventAttendees(id),
    fetchPage: (cursor) => endpoints.listEventAttendees(id, cursor),
  });

export const useInsights = () =>
  useQuery({ queryKey: keys.insights, queryFn: endpoints.getInsights });
