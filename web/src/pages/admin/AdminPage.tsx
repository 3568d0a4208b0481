import { Navigate, useParams } from 'react-router';
import { useMe } from '../../api/queries.js';
import { RouteTabPanel, RouteTabs } from '../../components/RouteTabs.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { AuditLogSection } from './AuditLogSection.js';
import { AdminMembersSection } from './AdminMembersSection.js';

// Each list goes on to its end (R40), so each has a tab of its own: one under the other could
// be reached only once the first had loaded every row.
const TABS = [
  { key: 'members', label: 'Members', to: '/admin' },
  { key: 'audit', label: 'Audit log', to: '/admin/audit' },
] as const;

type AdminTab = (typeof TABS)[number]['key'];

/**
 * R32: moderation for admins — members with their status and spam signals, and the audit log.
 * A member who is not an admin is told so once, rather than by each section's refused request.
 */
export function AdminPage() {
  const me = useMe();
  const { section } = useParams();
  if (section !== undefined && section !== 'audit') return <Navigate to="/admin" replace />;
  const tab: AdminTab = section ?? 'members';
  return (
    <div className="stack settings">
      <title>{`Admin — ${tab === 'audit' ? 'Audit log' : 'Members'} | Rapport`}</title>
      <h1>Admin</h1>
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      ) : me.data.role === 'admin' ? (
        <>
          <RouteTabs label="Admin" tabs={TABS} current={tab} />
          <RouteTabPanel current={tab}>
            {tab === 'audit' ? <AuditLogSection /> : <AdminMembersSection />}
          </RouteTabPanel>
        </>
      ) : (
        <EmptyState title="This page is for admins">
          <p>An admin of this Rapport can give you the admin role.</p>
        </EmptyState>
      )}
    </div>
  );
}
