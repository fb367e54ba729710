// The campaign editor's rules, the same as the campaigns service's validators (Create.Validator, Update.Validator,
// CampaignRules), with the messages the API uses, and the translation between the form (text boxes, dates as days in
// Dhaka) and the API's request bodies (numbers, ISO instants).

import { z } from 'zod';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../lib/api';
import { applyServerErrors } from '../../lib/forms';
import { DHAKA } from '../../lib/format';
import { CAMPAIGN_TYPES, type Campaign, type EditableField } from './campaigns';

export const TITLE_MIN = 3;
export const TITLE_MAX = 255;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 10_000;
export const BENEFICIARY_NAME_MAX = 255;
export const BENEFICIARY_DETAILS_MAX = 5_000;
export const URL_MAX = 2_048;
export const MAX_DOCUMENTS = 10;
export const DOCUMENT_NAME_MAX = 200;
/** numeric(15,2): 9,999,999,999,999.99 taka, in paisa. */
export const MAX_GOAL_PAISA = 999_999_999_999_999n;
/** CampaignRules.LongestRun: 5 × 365 days. */
export const LONGEST_RUN_MS = 5 * 365 * 24 * 60 * 60 * 1000;

export interface DocumentValues {
  name: string;
  url: string;
}

export interface CampaignFormValues {
  title: string;
  description: string;
  campaignType: string;
  /** As typed: "50000", "50,000.50", "৫০০০০". */
  goalAmount: string;
  /** A day in Dhaka, "YYYY-MM-DD", or "" (start now). */
  startDate: string;
  /** A day in Dhaka, "YYYY-MM-DD"; the campaign runs to the end of that day. */
  endDate: string;
  beneficiaryName: string;
  beneficiaryDetails: string;
  imageUrl: string;
  documents: DocumentValues[];
}

export const EMPTY_CAMPAIGN_FORM: CampaignFormValues = {
  title: '',
  description: '',
  campaignType: '',
  goalAmount: '',
  startDate: '',
  endDate: '',
  beneficiaryName: '',
  beneficiaryDetails: '',
  imageUrl: '',
  documents: [],
};

export const MESSAGES = {
  titleRequired: 'Title is required.',
  titleLength: `Title must be between ${TITLE_MIN} and ${TITLE_MAX} characters.`,
  descriptionRequired: 'Description is required.',
  descriptionLength: `Description must be between ${DESCRIPTION_MIN} and ${DESCRIPTION_MAX} characters.`,
  typeRequired: 'Campaign type is required.',
  typeUnknown: `Campaign type must be one of: ${CAMPAIGN_TYPES.join(', ')}.`,
  goalRequired: 'Goal amount is required.',
  goalNotNumber: 'Goal amount must be a number of taka, such as 50000 or 50,000.50.',
  goalDecimals: 'Goal amount can have at most 2 decimal places.',
  goalPositive: 'Goal amount must be greater than 0.',
  goalTooLarge: 'Goal amount must be at most 9999999999999.99.',
  startDateInvalid: 'Start date must be a date.',
  endDateRequired: 'End date is required.',
  endDateInvalid: 'End date must be a date.',
  endDateRange: 'End date must be in the future and at most 5 years ahead.',
  endDateAfterStart: 'End date must be after the start date.',
  beneficiaryNameLength: `Beneficiary name must be at most ${BENEFICIARY_NAME_MAX} characters.`,
  beneficiaryDetailsLength: `Beneficiary details must be at most ${BENEFICIARY_DETAILS_MAX} characters.`,
  imageUrl: `Image URL must be an absolute http(s) URL of at most ${URL_MAX} characters.`,
  tooManyDocuments: `Documents must list at most ${MAX_DOCUMENTS} documents.`,
  documentName: `Document name is required and must be at most ${DOCUMENT_NAME_MAX} characters.`,
  documentUrl: `Document URL must be an absolute http(s) URL of at most ${URL_MAX} characters.`,
  termsFixed: 'This cannot change once the campaign is active.',
} as const;

export type GoalAmount =
  | { ok: true; value: number; paisa: bigint }
  | { ok: false; message: string };

/** A goal typed by a person, in taka: Bangla digits, thousands separators and the ৳ sign are fine. */
export function parseGoalAmount(input: string): GoalAmount {
  const western = input
    .trim()
    .replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - 0x09e6))
    .replace(/[,\s৳]/g, '');
  if (western === '') return { ok: false, message: MESSAGES.goalRequired };
  const match = /^(\d+)(?:\.(\d+))?$/.exec(western);
  if (!match) return { ok: false, message: MESSAGES.goalNotNumber };
  const whole = match[1]!;
  // 1500.500 is 1500.50 to the API (decimal equality): trailing zeros are not decimal places.
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return { ok: false, message: MESSAGES.goalDecimals };
  const paisa = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (paisa <= 0n) return { ok: false, message: MESSAGES.goalPositive };
  if (paisa > MAX_GOAL_PAISA) return { ok: false, message: MESSAGES.goalTooLarge };
  return { ok: true, value: Number(paisa) / 100, paisa };
}

