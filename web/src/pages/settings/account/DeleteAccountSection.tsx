import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { deleteAccount } from '../../../api/account.js';
import { describeError } from '../../../api/problem-messages.js';
import { BusyButton } from '../../../components/BusyButton.js';
import { Dialog } from '../../../components/Dialog.js';
import { ErrorNote } from '../../../components/Status.js';
import { TextField } from '../../../components/TextField.js';

/** R29: leaving, after the password and the handle typed out, so it is never one slip. */
export function DeleteAccountSection({ handle }: { handle: string }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [typed, setTyped] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const remove = useMutation({
    mutationFn: () => deleteAccount(password),
    onSuccess: () => {
      queryClient.clear();
      void navigate('/signin?deleted=1');
    },
  });
  const confirmed = typed.trim().toLowerCase() === handle && password.length > 0;

  function close() {
    setOpen(false);
    setPassword('');
    setTyped('');
    remove.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirmed) remove.mutate();
  }

  return (
    <section className="card" aria-labelledby="delete-title">
      <h2 id="delete-title" className="card-title">
        Delete your account
      </h2>
      <p>
        Your profile, connections, follows, invitations, messages to you and everything else goes at
        once, and cannot be brought back. Download your data first if you want to keep it.
      </p>
      <div>
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          Delete account
        </button>
      </div>
      <Dialog
        open={open}
        title="Delete your account?"
        onClose={close}
        actions={
          <>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <BusyButton
              type="submit"
              form="delete-account-form"
              className="button button-danger"
              disabled={!confirmed}
              busy={remove.isPending}
            >
              {remove.isPending ? 'Deleting…' : 'Delete my account'}
            </BusyButton>
          </>
        }
      >
        <form id="delete-account-form" className="form" onSubmit={submit}>
          <p>
            Everything of yours leaves Rapport now. The invitations you sent are withdrawn, and no
            one is told. Your handle can be taken by someone else after 30 days.
          </p>
          <TextField
            id="delete-handle"
            label={`Type your handle, ${handle}, to confirm`}
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <TextField
            id="delete-password"
            label="Your password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {remove.isError && <ErrorNote>{describeError(remove.error)}</ErrorNote>}
        </form>
      </Dialog>
    </section>
  );
}
