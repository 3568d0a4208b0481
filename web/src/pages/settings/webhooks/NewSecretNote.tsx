import type { NewWebhook } from '../../../api/webhooks.js';

/** Shown once, the secret takes the keyboard, selected, ready to copy (a ref that stays the same). */
function takeFocus(input: HTMLInputElement | null) {
  input?.focus();
}

/** The signing secret, shown once right after the webhook is made. */
export function NewSecretNote({ webhook, onDone }: { webhook: NewWebhook; onDone: () => void }) {
  return (
    <section className="card" aria-labelledby="secret-title" role="status">
      <h2 id="secret-title" className="card-title">
        Copy your signing secret now
      </h2>
      <p>
        Your receiver at <strong>{webhook.url}</strong> uses this secret to check that a request
        really comes from Rapport. It won&apos;t be shown again; if you lose it, delete the webhook
        and add it again.
      </p>
      <div className="field">
        <label htmlFor="webhook-secret">Signing secret</label>
        <input
          id="webhook-secret"
          ref={takeFocus}
          readOnly
          value={webhook.secret}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <div>
        <button type="button" className="button" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}
