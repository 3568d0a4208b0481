import { describeCode } from '../../api/problem-messages.js';
import type { MemberSummary, RecipientResult } from '../../api/types.js';
import { firstName, plural } from '../../lib/member.js';

/** The refusal of a page's or event's allowance, said with its limit and when it renews. */
export interface QuotaRefusal {
  code: string;
  describe: (retryAt: string | undefined) => string;
}

interface InviteResultsProps {
  results: RecipientResult[];
  /** Who was ticked, by handle, so each result shows a name rather than a handle. */
  invited: ReadonlyMap<string, MemberSummary>;
  quota: QuotaRefusal;
}

function refusal(result: RecipientResult, member: MemberSummary | undefined, quota: QuotaRefusal) {
  const name = member ? firstName(member) : result.to;
  if (result.code === quota.code) return quota.describe(result.retryAt);
  if (result.code === 'member_not_found') return `${name} is not one of your connections.`;
  if (result.code === 'invitation_already_open')
    return `${name} already has an invitation waiting.`;
  return describeCode(result.code ?? '', result.retryAt, name);
}

/** One line per recipient, in plain words; a refusal of one never undid the others. */
export function InviteResults({ results, invited, quota }: InviteResultsProps) {
  const sent = results.filter((result) => result.status === 'sent').length;
  const refused = results.length - sent;

  return (
    <div className="stack">
      <p role="status" className="invite-summary">
        {sent > 0 ? `${plural(sent, 'invitation')} sent.` : 'No invitation was sent.'}
        {refused > 0 && ` ${plural(refused, 'person', 'people')} could not be invited.`}
      </p>
      <ul className="rows" aria-label="Invitation results">
        {results.map((result) => {
          const member = invited.get(result.to);
          return (
            <li key={result.to} className="invite-result">
              <span className="checklist-name">{member?.name ?? result.to}</span>
              {result.status === 'sent' ? (
                <span className="invite-outcome is-sent">Invitation sent</span>
              ) : (
                <span className="invite-outcome">{refusal(result, member, quota)}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
