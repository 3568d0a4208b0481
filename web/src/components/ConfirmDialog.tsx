import type { ReactNode } from 'react';
import { BusyButton } from './BusyButton.js';
import { Dialog } from './Dialog.js';
import { ErrorNote } from './Status.js';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
  danger?: boolean;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, onConfirm, onCancel, busy, error, danger } = props;
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <BusyButton
            className={danger ? 'button button-danger' : 'button button-primary'}
            onClick={onConfirm}
            busy={busy ?? false}
          >
            {confirmLabel}
          </BusyButton>
        </>
      }
    >
      {children}
      {error && <ErrorNote>{error}</ErrorNote>}
    </Dialog>
  );
}
