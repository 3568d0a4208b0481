import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../../api/problem-messages.js';
import { deleteWebhook, type Webhook, webhookKeys } from '../../../api/webhooks.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { RelativeTime } from '../../../components/RelativeTime.js';
import { useToasts } from '../../../components/Toasts.js';
import { DeliveryLog } from './DeliveryLog.js';

export function WebhookItem({ webhook }: { webhook: Webhook }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [confirming, setConfirming] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteWebhook(webhook.id),
    onSuccess: () => {
      toasts.show({ message: 'Webhook deleted.' });
      setConfirming(false);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
  const logId = `webhook-log-${webhook.id}`;

  return (
    <li className="stack">
      <div className="invitation-row">
        <div>
          <p>
            <strong>{webhook.url}</strong>
          </p>
          <p className="meta">
            {webhook.events.length} {webhook.events.length === 1 ? 'event' : 'events'} ·{' '}
            <RelativeTime value={webhook.createdAt} prefix="Added" />
          </p>
          {webhook.disabledAt && (
            <p className="hint counter-low">
              Turned off: deliveries failed for 3 days. Delete it and add it again once the receiver
              works.
            </p>
          )}
        </div>
        <div className="row-actions">
          <button
            type="button"
            className="button"
            aria-expanded={showLog}
            aria-controls={logId}
            onClick={() => setShowLog(!showLog)}
          >
            {showLog ? 'Hide delivery log' : 'Delivery log'}
          </button>
          <button
            type="button"
            className="button"
            aria-label={`Delete the webhook to ${webhook.url}`}
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            Delete
          </button>
        </div>
      </div>
      {showLog && <DeliveryLog id={logId} webhookId={webhook.id} />}
      {confirming && (
        <ConfirmDialog
          open
          danger
          title="Delete this webhook?"
          confirmLabel="Delete"
          onCancel={() => setConfirming(false)}
          onConfirm={() => remove.mutate()}
          busy={remove.isPending}
          error={remove.isError ? describeError(remove.error) : null}
        >
          <p>Rapport stops sending events to {webhook.url}, and its delivery log is deleted.</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
