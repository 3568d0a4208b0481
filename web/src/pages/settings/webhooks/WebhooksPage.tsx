import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { type NewWebhook, useWebhooks } from '../../../api/webhooks.js';
import { InfiniteList } from '../../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../../components/Status.js';
import { CreateWebhookForm } from './CreateWebhookForm.js';
import { NewSecretNote } from './NewSecretNote.js';
import { WebhookItem } from './WebhookItem.js';

/** Settings → Webhooks (R35): add an endpoint, see its secret once, read its delivery log. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const [created, setCreated] = useState<NewWebhook | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The note leaves with its button: the keyboard moves on to the list the new webhook is in.
  function secretCopied() {
    heading.current?.focus();
    setCreated(null);
  }

  return (
    <div className="stack settings">
      <title>Webhooks | Rapport</title>
      <p className="meta">
        <Link to="/settings">Settings</Link> / Webhooks
      </p>
      <h1>Webhooks</h1>
      <p>
        Rapport can tell another tool — a CRM, a recruiting pipeline, a chat — when something
        happens to your invitations and connections, by sending a signed request to its URL.
      </p>
      {created && <NewSecretNote webhook={created} onDone={secretCopied} />}
      <CreateWebhookForm onCreated={setCreated} />
      <section className="card" aria-labelledby="webhooks-title">
        <h2 id="webhooks-title" className="card-title" ref={heading} tabIndex={-1}>
          Your webhooks
        </h2>
        {webhooks.query.isPending ? (
          <Loading label="Loading your webhooks…" />
        ) : webhooks.query.isError ? (
          <LoadError error={webhooks.query.error} onRetry={() => void webhooks.query.refetch()} />
        ) : webhooks.items.length === 0 ? (
          <EmptyState title="No webhooks yet">
            <p>Add one above to start receiving events.</p>
          </EmptyState>
        ) : (
          <InfiniteList list={webhooks} noun={['webhook', 'webhooks']}>
            <ul className="rows" aria-label="Webhooks">
              {webhooks.items.map((webhook) => (
                <WebhookItem key={webhook.id} webhook={webhook} />
              ))}
            </ul>
          </InfiniteList>
        )}
      </section>
    </div>
  );
}