export function isHttpUrl(value: string): boolean {
  if (value.length > URL_MAX) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

// Bangladesh keeps +06:00 all year.
/** The first instant of a day in Dhaka. */
export function startOfDhakaDay(day: string): Date {
  return new Date(`${day}T00:00:00+06:00`);
}

/** The last whole second of a day in Dhaka: a campaign "ending on 30 June" takes gifts all that day. */
export function endOfDhakaDay(day: string): Date {
  return new Date(`${day}T23:59:59+06:00`);
}

/** The day in Dhaka of an instant, "YYYY-MM-DD". */
export function dhakaDay(instant: string | Date | null | undefined): string {
  if (!instant) return '';
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone: DHAKA, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

const trimmedLength = (min: number, max: number) => (value: string) => {
  const length = value.trim().length;
  return length >= min && length <= max;
};

/** The editor's schema; `now` is when the end date is checked against (the API checks it again on arrival). */
export function campaignFormSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      title: z
        .string()
        .refine((v) => v.trim() !== '', { error: MESSAGES.titleRequired, abort: true })
        .refine(trimmedLength(TITLE_MIN, TITLE_MAX), { error: MESSAGES.titleLength }),
      description: z
        .string()
        .refine((v) => v.trim() !== '', { error: MESSAGES.descriptionRequired, abort: true })
        .refine(trimmedLength(DESCRIPTION_MIN, DESCRIPTION_MAX), { error: MESSAGES.descriptionLength }),
      campaignType: z
        .string()
        .refine((v) => v !== '', { error: MESSAGES.typeRequired, abort: true })
        .refine((v) => (CAMPAIGN_TYPES as readonly string[]).includes(v), { error: MESSAGES.typeUnknown }),
      goalAmount: z.string().superRefine((value, ctx) => {
        const goal = parseGoalAmount(value);
        if (!goal.ok) ctx.addIssue({ code: 'custom', message: goal.message });
      }),
      startDate: z.string().refine((v) => v === '' || isDay(v), { error: MESSAGES.startDateInvalid }),
      endDate: z
        .string()
        .refine((v) => v !== '', { error: MESSAGES.endDateRequired, abort: true })
        .refine(isDay, { error: MESSAGES.endDateInvalid, abort: true })
        .refine(
          (v) => {
            const end = endOfDhakaDay(v).getTime();
            const at = now().getTime();
            return end > at && end <= at + LONGEST_RUN_MS;
          },
          { error: MESSAGES.endDateRange },
        ),
      beneficiaryName: z.string().refine((v) => v.trim().length <= BENEFICIARY_NAME_MAX, { error: MESSAGES.beneficiaryNameLength }),
      beneficiaryDetails: z.string().refine((v) => v.trim().length <= BENEFICIARY_DETAILS_MAX, { error: MESSAGES.beneficiaryDetailsLength }),
      imageUrl: z.string().refine((v) => v.trim() === '' || isHttpUrl(v.trim()), { error: MESSAGES.imageUrl }),
      documents: z
        .array(
          z.object({
            name: z.string().refine(trimmedLength(1, DOCUMENT_NAME_MAX), { error: MESSAGES.documentName }),
            url: z.string().refine((v) => isHttpUrl(v.trim()), { error: MESSAGES.documentUrl }),
          }),
        )
        .max(MAX_DOCUMENTS, { error: MESSAGES.tooManyDocuments }),
    })
    .superRefine((values, ctx) => {
      if (isDay(values.startDate) && isDay(values.endDate) && endOfDhakaDay(values.endDate) <= startOfDhakaDay(values.startDate)) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: MESSAGES.endDateAfterStart });
      }
    });
}

/** The form as it starts for an existing campaign. */
export function formValuesOf(campaign: Campaign): CampaignFormValues {
  return {
    title: campaign.title,
    description: campaign.description,
    campaignType: campaign.campaignType,
    goalAmount: String(campaign.goalAmount),
    startDate: dhakaDay(campaign.startDate),
    endDate: dhakaDay(campaign.endDate),
    beneficiaryName: campaign.beneficiaryName ?? '',
    beneficiaryDetails: campaign.beneficiaryDetails ?? '',
    imageUrl: campaign.imageUrl ?? '',
    documents: campaign.documents.map((d) => ({ name: d.name, url: d.url })),
  };
}

