import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** A message for the page's live region; it clears itself after a while so the same text can be announced again. */
export function useAnnouncer(clearAfterMs = 15_000): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const announce = useCallback(
    (next: string) => {
      if (timer.current) clearTimeout(timer.current);
      setMessage(next);
      timer.current = setTimeout(() => setMessage(''), clearAfterMs);
    },
    [clearAfterMs],
  );
  return [message, announce];
}

/** Puts focus on the target when it is nowhere (the focused control was removed from the page). */
export function rescueFocus(target: HTMLElement | null): void {
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected) target?.focus();
}

/**
 * After an action, the refreshed list may drop the very button that had focus (an approved campaign leaves the
 * queue, a refunded payment loses its Refund button). Arm this after the action: for a while, every time the
 * watched data changes and focus was lost with it, focus goes to the page's title instead of the document body.
 */
export function useFocusRescue(target: RefObject<HTMLElement | null>, watched: unknown): (forMs?: number) => void {
  const armedUntil = useRef(0);
  useEffect(() => {
    if (Date.now() < armedUntil.current) rescueFocus(target.current);
  }, [watched, target]);
  return (forMs = 10_000) => {
    armedUntil.current = Date.now() + forMs;
    rescueFocus(target.current);
  };
}
