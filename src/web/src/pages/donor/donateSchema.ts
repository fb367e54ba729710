// The donate form's rules, the same as the pledges API's (POST /api/pledges): 10.00 to 500000.00 taka with at most
// two decimals, a message of at most 500 characters, a name of at most 255, and an email address for guests only.
// Messages are i18n keys; the page translates them (with the limits as {min}, {max}, {limit}).

import { z } from 'zod';
import { parseAmount } from '../../lib/format';
import type { DonationForm } from '../../lib/donate';
import type { MessageKey } from '../../i18n/messages';

export const MIN_AMOUNT = 10;
export const MAX_AMOUNT = 500_000;
export const MESSAGE_MAX = 500;
export const NAME_MAX = 255;
export const EMAIL_MAX = 254;
export const PRESET_AMOUNTS: readonly number[] = [500, 1000, 2000, 5000];

export interface DonateValues {
  amount: string;
  message: string;
  isAnonymous: boolean;
  donorEmail: string;
  donorName: string;
}

export const emptyDonateValues: DonateValues = { amount: '', message: '', isAnonymous: false, donorEmail: '', donorName: '' };

/** Western digits, no grouping, no taka sign: what the person typed, ready to read. */
function normalise(input: string): string {
  return input
    .trim()
    .replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - 0x09e6))
    .replace(/[,\s৳]/g, '');
}

/** What is wrong with a typed amount, as a message key; null when it is fine. */
export function amountProblem(input: string): MessageKey | null {
  if (input.trim() === '') return 'donor.donate.error.amountRequired';
  const value = parseAmount(input);
  if (value === null) {
    return /^\d+\.\d{3,}$/.test(normalise(input)) ? 'donor.donate.error.amountDecimals' : 'donor.donate.error.amountInvalid';
  }
  if (value < MIN_AMOUNT) return 'donor.donate.error.amountMin';
  if (value > MAX_AMOUNT) return 'donor.donate.error.amountMax';
  return null;
}

/** The amount as a number when it passes every rule, else null. */
export function validAmount(input: string): number | null {
  return amountProblem(input) === null ? parseAmount(input) : null;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function isEmail(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length <= EMAIL_MAX && EMAIL.test(trimmed);
}

/** The schema for a guest (email required) or a signed-in donor (email ignored: it comes from the account). */
export function donateSchema({ guest }: { guest: boolean }) {
  return z.object({
    amount: z.string().superRefine((value, ctx) => {
      const problem = amountProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    message: z.string().refine((value) => value.trim().length <= MESSAGE_MAX, { message: 'donor.donate.error.messageTooLong' }),
    isAnonymous: z.boolean(),
    donorName: z.string().refine((value) => value.trim().length <= NAME_MAX, { message: 'donor.donate.error.nameTooLong' }),
    donorEmail: z.string().superRefine((value, ctx) => {
      if (!guest) return;
      if (value.trim() === '') ctx.addIssue({ code: 'custom', message: 'donor.donate.error.emailRequired' });
      else if (!isEmail(value)) ctx.addIssue({ code: 'custom', message: 'donor.donate.error.emailInvalid' });
    }),
  });
}

/** The form as the donation attempt wants it. Only call with values the schema accepted. */
export function toDonationForm(values: DonateValues, campaignId: string, currency: string, guest: boolean): DonationForm {
  const amount = validAmount(values.amount);
  if (amount === null) throw new Error('The amount is not valid.');
  const message = values.message.trim();
  const donorName = values.donorName.trim();
  return {
    campaignId,
    amount,
    currency,
    isAnonymous: values.isAnonymous,
    message: message || undefined,
    donorName: donorName || undefined,
    donorEmail: guest ? values.donorEmail.trim() : undefined,
  };
}

/** The form as kept in sessionStorage, so a reload or an ended session does not lose what was typed. */
export function draftKey(campaignId: string): string {
  return `careforall.donateDraft.${campaignId}`;
}

export function readDraft(raw: string | null): Partial<DonateValues> | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Record<string, unknown>;
    if (!value || typeof value !== 'object') return null;
    const draft: Partial<DonateValues> = {};
    for (const key of ['amount', 'message', 'donorEmail', 'donorName'] as const) {
      if (typeof value[key] === 'string') draft[key] = value[key];
    }
    if (typeof value.isAnonymous === 'boolean') draft.isAnonymous = value.isAnonymous;
    return draft;
  } catch {
    return null;
  }
}
