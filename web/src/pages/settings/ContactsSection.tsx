import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { clearContacts, importContacts, importContactsFile } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import type { ContactsImport } from '../../api/types.js';
import { BusyButton } from '../../components/BusyButton.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { focusIfLost } from '../../components/focus-if-lost.js';
import { ErrorNote } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';
import { formatCount } from '../../lib/format.js';
import { plural } from '../../lib/member.js';

/** Pasted text as addresses: anything between commas, semicolons, spaces or line breaks. */
function pastedAddresses(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part.length > 0);
}

type Source = { file: File } | { pasted: string };

async function runImport(source: Source): Promise<ContactsImport> {
  if ('file' in source) return importContactsFile(await source.file.text());
  return importContacts(pastedAddresses(source.pasted));
}

function ImportSummary({ result }: { result: ContactsImport }) {
  return (
    <p role="status" className="import-summary" tabIndex={-1} ref={focusIfLost}>
      {result.total === 0
        ? 'No addresses were found in what you imported.'
        : `Imported ${plural(result.imported, 'address', 'addresses')} into your contacts.` +
          (result.skipped > 0
            ? ` ${formatCount(result.skipped)} skipped: not a valid address, or a repeat.`
            : '')}
    </p>
  );
}

/**
 * R8: the address book that lets people you know invite you under "only people who know my
 * email address", imported from a file or pasted.
 */
export function ContactsSection() {
  const toasts = useToasts();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [confirmingClear, setConfirmingClear] = useState(false);

  const upload = useMutation({
    mutationFn: runImport,
    onSuccess: () => {
      setPasted('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    },
  });
  const clear = useMutation({
    mutationFn: clearContacts,
    onSuccess: () => {
      upload.reset();
      setConfirmingClear(false);
      toasts.show({ message: 'Your imported contacts were deleted.' });
    },
    onError: (error) => toasts.show({ message: describeError(error), tone: 'error' }),
  });

  const source: Source | null = file ? { file } : pasted.trim() ? { pasted } : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (source) upload.mutate(source);
  }

  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title" className="card-title">
        Contacts
      </h2>
      <p className="muted">
        People whose email address is in your contacts can invite you even when you only accept
        invitations from people who know your address. Rapport uses them for nothing else.
      </p>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="contacts-file">Address book file (CSV with an email column)</label>
          <input
            id="contacts-file"
            ref={fileInput}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor="contacts-pasted">Or paste addresses</label>
          <textarea
            id="contacts-pasted"
            rows={3}
            value={pasted}
            aria-describedby="contacts-pasted-hint"
            placeholder="ada@example.com, bea@example.org"
            onChange={(event) => setPasted(event.target.value)}
          />
          <p id="contacts-pasted-hint" className="hint">
            Separate them with commas, spaces or new lines.
          </p>
        </div>
        {upload.isSuccess && <ImportSummary result={upload.data} />}
        {upload.isError && <ErrorNote>{describeError(upload.error)}</ErrorNote>}
        <div className="form-actions">
          <BusyButton
            type="submit"
            className="button button-primary"
            disabled={!source}
            busy={upload.isPending}
          >
            {upload.isPending ? 'Importing…' : 'Import contacts'}
          </BusyButton>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setConfirmingClear(true)}
          >
            Delete all imported contacts
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirmingClear}
        danger
        title="Delete all imported contacts"
        confirmLabel="Delete contacts"
        busy={clear.isPending}
        onConfirm={() => clear.mutate()}
        onCancel={() => setConfirmingClear(false)}
      >
        <p>
          People in your contacts will again need your email address to invite you, if you only
          accept invitations from people who know it.
        </p>
      </ConfirmDialog>
    </section>
  );
}
