import { useState, type ReactNode } from 'react';
import type { InviteTarget, RecipientResult } from '../../api/types.js';
import { InviteConnectionsDialog } from '../pages/InviteConnectionsDialog.js';
import type { QuotaRefusal } from '../pages/InviteResults.js';

interface InviteConnectionsCardProps {
  target: InviteTarget;
  /** What is left to send, on the card; the button reads it as its description. */
  summary: string;
  hint?: ReactNode;
  /** What is left to send, said again in the dialog before anything is picked. */
  allowance: string;
  /** How many invitations are left to send; at 0 the card offers none. */
  remaining: number;
  dialogTitle: string;
  invite: (handles: string[]) => Promise<RecipientResult[]>;
  quota: QuotaRefusal;
}

/** For a page's admins and an event's organisers: what they may send, and sending it. */
export function InviteConnectionsCard(props: InviteConnectionsCardProps) {
  const { target, summary, hint, allowance, remaining, dialogTitle, invite, quota } = props;
  const noun = target.kind;
  const [inviting, setInviting] = useState(false);
  const summaryId = `${noun}-allowance`;

  return (
    <section className="card" aria-labelledby={`${noun}-invite-title`}>
      <h2 id={`${noun}-invite-title`} className="card-title">
        Invite connections
      </h2>
      <p id={summaryId}>{summary}</p>
      {hint && <p className="hint">{hint}</p>}
      <div className="profile-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={remaining === 0}
          aria-describedby={summaryId}
          onClick={() => setInviting(true)}
        >
          Invite connections
        </button>
      </div>
      {inviting && (
        <InviteConnectionsDialog
          target={target}
          title={dialogTitle}
          allowance={allowance}
          remaining={remaining}
          invite={invite}
          quota={quota}
          onClose={() => setInviting(false)}
        />
      )}
    </section>
  );
}
