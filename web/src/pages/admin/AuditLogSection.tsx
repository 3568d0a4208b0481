import { memo } from 'react';
import { InfiniteList } from '../../components/InfiniteList.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useCursorList } from '../../components/use-cursor-list.js';
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

/** Memoised: loading the next page of a long log leaves the entries shown alone. */
const AuditRow = memo(function AuditRow({ entry }: { entry: AuditEntry }) {
  return (
    <li className="invitation-row">
      <div>
        <p>{describe(entry)}</p>
        {entry.reason && <p className="meta">Reason: {entry.reason}</p>}
        <p className="meta">
          <RelativeTime value={entry.at} />
        </p>
      </div>
    </li>
  );
});

export function AuditLogSection() {
  const audit = useCursorList({ queryKey: adminKeys.audit, fetchPage: listAudit });
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title" className="card-title">
        Audit log
      </h2>
      {audit.query.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : audit.query.isError ? (
        <LoadError error={audit.query.error} onRetry={() => void audit.query.refetch()} />
      ) : audit.items.length === 0 ? (
        <EmptyState title="No admin actions yet" />
      ) : (
        <InfiniteList list={audit} noun={['admin action', 'admin actions']}>
          <ol className="rows" aria-label="Admin actions, newest first">
            {audit.items.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </ol>
        </InfiniteList>
      )}
    </section>
  );
}
