import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { errorText } from './helpers';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** The confirm button's text: it names the action ("Confirm refund"). */
  confirmLabel: string;
  cancelLabel?: string;
  /** Called once per confirmation; while its promise runs, the confirm button is disabled. */
  onConfirm: () => void | Promise<unknown>;
  /** Cancel button, Escape. */
  onCancel: () => void;
  danger?: boolean;
  /** The last attempt's error (the API's envelope message is shown). */
  error?: unknown;
  /** Fields whose validation messages the children already show next to their input (not repeated in the alert). */
  inlineFields?: readonly string[];
  /** What is confirmed (names the thing acted on) and any fields (a reason). */
  children?: ReactNode;
}

/**
 * A modal confirmation on the native <dialog>: showModal traps focus and makes the page inert; focus moves into it
 * (the first field, else Cancel — never the destructive button) and back to what opened it; Escape cancels.
 * The body is a form, so `required` fields are checked before onConfirm runs.
 */
export function ConfirmDialog({ open, title, confirmLabel, cancelLabel = 'Cancel', onConfirm, onCancel, danger, error, inlineFields = [], children }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const openProp = useRef(open);
  const onCancelRef = useRef(onCancel);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    openProp.current = open;
    onCancelRef.current = onCancel;
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
      const first = element.querySelector<HTMLElement>('[data-autofocus], input:not([type=hidden]):not(:disabled), textarea:not(:disabled), select:not(:disabled)');
      (first ?? cancelButton.current)?.focus();
    } else if (!open && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
      const back = opener.current;
      opener.current = null;
      if (back?.isConnected) back.focus();
    }
  }, [open]);

  // Closing without us (a browser's own Escape handling) still counts as cancelling.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const closed = () => {
      if (openProp.current) onCancelRef.current();
    };
    const cancelled = (event: Event) => {
      event.preventDefault();
      if (!running.current) onCancelRef.current();
    };
    element.addEventListener('close', closed);
    element.addEventListener('cancel', cancelled);
    return () => {
      element.removeEventListener('close', closed);
      element.removeEventListener('cancel', cancelled);
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (running.current) return;
    running.current = true;
    setPending(true);
    try {
      await onConfirm();
    } catch {
      // The caller shows its own error through `error`.
    } finally {
      running.current = false;
      setPending(false);
    }
  }

  const problem = error ? errorText(error) : null;
  const fieldMessages = problem ? Object.entries(problem.fields).flatMap(([field, messages]) => (inlineFields.includes(field) ? [] : messages)) : [];

  return (
    <dialog ref={dialog} className="a-confirm-dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
      {open && (
        <form onSubmit={(e) => void submit(e)}>
          <h2 id={titleId}>{title}</h2>
          <div id={bodyId} className="a-dialog-body">
            {children}
          </div>
          {problem && (
            <div className="alert error" role="alert">
              <p>
                {problem.message}
                {problem.code && <span className="muted"> ({problem.code})</span>}
              </p>
              {fieldMessages.length > 0 && (
                <ul>
                  {fieldMessages.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <p role="status" className="a-dialog-progress muted">
            {pending ? 'Working…' : ''}
          </p>
          <div className="a-dialog-actions">
            <button ref={cancelButton} type="button" className="button secondary" onClick={() => onCancel()}>
              {cancelLabel}
            </button>
            <button type="submit" className={danger ? 'button danger' : 'button'} disabled={pending} aria-disabled={pending}>
              {confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
