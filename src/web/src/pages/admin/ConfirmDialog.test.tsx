import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

// jsdom's <dialog> may lack showModal/close: a minimal stand-in that keeps `open` and fires `close`.
beforeAll(() => {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
  if (typeof proto.showModal !== 'function') {
    proto.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  }
  if (typeof proto.close !== 'function') {
    proto.close = function close(this: HTMLDialogElement) {
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  }
});

afterEach(() => cleanup());

function Harness({ onConfirm, onCancel }: { onConfirm: () => void | Promise<unknown>; onCancel?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Refund
      </button>
      <ConfirmDialog
        open={open}
        title="Refund this payment?"
        confirmLabel="Confirm refund"
        onConfirm={async () => {
          await onConfirm();
          setOpen(false);
        }}
        onCancel={() => {
          onCancel?.();
          setOpen(false);
        }}
      >
        <p>৳750.00 from Rina</p>
      </ConfirmDialog>
    </>
  );
}

describe('ConfirmDialog', () => {
  it('opens as a modal, moves focus in, confirms once and gives focus back', async () => {
    let finish: () => void = () => {};
    const onConfirm = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<Harness onConfirm={onConfirm} />);
    const opener = screen.getByRole('button', { name: 'Refund' });
    opener.focus();
    fireEvent.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'Refund this payment?' });
    expect(dialog).toHaveProperty('open', true);
    expect(dialog.textContent).toContain('৳750.00 from Rina');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));

    const confirm = screen.getByRole('button', { name: 'Confirm refund' });
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    // A double tap (or Enter again) while the first confirmation runs does not call back again.
    fireEvent.click(confirm);
    fireEvent.submit(confirm.closest('form')!);
    expect(onConfirm).toHaveBeenCalledTimes(1);

    await act(async () => finish());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('cancels without confirming, by the Cancel button or by Escape', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<Harness onConfirm={onConfirm} onCancel={onCancel} />);
    const opener = screen.getByRole('button', { name: 'Refund' });

    opener.focus();
    fireEvent.click(opener);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);

    fireEvent.click(opener);
    // Escape on a modal dialog fires its `cancel` event.
    act(() => {
      screen.getByRole('dialog').dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('shows the error envelope’s message and lets the same dialog try again', async () => {
    const { ApiError } = await import('../../lib/api');
    function Failing() {
      const [error, setError] = useState<unknown>(null);
      return (
        <ConfirmDialog
          open
          title="Release this held payment?"
          confirmLabel="Confirm release"
          error={error}
          onCancel={() => {}}
          onConfirm={() => setError(new ApiError(409, 'PAYMENT_NOT_HELD', 'This payment is not held.'))}
        />
      );
    }
    render(<Failing />);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm release' }));
    await act(async () => {});
    expect(screen.getByRole('alert').textContent).toContain('This payment is not held.');
    expect(screen.getByRole('alert').textContent).toContain('PAYMENT_NOT_HELD');
    expect((screen.getByRole('button', { name: 'Confirm release' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
