import { useState, type FormEvent } from 'react';
import type { Settings } from '../../api/types.js';
import { useSaveSettings } from './use-save-settings.js';

const DEFAULT_DAYS = 30;

export function AutoWithdrawSection({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const [enabled, setEnabled] = useState(settings.autoWithdrawAfterDays !== null);
  const [days, setDays] = useState(String(settings.autoWithdrawAfterDays ?? DEFAULT_DAYS));
  const parsed = Number.parseInt(days, 10);
  const valid = !enabled || (Number.isInteger(parsed) && parsed >= 1 && parsed <= 180);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (valid) save.mutate({ autoWithdrawAfterDays: enabled ? parsed : null });
  }

  return (
    <section className="card" aria-labelledby="auto-title">
      <h2 id="auto-title" className="card-title">
        Automatic clean-up
      </h2>
      <form className="form" onSubmit={submit}>
        <label className="choice choice-block">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
          />
          <span>
            <span className="choice-label">Withdraw my invitations automatically</span>
            <span className="hint">
              Invitations you keep (pin) are never withdrawn. Off unless you turn it on.
            </span>
          </span>
        </label>
        {enabled && (
          <div className="field field-inline">
            <label htmlFor="auto-days">After this many days without an answer</label>
            <input
              id="auto-days"
              type="number"
              inputMode="numeric"
              min={1}
              max={180}
              value={days}
              aria-invalid={!valid}
              aria-describedby="auto-days-hint"
              onChange={(event) => setDays(event.target.value)}
            />
            <p id="auto-days-hint" className="hint">
              {valid ? 'Between 1 and 180 days.' : 'Enter a number of days between 1 and 180.'}
            </p>
          </div>
        )}
        <div>
          <button
            type="submit"
            className="button button-primary"
            disabled={!valid || save.isPending}
          >
            Save clean-up setting
          </button>
        </div>
      </form>
    </section>
  );
}
