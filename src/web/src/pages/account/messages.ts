// Turning what went wrong into words in the reader's language: our own checks carry i18n keys, the platform's field
// messages are English text shown as they are, and the error codes the account pages expect have their own words.

import { ApiError } from '../../lib/api';
import { en, type MessageKey } from '../../i18n/messages';
import type { Vars } from '../../lib/i18n';

type Translate = (key: MessageKey, vars?: Vars) => string;

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, value);
}

/** A field's message: translated when it is one of ours, as sent when it came from the platform. */
export function fieldMessage(t: Translate, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return isMessageKey(message) ? t(message) : message;
}

const byCode: Record<string, MessageKey> = {
  INVALID_CREDENTIALS: 'signin.error.invalidCredentials',
  ACCOUNT_SUSPENDED: 'signin.error.suspended',
  EMAIL_TAKEN: 'register.emailTaken',
  INVALID_VERIFICATION_TOKEN: 'verify.invalid',
  EMAIL_ALREADY_VERIFIED: 'resend.already',
  NETWORK_ERROR: 'account.error.network',
  RATE_LIMITED: 'account.error.rateLimited',
};

/** Words for an error of an account request; `overrides` picks other words for some codes (e.g. sign-in's 429). */
export function errorText(t: Translate, error: unknown, overrides: Partial<Record<string, MessageKey>> = {}): string {
  if (!(error instanceof ApiError)) return t('common.error');
  const known = overrides[error.code] ?? byCode[error.code];
  if (known) return t(known);
  if (error.isNetworkError) return t('account.error.network');
  if (error.status === 429) return t(overrides.RATE_LIMITED ?? 'account.error.rateLimited');
  if (error.status === 503 || error.status === 502 || error.status === 504) return t('account.error.unavailable');
  return error.message || t('common.error');
}
