import { Link } from 'react-router';
import { useMe, useSettings } from '../../api/queries.js';
import { LoadError, Loading } from '../../components/Status.js';
import { AccountStatusSection } from './AccountStatusSection.js';
import { EmailChangeSection } from './account/EmailChangeSection.js';
import { PasswordSection } from './account/PasswordSection.js';
import { DeleteAccountSection } from './account/DeleteAccountSection.js';
import { ExportSection } from './account/ExportSection.js';
import { SessionsSection } from './account/SessionsSection.js';
import { TokensSection } from './account/TokensSection.js';
import { AutoWithdrawSection } from './AutoWithdrawSection.js';
import { BlockedMembersSection } from './BlockedMembersSection.js';
import { ContactsSection } from './ContactsSection.js';
import { EmailSection } from './EmailSection.js';
import { InvitationPolicySection } from './InvitationPolicySection.js';

export function SettingsPage() {
  const settings = useSettings();
  const me = useMe();
  return (
    <div className="stack settings">
      <title>Settings | Rapport</title>
      <h1>Settings</h1>
      {settings.isPending ? (
        <Loading label="Loading your settings…" />
      ) : settings.isError ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <InvitationPolicySection settings={settings.data} />
          <ContactsSection />
          <EmailSection settings={settings.data} />
          <AutoWithdrawSection settings={settings.data} />
          <BlockedMembersSection />
          {me.data && <AccountStatusSection me={me.data} restriction={settings.data.restriction} />}
          <EmailChangeSection />
          <PasswordSection />
          <section className="card" aria-labelledby="integrations-title">
            <h2 id="integrations-title" className="card-title">
              Integrations
            </h2>
            <p>
              Send your invitation and connection events to another tool.{' '}
              <Link to="/settings/webhooks">Manage webhooks</Link>
            </p>
          </section>
          <SessionsSection />
          <TokensSection />
          <ExportSection />
          {me.data && <DeleteAccountSection handle={me.data.handle} />}
        </>
      )}
    </div>
  );
}
