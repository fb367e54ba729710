import { describe, expect, it } from 'vitest';
import {
  amountProblem,
  donateSchema,
  emptyDonateValues,
  MAX_AMOUNT,
  MESSAGE_MAX,
  MIN_AMOUNT,
  readDraft,
  toDonationForm,
  validAmount,
  type DonateValues,
} from './donateSchema';

const valid: DonateValues = { ...emptyDonateValues, amount: '1000', donorEmail: 'rina@example.org' };

function issues(values: Partial<DonateValues>, guest: boolean): Record<string, string> {
  const result = donateSchema({ guest }).safeParse({ ...valid, ...values });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe('amount', () => {
  it('accepts the bounds and amounts between them', () => {
    expect(amountProblem(String(MIN_AMOUNT))).toBeNull();
    expect(amountProblem(String(MAX_AMOUNT))).toBeNull();
    expect(amountProblem('500000.00')).toBeNull();
    expect(amountProblem('10.00')).toBeNull();
    expect(amountProblem('1,500')).toBeNull();
    expect(amountProblem('৳ 2,000')).toBeNull();
  });

  it('refuses below 10 and above 500000 taka', () => {
    expect(amountProblem('9.99')).toBe('donor.donate.error.amountMin');
    expect(amountProblem('0')).toBe('donor.donate.error.amountMin');
    expect(amountProblem('500000.01')).toBe('donor.donate.error.amountMax');
    expect(amountProblem('1000000')).toBe('donor.donate.error.amountMax');
  });

  it('allows two decimals and names the problem with more', () => {
    expect(validAmount('750.5')).toBe(750.5);
    expect(validAmount('750.25')).toBe(750.25);
    expect(amountProblem('750.255')).toBe('donor.donate.error.amountDecimals');
    expect(amountProblem('১০০.১২৩')).toBe('donor.donate.error.amountDecimals');
  });

  it('reads Bangla digits', () => {
    expect(validAmount('১০০০')).toBe(1000);
    expect(validAmount('১,৫০০.৫০')).toBe(1500.5);
    expect(amountProblem('৯')).toBe('donor.donate.error.amountMin');
  });

  it('says when it is missing or not a number', () => {
    expect(amountProblem('')).toBe('donor.donate.error.amountRequired');
    expect(amountProblem('   ')).toBe('donor.donate.error.amountRequired');
    expect(amountProblem('abc')).toBe('donor.donate.error.amountInvalid');
    expect(amountProblem('-50')).toBe('donor.donate.error.amountInvalid');
    expect(amountProblem('1e3')).toBe('donor.donate.error.amountInvalid');
    expect(validAmount('abc')).toBeNull();
  });
});

describe('donateSchema', () => {
  it('accepts a complete guest form', () => {
    expect(issues({}, true)).toEqual({});
  });

  it('requires a valid email from a guest', () => {
    expect(issues({ donorEmail: '' }, true)).toEqual({ donorEmail: 'donor.donate.error.emailRequired' });
    expect(issues({ donorEmail: '  ' }, true)).toEqual({ donorEmail: 'donor.donate.error.emailRequired' });
    expect(issues({ donorEmail: 'not-an-address' }, true)).toEqual({ donorEmail: 'donor.donate.error.emailInvalid' });
    expect(issues({ donorEmail: 'a@b' }, true)).toEqual({ donorEmail: 'donor.donate.error.emailInvalid' });
    expect(issues({ donorEmail: `${'x'.repeat(250)}@example.org` }, true)).toEqual({ donorEmail: 'donor.donate.error.emailInvalid' });
  });

  it('does not ask a signed-in donor for an email', () => {
    expect(issues({ donorEmail: '' }, false)).toEqual({});
    expect(issues({ donorEmail: 'whatever' }, false)).toEqual({});
  });

  it('limits the message to the API maximum', () => {
    expect(issues({ message: 'm'.repeat(MESSAGE_MAX) }, true)).toEqual({});
    expect(issues({ message: 'm'.repeat(MESSAGE_MAX + 1) }, true)).toEqual({ message: 'donor.donate.error.messageTooLong' });
    expect(issues({ message: 'ম'.repeat(MESSAGE_MAX + 1) }, false)).toEqual({ message: 'donor.donate.error.messageTooLong' });
  });

  it('limits the name', () => {
    expect(issues({ donorName: 'n'.repeat(256) }, true)).toEqual({ donorName: 'donor.donate.error.nameTooLong' });
  });

  it('reports the amount', () => {
    expect(issues({ amount: '5' }, true)).toEqual({ amount: 'donor.donate.error.amountMin' });
    expect(issues({ amount: '12.345' }, false)).toEqual({ amount: 'donor.donate.error.amountDecimals' });
  });
});

describe('toDonationForm', () => {
  it('builds a guest donation with trimmed text', () => {
    const form = toDonationForm(
      { amount: '১,০০০', message: '  Get well soon  ', isAnonymous: true, donorEmail: ' rina@example.org ', donorName: ' Rina ' },
      'c1',
      'BDT',
      true,
    );
    expect(form).toEqual({
      campaignId: 'c1',
      amount: 1000,
      currency: 'BDT',
      isAnonymous: true,
      message: 'Get well soon',
      donorName: 'Rina',
      donorEmail: 'rina@example.org',
    });
  });

  it('leaves the email out for a signed-in donor and blanks out', () => {
    const form = toDonationForm({ ...emptyDonateValues, amount: '500', donorEmail: 'typed@example.org' }, 'c1', 'BDT', false);
    expect(form.donorEmail).toBeUndefined();
    expect(form.message).toBeUndefined();
    expect(form.donorName).toBeUndefined();
  });
});

describe('readDraft', () => {
  it('restores what was typed and ignores the rest', () => {
    expect(readDraft(JSON.stringify({ amount: '700', message: 'hi', isAnonymous: true, donorEmail: 'a@b.org', extra: 1 }))).toEqual({
      amount: '700',
      message: 'hi',
      isAnonymous: true,
      donorEmail: 'a@b.org',
    });
    expect(readDraft('{broken')).toBeNull();
    expect(readDraft(null)).toBeNull();
  });
});
