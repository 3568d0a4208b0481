import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../../api/problem-messages.js';
import {
  createWebhook,
  type NewWebhook,
  WEBHOOK_EVENTS,
  type WebhookEvent,
  webhookKeys,
} from '../../../api/webhooks.js';
import { BusyButton } from '../../../components/BusyButton.js';
import { ErrorNote } from '../../../components/Status.js';
import { TextField } from '../../../components/TextField.js';
import { EVENT_LABELS } from './event-labels.js';

export function CreateWebhookForm({ onCreated }: { onCreated: (webhook: NewWebhook) => void }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<Set<WebhookEvent>>(new Set(WEBHOOK_EVENTS));
  const create = useMutation({
    mutationFn: createWebhook,
    onSuccess: (webhook) => {
      setUrl('');
      onCreated(webhook);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });

  function toggle(event: WebhookEvent, on: boolean) {
    const next = new Set(events);
    if (on) next.add(event);
    else next.delete(event);
    setEvents(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (url.trim() && events.size > 0) create.mutate({ url: url.trim(), events: [...events] });
  }

  return (
    <section className="card" aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title" className="card-title">
        Add a webhook
      </h2>
      <form className="form" onSubmit={submit}>
        <TextField
          id="webhook-url"
          label="URL"
          type="url"
          required
          placeholder="https://example.com/rapport"
          value={url}
          onChange={(event) => {
            setUrl(event.target.value);
            // A refusal of the address it had no longer stands once the address changes.
            create.reset();
          }}
          hint="An https address on the internet."
        />
        <fieldset className="choice-group">
          <legend>Send these events</legend>
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name} className="choice">
              <input
                type="checkbox"
                checked={events.has(name)}
                onChange={(event) => toggle(name, event.target.checked)}
              />
              <span>{EVENT_LABELS[name]}</span>
            </label>
          ))}
          {events.size === 0 && (
            <p className="hint" id="webhook-events-hint">
              Tick at least one event to add the webhook.
            </p>
          )}
        </fieldset>
        {create.isError && <ErrorNote>{describeError(create.error)}</ErrorNote>}
        <div>
          <BusyButton
            type="submit"
            className="button button-primary"
            disabled={events.size === 0}
            aria-describedby={events.size === 0 ? 'webhook-events-hint' : undefined}
            busy={create.isPending}
          >
            Add webhook
          </BusyButton>
        </div>
      </form>
    </section>
  );
}
