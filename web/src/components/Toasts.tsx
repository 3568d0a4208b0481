import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';

export interface ToastInput {
  message: string;
  /** `keyShortcuts` names, for assistive technology, keys that do the same (aria-keyshortcuts). */
  action?: { label: string; onClick: () => void; keyShortcuts?: string };
  tone?: 'info' | 'error';
  /** Milliseconds; null keeps it until dismissed by code. */
  duration?: number | null;
  /** Called when the member closes the toast with its close button. */
  onClose?: () => void;
  /** Moves keyboard focus to the action at once, so Undo is one key away. */
  focusAction?: boolean;
  /** Where focus goes when the toast ends while focus is in it. */
  returnFocus?: () => void;
}

interface Toast extends ToastInput {
  id: number;
}

interface ToastApi {
  show: (toast: ToastInput) => number;
  /**
   * Ends a toast. `returnFocus: false` leaves the focus to the caller, which puts it somewhere
   * better than the toast's own `returnFocus` (an Undo on the row it brought back).
   */
  dismiss: (id: number, options?: { returnFocus?: boolean }) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts needs a ToastProvider');
  return api;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const region = useRef<HTMLDivElement>(null);
  const returns = useRef(new Map<number, () => void>());

  const dismiss = useCallback((id: number, options?: { returnFocus?: boolean }) => {
    const returnFocus = returns.current.get(id);
    returns.current.delete(id);
    // A toast that held focus must not leave it on the page's body when it goes.
    const returning = options?.returnFocus ?? true;
    if (returning && returnFocus && region.current?.contains(document.activeElement)) returnFocus();
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback((input: ToastInput) => {
    const id = nextId.current++;
    if (input.returnFocus) returns.current.set(id, input.returnFocus);
    setToasts((current) => [...current.slice(-3), { ...input, id }]);
    return id;
  }, []);

  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        className="toasts"
        role="region"
        aria-label="Notifications about your actions"
        ref={region}
      >
        <div aria-live="polite" aria-atomic="false">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} dismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  const { id } = toast;
  const duration = toast.duration === undefined ? 5000 : toast.duration;
  const onDismiss = () => dismiss(id);
  const action = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (toast.focusAction) action.current?.focus();
  }, [toast.focusAction]);

  useEffect(() => {
    if (duration === null) return;
    const timer = window.setTimeout(() => dismiss(id), duration);
    return () => window.clearTimeout(timer);
  }, [duration, id, dismiss]);

  return (
    <div className={toast.tone === 'error' ? 'toast toast-error' : 'toast'}>
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          ref={action}
          aria-keyshortcuts={toast.action.keyShortcuts}
          onClick={() => {
            toast.action?.onClick();
            onDismiss();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="toast-close"
        aria-label="Dismiss"
        onClick={() => {
          toast.onClose?.();
          onDismiss();
        }}
      >
        ×
      </button>
    </div>
  );
}
