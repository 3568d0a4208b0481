import type { QueryClient } from '@tanstack/react-query';
import { changeCachedPages } from '../../components/use-cursor-list.js';
import { type AdminMember, adminKeys, listAdminMembers } from './admin.api.js';

/**
 * After an admin's action on one member: the member is read alone and their row shows it in every
 * loaded list of members at once, or leaves a list filtered by a status they no longer have.
 * Reading the lists again, which follows unawaited, reads every page loaded: all 20,000 members
 * of a list followed to its end. A member the search does not find first (a handle that is part
 * of many others) keeps the old row until then.
 */
export async function showMemberChange(queryClient: QueryClient, handle: string): Promise<void> {
  const { items } = await listAdminMembers(handle, '');
  const now = items.find((member) => member.handle === handle);
  if (!now) return;
  changeCachedPages<AdminMember>(queryClient, adminKeys.memberLists, (rows, list) => {
    // The list's status filter (adminKeys.members); '' lists everyone.
    const status = list[3];
    return rows.flatMap((row) => {
      if (row.handle !== handle) return [row];
      return status === '' || status === now.status ? [now] : [];
    });
  });
}
