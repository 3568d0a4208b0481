import { useWebhookDeliveries, type WebhookAttempt } from '../../../api/webhooks.js';
import { InfiniteList } from '../../../components/InfiniteList.js';
import { RelativeTime } from '../../../components/RelativeTime.js';
import { EmptyState, LoadError, Loading } from '../../../components/Status.js';

function outcome(attempt: WebhookAttempt): string {
  if (attempt.responseStatus !== null) {
    const ok = attempt.responseStatus >= 200 && attempt.responseStatus < 300;
    return `${ok ? 'Delivered' : 'Failed'}: answered ${attempt.responseStatus}`;
  }
  return `Failed: ${attempt.error ?? 'no answer'}`;
}

/** "invitation.sent", which a narrow column may break after its dot but never inside a word. */
function EventName({ type }: { type: string }) {
  const [subject, ...rest] = type.split('.');
  return (
    <code className="event-name">
      {subject}
      {rest.map((part) => (
        <span key={part}>
          .<wbr />
          {part}
        </span>
      ))}
    </code>
  );
}

/** Every attempt at the webhook's deliveries, newest first. */
export function DeliveryLog({ id, webhookId }: { id: string; webhookId: string }) {
  const log = useWebhookDeliveries(webhookId);
  return (
    <div id={id}>
      {log.query.isPending ? (
        <Loading label="Loading the delivery log…" />
      ) : log.query.isError ? (
        <LoadError error={log.query.error} onRetry={() => void log.query.refetch()} />
      ) : log.items.length === 0 ? (
        <EmptyState title="Nothing sent yet" />
      ) : (
        <InfiniteList list={log} noun={['attempt', 'attempts']}>
          <table className="delivery-log">
            <caption className="visually-hidden">Delivery attempts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((attempt) => (
                <tr key={attempt.id}>
                  <td>
                    <RelativeTime value={attempt.attemptedAt} />
                  </td>
                  <td>
                    <EventName type={attempt.type} />
                  </td>
                  <td>{outcome(attempt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </InfiniteList>
      )}
    </div>
  );
}
