import { useQuery, type QueryClient } from '@tanstack/react-query';
import * as endpoints from './endpoints.js';
import type { InvitationKind } from './types.js';

export const keys = {
  instance: ['instance'] as const,
  me: ['me'] as const,
  quotas: ['quotas'] as const,
  received: (kind?: InvitationKind) => ['received', kind ?? 'all'] as const,
  receivedCount: ['received-count'] as const,
  sent: (kind?: InvitationKind, olderThanDays?: number) =>
    ['sent', kind ?? 'all', olderThanDays ?? null] as const,
  sentCount: ['sent-count'] as const,
  profile: (handle: string) => ['profile', handle] as const,
  suggestions: ['suggestions'] as const,
  search: (q: string) => ['search', q] as const,
  connections: (q: string) => ['connections', q] as const,
  blocks: ['blocks'] as const,
  settings: ['settings'] as const,
  notifications: ['notifications'] as const,
  pages: ['pages'] as const,
  page: (id: string) => ['pages', id] as const,
  events: ['events'] as const,
  event: (id: string) => ['events', id] as const,
  insights: ['insights'] as const,
};

/** Any change to the network can move several counts at once, so every active view refetches. */
export function refreshAfterChange(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries();
}

/** R31: the instance's rule numbers; they change only when the server restarts. */
export const useInstance = () =>
  useQuery({ queryKey: keys.instance, queryFn: endpoints.getInstance, staleTime: Infinity });

/** The rule numbers alone (limits, days), for the many places that show one of them. */
export const useRules = () => useInstance().data?.rules;

export const useMe = () => useQuery({ queryKey: keys.me, queryFn: endpoints.getMe });
export const useQuotas = () => useQuery({ queryKey: keys.quotas, queryFn: endpoints.getQuotas });

export const useReceived = (kind?: InvitationKind) =>
  useQuery({ queryKey: keys.received(kind), queryFn: () => endpoints.listReceived(kind) });

export const useReceivedCount = () =>
  useQuery({ queryKey: keys.receivedCount, queryFn: endpoints.countReceived });

export const useSent = (kind?: InvitationKind) =>
  useQuery({ queryKey: keys.sent(kind), queryFn: () => endpoints.listSent(kind) });

export const useSentCount = () =>
  useQuery({ queryKey: keys.sentCount, queryFn: endpoints.countSent });

export const useProfile = (handle: string) =>
  useQuery({ queryKey: keys.profile(handle), queryFn: () => endpoints.getProfile(handle) });

export const useSuggestions = () =>
  useQuery({ queryKey: keys.suggestions, queryFn: endpoints.getSuggestions });

export const useSearch = (q: string) =>
  useQuery({
    queryKey: keys.search(q),
    queryFn: () => endpoints.searchMembers(q),
    enabled: q.trim().length > 0,
  });

export const useConnections = (q: string) =>
  useQuery({ queryKey: keys.connections(q), queryFn: () => endpoints.listConnections(q) });

export const useBlocks = () => useQuery({ queryKey: keys.blocks, queryFn: endpoints.listBlocks });

export const useSettings = () =>
  useQuery({ queryKey: keys.settings, queryFn: endpoints.getSettings });

export const useNotifications = () =>
  useQuery({
    queryKey: keys.notifications,
    queryFn: endpoints.listNotifications,
    refetchInterval: 60_000,
  });

export const usePages = () => useQuery({ queryKey: keys.pages, queryFn: endpoints.listPages });

export const usePage = (id: string) =>
  useQuery({ queryKey: keys.page(id), queryFn: () => endpoints.getPage(id) });

export const useEvents = () => useQuery({ queryKey: keys.events, queryFn: endpoints.listEvents });

export const useEvent = (id: string) =>
  useQuery({ queryKey: keys.event(id), queryFn: () => endpoints.getEvent(id) });

export const useInsights = () =>
  useQuery({ queryKey: keys.insights, queryFn: endpoints.getInsights });
