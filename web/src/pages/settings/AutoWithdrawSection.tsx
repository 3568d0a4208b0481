import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { bulkWithdraw, updateSettings } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { useRules } from '../../api/queries.js';
import type { BulkWithdrawResult, Settings } from '../../api/types.js';
import { BusyButton } from '../../components/BusyButton.js';
import { ErrorNote } from '../../components/Status.js';
import { useUndoWindow } from '../../components/use-undo-window.js';
import { formatCount } from '../../lib/format.js';
import { plural } from '../../lib/member.js';
import { AutoWithdrawPreviewDialog } from './AutoWithdrawPreviewDialog.js';
import { useSaveSettings } from './use-save-settings.js';

const DEFAULT_DAYS = 30;

/** Turning it on, or lowering its days, may withdraw invitations at once; raising it never does. */
function mayWithdrawNow(saved: number | null, next: number | null): next is number {
  return next !== null && (saved === null || next < saved);
}

export function AutoWithdrawSection({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const hold = useUndoWindow();
  const saveButton = useRef<HTMLButtonElement>(null);
  const maxDays = useRules()?.expiryDays;
  const [enabled, setEnabled] = useState(settings.autoWithdrawAfterDays !== null);
  const [days, setDays] = useState(String(settings.autoWithdrawAfterDays ?? DEFAULT_DAYS));
  const [preview, setPreview] = useState<{ days: number; result: BulkWithdrawResult } | null>(null);
  const parsed = Number.parseInt(days, 10);
  const valid =
    !enabled ||
    (Number.isInteger(parsed) && parsed >= 1 && (maxDays === undefined || parsed <= maxDays));

  const check = useMutation({
    mutationFn: (olderThanDays: number) => bulkWithdraw({ olderThanDays, dryRun: true }),
    onSuccess: (result, olderThanDays) => {
      if (result.count > 0) setPreview({ days: olderThanDays, result });
      else save.mutate({ autoWithdrawAfterDays: olderThanDays });
    },
  });

  const busy = save.isPending || check.isPending;
  // A preview cancelled, or a change not yet sent, leaves the form unlike what is saved.
  const saved = settings.autoWithdrawAfterDays;
  const unsaved = enabled ? saved === null || String(saved) !== days : saved !== null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid || busy) return;
    const next = enabled ? parsed : null;
    if (mayWithdrawNow(settings.autoWithdrawAfterDays, next)) check.mutate(next);
    else save.mutate({ autoWithdrawAfterDays: next });
  }

  // As a withdrawal waits for its Undo toast to end, so does the setting that withdraws: nothing
  // is sent before.
  function confirm(confirmedDays: number, count: number) {
    setPreview(null);
    const patch = { autoWithdrawAfterDays: confirmedDays };
    hold({
      message: `${plural(count, 'invitation')} withdrawn; automatic clean-up after ${plural(confirmedDays, 'day')} is on.`,
      send: (leaving) => (leaving ? void updateSettings(patch, true) : save.mutate(patch)),
      returnFocus: () => saveButton.current?.focus(),
    });
  }

  const range = maxDays === undefined ? '' : `between 1 and ${formatCount(maxDays)}`;

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
              max={maxDays}
              value={days}
              aria-invalid={!valid}
              aria-describedby="auto-days-hint"
              onChange={(event) => setDays(event.target.value)}
            />
            <p id="auto-days-hint" className={valid ? 'hint' : 'hint counter-low'}>
              {valid ? `A number of days ${range}.` : `Enter a number of days ${range}.`}
            </p>
          </div>
        )}
        {check.isError && <ErrorNote>{describeError(check.error)}</ErrorNote>}
        <div className="form-actions">
          {/* Busy rather than disabled while the preview loads, so that the preview can give the
              focus back to it when it closes. */}
          <BusyButton
            ref={saveButton}
            type="submit"
            className="button button-primary"
            disabled={!valid}
            busy={busy}
            aria-describedby={unsaved ? 'auto-unsaved' : undefined}
          >
            Save clean-up setting
          </BusyButton>
          {unsaved && (
            <p id="auto-unsaved" className="hint">
              Not saved yet
            </p>
          )}
        </div>
      </form>
      {preview && (
        <AutoWithdrawPreviewDialog
          days={preview.days}
          preview={preview.result}
          busy={save.isPending}
          onConfirm={() => confirm(preview.days, preview.result.count)}
          onCancel={() => setPreview(null)}
        />
      )}
    </section>
  );
}
