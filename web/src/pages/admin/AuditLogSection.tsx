import { useQuery } from '@tanstack/react-query';
import { RelativeTime } from '../../components/RelativeTime.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { type AdminAction, adminKeys, type AuditEntry, listAudit } from './admin.api.js';

const ACTIONS: Record<AdminAction, string> = {
  grant_admin: 'made admin',
  revoke_admin: 'removed as admin',
  suspend: 'suspended',
  unsuspend: 'unsuspended',
  lift_restriction: 'lifted the invitation restriction of',
  create_invite_code: 'created an invite code',
};

function describe(entry: AuditEntry): string {
  const who = entry.admin?.name ?? 'The command line';
  const whom = entry.member ? ` ${entry.member.name}` : '';
  return `${who} ${ACTIONS[entry.action]}${whom}`;
}

export function AuditLogSection() {
  const audit = useQuery({ queryKey: adminKeys.audit, queryFn: listAudit });
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title" className="card-title">
        Audit log
      </h2>
      {audit.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : audit.isError ? (
        <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title="No admin actions yet" />
      ) : (
        <ol className="rows" aria-label="Admin actions, newest first">
          {audit.data.items.map((entry) => (
            <li key={entry.id} className="invitation-row">
              <div>
                <p>{describe(entry)}</p>
                {entry.reason && <p className="meta">Reason: {entry.reason}</p>}
                <p className="meta">
                  <RelativeTime value={entry.at} />
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
