import { useMe } from '../../api/queries.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { AuditLogSection } from './AuditLogSection.js';
import { AdminMembersSection } from './AdminMembersSection.js';

/**
 * R32: moderation for admins — members with their status and spam signals, and the audit log.
 * A member who is not an admin is told so once, rather than by each section's refused request.
 */
export function AdminPage() {
  const me = useMe();
  return (
    <div className="stack settings">
      <title>Admin | Rapport</title>
      <h1>Admin</h1>
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      ) : me.data.role === 'admin' ? (
        <>
          <AdminMembersSection />
          <AuditLogSection />
        </>
      ) : (
        <EmptyState title="This page is for admins">
          <p>An admin of this Rapport can give you the admin role.</p>
        </EmptyState>
      )}
    </div>
  );
}
