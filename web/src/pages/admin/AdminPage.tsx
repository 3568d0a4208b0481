import { AuditLogSection } from './AuditLogSection.js';
import { AdminMembersSection } from './AdminMembersSection.js';

/** R32: moderation for admins — members with their status and spam signals, and the audit log. */
export function AdminPage() {
  return (
    <div className="stack settings">
      <title>Admin | Rapport</title>
      <h1>Admin</h1>
      <AdminMembersSection />
      <AuditLogSection />
    </div>
  );
}
