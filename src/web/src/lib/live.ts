// A campaign's money as it moves: the read side pushes its totals over Server-Sent Events (`event: totals`, the
// bare totals object, `version` rising with every change). When the stream cannot be had (refused, rate limited,
// no EventSource), the totals route is polled instead and the stream is tried again later. Updates can arrive from
// both at once and out of order, so a totals object only ever replaces one with a lower version.

import { useEffect, useState } from 'react';
import { api } from './api';

/** GET /api/query/campaigns/{id}/totals, the SSE `totals` data and the top list's items. */
export interface CampaignTotals {
  campaignId: string;
  title: string | null;
  campaignType: string | null;
  status: string | null;
  goalAmount: number | null;
  raisedAmount: number;
  currency: string;
  donorCount: number;
  donationCount: number;
  progressPercentage: number;
  lastDonationAt: string | null;
  organizerId: string | null;
  startDate: string | null;
  endDate: string | null;
  goalReachedAt: string | null;
  version: number;
  updatedAt: string;
}

export type LiveMode = 'connecting' | 'live' | 'polling';

export interface LiveTotals {
  totals: CampaignTotals | null;
  /** live = the stream delivers; polling = the fallback refetches every few seconds; connecting = neither yet. */
  mode: LiveMode;
  /** The last fallback refetch failed (the stream may still come back). */
  error: unknown;
}

/** How often the fallback asks for the totals. */
export const POLL_INTERVAL_MS = 5_000;
/** After the stream failed for good, how long before it is tried again (doubling, up to the maximum). */
export const REOPEN_BASE_MS = 5_000;
export const REOPEN_MAX_MS = 60_000;

/**
 * The totals to keep when another arrives: the one with the higher version. An older or equal version never
 * replaces what is shown (equal = the same state again, e.g. the snapshot a reconnected stream starts with).
 */
export function newerTotals(current: CampaignTotals | null, incoming: CampaignTotals | null | undefined): CampaignTotals | null {
  if (!incoming || typeof incoming.version !== 'number' || !Number.isFinite(incoming.version)) return current;
  if (current && incoming.campaignId && current.campaignId && incoming.campaignId !== current.campaignId) return current;
  if (current && incoming.version <= current.version) return current;
  return incoming;
}

/** The SSE `data` line as totals, or null when it is not a totals object. */
export function parseTotalsEvent(data: unknown): CampaignTotals | null {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as Partial<CampaignTotals> | null;
    if (!value || typeof value !== 'object' || typeof value.version !== 'number' || typeof value.raisedAmount !== 'number') return null;
    return value as CampaignTotals;
  } catch {
    return null;
  }
}

/** Back-off before the n-th (0-based) new try of a stream that failed for good. */
export function reopenDelay(failures: number): number {
  return Math.min(REOPEN_MAX_MS, REOPEN_BASE_MS * 2 ** Math.max(0, failures));
}

export function totalsPath(campaignId: string): string {
  return `/api/query/campaigns/${encodeURIComponent(campaignId)}/totals`;
}

export function livePath(campaignId: string): string {
  return `/api/query/campaigns/${encodeURIComponent(campaignId)}/live`;
}

interface State extends LiveTotals {
  campaignId: string | undefined;
}

const idle = (campaignId: string | undefined): State => ({ campaignId, totals: null, mode: 'connecting', error: null });

/**
 * The live totals of one campaign. Pass undefined (or enabled=false) to stay quiet, e.g. for a draft. The stream
 * is closed when the component goes away or the campaign changes.
 */
export function useLiveTotals(campaignId: string | undefined, enabled = true): LiveTotals {
  const [state, setState] = useState<State>(() => idle(campaignId));

  useEffect(() => {
    if (!campaignId || !enabled) return;
    let stopped = false;
    let source: EventSource | null = null;
    let pollTimer: number | undefined;
    let reopenTimer: number | undefined;
    let failures = 0;

    const update = (patch: (s: State) => State) => {
      if (!stopped) setState((s) => patch(s.campaignId === campaignId ? s : idle(campaignId)));
    };
    const apply = (incoming: CampaignTotals | null) =>
      update((s) => {
        const totals = newerTotals(s.totals, incoming);
        return totals === s.totals && s.error === null ? s : { ...s, totals, error: null };
      });

    const poll = async () => {
      try {
        apply(await api.get<CampaignTotals>(totalsPath(campaignId), { anonymous: true }));
      } catch (error) {
        update((s) => ({ ...s, error }));
      }
    };
    const startPolling = () => {
      if (pollTimer !== undefined || stopped) return;
      update((s) => (s.mode === 'polling' ? s : { ...s, mode: 'polling' }));
      void poll();
      pollTimer = window.setInterval(() => void poll(), POLL_INTERVAL_MS);
    };
    const stopPolling = () => {
      if (pollTimer !== undefined) window.clearInterval(pollTimer);
      pollTimer = undefined;
    };

    const open = () => {
      reopenTimer = undefined;
      if (stopped) return;
      if (typeof EventSource === 'undefined') {
        startPolling();
        return;
      }
      const stream = new EventSource(livePath(campaignId));
      source = stream;
      stream.addEventListener('totals', (event) => {
        failures = 0;
        stopPolling();
        apply(parseTotalsEvent((event as MessageEvent).data));
        update((s) => (s.mode === 'live' ? s : { ...s, mode: 'live' }));
      });
      stream.onerror = () => {
        if (stopped) return;
        // CONNECTING: the browser reconnects by itself (retry: 2000); keep the figures fresh meanwhile.
        // CLOSED: the stream was refused (404, 429, not an event stream); poll, and try the stream again later.
        startPolling();
        if (stream.readyState === EventSource.CLOSED) {
          stream.close();
          if (source === stream) source = null;
          reopenTimer = window.setTimeout(open, reopenDelay(failures++));
        }
      };
    };

    open();
    return () => {
      stopped = true;
      source?.close();
      stopPolling();
      if (reopenTimer !== undefined) window.clearTimeout(reopenTimer);
    };
  }, [campaignId, enabled]);

  if (state.campaignId !== campaignId || !enabled) return { totals: null, mode: 'connecting', error: null };
  return { totals: state.totals, mode: state.mode, error: state.error };
}
