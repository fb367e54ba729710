import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { translate } from '../../lib/i18n';
import type { MessageKey } from '../../i18n/messages';
import { en, bn } from '../../i18n/account';
import { errorText, fieldMessage } from './messages';

const t = (key: MessageKey) => translate('en', key);
const tBn = (key: MessageKey) => translate('bn', key);

describe('errorText', () => {
  it('words the codes the account pages expect, in the reader’s language', () => {
    expect(errorText(t, new ApiError(401, 'INVALID_CREDENTIALS', 'Email or password is incorrect.'))).toBe(en['signin.error.invalidCredentials']);
    expect(errorText(tBn, new ApiError(403, 'ACCOUNT_SUSPENDED', 'Suspended.'))).toBe(bn['signin.error.suspended']);
    expect(errorText(t, new ApiError(409, 'EMAIL_TAKEN', 'x'))).toBe(en['register.emailTaken']);
    expect(errorText(t, new ApiError(0, 'NETWORK_ERROR', 'x'))).toBe(en['account.error.network']);
    expect(errorText(t, new ApiError(503, 'SERVICE_UNAVAILABLE', 'x'))).toBe(en['account.error.unavailable']);
  });

  it('lets a page pick its own words for a rate limit', () => {
    const limited = new ApiError(429, 'RATE_LIMITED', 'Too many requests. Try again later.');
    expect(errorText(t, limited)).toBe(en['account.error.rateLimited']);
    expect(errorText(t, limited, { RATE_LIMITED: 'signin.error.rateLimited' })).toBe(en['signin.error.rateLimited']);
    expect(errorText(t, new ApiError(429, 'HTTP_429', ''), { RATE_LIMITED: 'signin.error.rateLimited' })).toBe(en['signin.error.rateLimited']);
  });

  it('shows the platform’s message for anything else', () => {
    expect(errorText(t, new ApiError(400, 'SOMETHING_NEW', 'A new rule.'))).toBe('A new rule.');
    expect(errorText(t, new Error('boom'))).toBe(translate('en', 'common.error'));
  });
});

describe('fieldMessage', () => {
  it('translates our keys and passes the platform’s text through', () => {
    expect(fieldMessage(tBn, 'validation.emailRequired')).toBe(bn['validation.emailRequired']);
    expect(fieldMessage(t, 'Email must be a valid email address.')).toBe('Email must be a valid email address.');
    expect(fieldMessage(t, undefined)).toBeUndefined();
  });
});

describe('account messages', () => {
  it('have Bangla for every English key, and no empty text', () => {
    expect(Object.keys(bn).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(bn)) expect(value.trim(), key).not.toBe('');
  });
});
