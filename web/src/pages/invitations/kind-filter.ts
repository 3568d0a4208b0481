import type { InvitationKind } from '../../api/types.js';

/** What a list's kind chips narrow it to: every kind, or one. */
export type KindFilter = 'all' | InvitationKind;

export const KIND_FILTERS: KindFilter[] = ['all', 'connection', 'page', 'event'];

/** Whether a list narrowed to `filter` holds invitations of `kind`. */
export function holdsKind(filter: KindFilter, kind: InvitationKind): boolean {
  return filter === 'all' || filter === kind;
}
