// What the organiser typed and has not saved yet, kept in this tab's sessionStorage: a session that ends sends the
// person to sign-in and back, and the editor picks up where they were. Kept per user and per campaign ("new" for a
// campaign not created yet), with the Idempotency-Key of a create that may have reached the platform.

import { keyFor } from '../../lib/idempotency';
import type { CampaignFormValues } from './campaignForm';

export interface UnsentForm {
  values: CampaignFormValues;
  savedAt: number;
  /** The key of the last create attempt and the body it carried: the same body again reuses it (one draft). */
  createAttempt?: { key: string; body: string };
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Unsent text older than this is not offered again. */
export const UNSENT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function unsentKey(userId: string, campaignId: string | undefined): string {
  return `careforall.campaignForm.${userId}.${campaignId ?? 'new'}`;
}

export function loadUnsent(storage: Storage, key: string, now: number): UnsentForm | null {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<UnsentForm>;
    if (!parsed || typeof parsed !== 'object' || !parsed.values || typeof parsed.savedAt !== 'number') return null;
    if (now - parsed.savedAt > UNSENT_LIFETIME_MS) return null;
    const v = parsed.values as Partial<CampaignFormValues>;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const values: CampaignFormValues = {
      title: text(v.title),
      description: text(v.description),
      campaignType: text(v.campaignType),
      goalAmount: text(v.goalAmount),
      startDate: text(v.startDate),
      endDate: text(v.endDate),
      beneficiaryName: text(v.beneficiaryName),
      beneficiaryDetails: text(v.beneficiaryDetails),
      imageUrl: text(v.imageUrl),
      documents: Array.isArray(v.documents) ? v.documents.map((d) => ({ name: text(d?.name), url: text(d?.url) })) : [],
    };
    const attempt = parsed.createAttempt;
    const createAttempt = attempt && typeof attempt.key === 'string' && typeof attempt.body === 'string' ? attempt : undefined;
    return { values, savedAt: parsed.savedAt, createAttempt };
  } catch {
    return null;
  }
}

export function saveUnsent(storage: Storage, key: string, form: UnsentForm): void {
  try {
    storage.setItem(key, JSON.stringify(form));
  } catch {
    // Storage full or refused (private mode): the form still works, it just will not survive a sign-in.
  }
}

export function clearUnsent(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

/** The Idempotency-Key for creating with `body`: the previous attempt's when the body is the same, else a new one. */
export const createKeyFor: (previous: UnsentForm['createAttempt'], body: string, newKey: () => string) => string = keyFor;

/** Whether the form holds anything different from where it started (nothing to keep otherwise). */
export function differs(a: CampaignFormValues, b: CampaignFormValues): boolean {
  const texts = ['title', 'description', 'campaignType', 'goalAmount', 'startDate', 'endDate', 'beneficiaryName', 'beneficiaryDetails', 'imageUrl'] as const;
  if (texts.some((field) => (a[field] ?? '') !== (b[field] ?? ''))) return true;
  const docs = (v: CampaignFormValues) => (v.documents ?? []).map((d) => [d.name, d.url]);
  return JSON.stringify(docs(a)) !== JSON.stringify(docs(b));
}