function trimmedDocuments(documents: DocumentValues[]): DocumentValues[] {
  return documents.map((d) => ({ name: d.name.trim(), url: d.url.trim() }));
}

function goalValue(input: string): number {
  const goal = parseGoalAmount(input);
  if (!goal.ok) throw new Error(goal.message);
  return goal.value;
}

/** POST /api/campaigns: blank optional fields left out (an empty image URL is not a URL to the API). */
export function toCreateRequest(values: CampaignFormValues) {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    campaignType: values.campaignType,
    goalAmount: goalValue(values.goalAmount),
    currency: 'BDT',
    startDate: values.startDate ? startOfDhakaDay(values.startDate).toISOString() : undefined,
    endDate: endOfDhakaDay(values.endDate).toISOString(),
    beneficiaryName: optional(values.beneficiaryName),
    beneficiaryDetails: optional(values.beneficiaryDetails),
    imageUrl: optional(values.imageUrl),
    documents: trimmedDocuments(values.documents),
  };
}

/**
 * PUT /api/campaigns/{id}: only the fields this status lets change and the person changed. Unchanged dates are not
 * sent back (a day in the form is coarser than the stored instant); "" clears an optional text; a cleared start
 * date keeps the stored one (the API cannot unset it).
 */
export function toUpdateRequest(values: CampaignFormValues, initial: CampaignFormValues, editable: readonly EditableField[]) {
  const body: Record<string, unknown> = {};
  const may = (field: EditableField) => editable.includes(field);
  const text = (field: 'title' | 'description' | 'beneficiaryName' | 'beneficiaryDetails' | 'imageUrl') => {
    if (may(field) && values[field].trim() !== initial[field].trim()) body[field] = values[field].trim();
  };
  text('title');
  text('description');
  if (may('campaignType') && values.campaignType !== initial.campaignType) body.campaignType = values.campaignType;
  if (may('goalAmount')) {
    const before = parseGoalAmount(initial.goalAmount);
    const after = parseGoalAmount(values.goalAmount);
    if (after.ok && (!before.ok || before.paisa !== after.paisa)) body.goalAmount = after.value;
  }
  if (may('startDate') && values.startDate !== '' && values.startDate !== initial.startDate) {
    body.startDate = startOfDhakaDay(values.startDate).toISOString();
  }
  if (may('endDate') && values.endDate !== '' && values.endDate !== initial.endDate) {
    body.endDate = endOfDhakaDay(values.endDate).toISOString();
  }
  text('beneficiaryName');
  text('beneficiaryDetails');
  text('imageUrl');
  if (may('documents')) {
    const documents = trimmedDocuments(values.documents);
    if (JSON.stringify(documents) !== JSON.stringify(trimmedDocuments(initial.documents))) body.documents = documents;
  }
  return body;
}

/** The form's field names the API may name in a 400 VALIDATION_ERROR, for `documentCount` document rows. */
export function campaignFieldNames(documentCount: number): string[] {
  const names = ['title', 'description', 'campaignType', 'goalAmount', 'startDate', 'endDate', 'beneficiaryName', 'beneficiaryDetails', 'imageUrl', 'documents'];
  for (let i = 0; i < documentCount; i++) names.push(`documents.${i}.name`, `documents.${i}.url`);
  return names;
}

/** "documents[2].url" (the API's key) → "documents.2.url" (react-hook-form's path). */
export function formPathOf(apiField: string): string {
  return apiField.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Puts the API's answer to a save next to the fields it names (validation messages, and the terms an active campaign
 * cannot change); answers what no field took, for the banner above the form.
 */
export function placeCampaignErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, documentCount: number): string | null {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.code === 'CAMPAIGN_TERMS_FIXED') {
    const fields = (error.details as { fields?: unknown } | null)?.fields;
    if (Array.isArray(fields)) {
      for (const field of fields) {
        if (typeof field === 'string') setError(field as Parameters<UseFormSetError<T>>[0], { type: 'server', message: MESSAGES.termsFixed });
      }
    }
    return error.message;
  }
  if (error.status === 400 && error.details && typeof error.details === 'object' && !Array.isArray(error.details)) {
    const details: Record<string, unknown> = {};
    for (const [field, messages] of Object.entries(error.details as Record<string, unknown>)) {
      const path = formPathOf(field.length > 0 ? field[0]!.toLowerCase() + field.slice(1) : field);
      const list = Array.isArray(messages) ? messages : [messages];
      details[path] = [...((details[path] as unknown[] | undefined) ?? []), ...list];
    }
    const remapped = new ApiError(error.status, error.code, error.message, details);
    return applyServerErrors(remapped, setError, campaignFieldNames(documentCount));
  }
  if (error.isNetworkError) return 'The connection failed. Your changes are kept here; try again.';
  return error.message;
}
