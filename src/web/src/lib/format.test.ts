import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMoney, formatPercent, parseAmount } from './format';

describe('formatMoney', () => {
  it('writes taka with the sign and two decimals in English', () => {
    expect(formatMoney(1500, 'BDT', 'en')).toBe('৳1,500.00');
    expect(formatMoney('250000.5', 'BDT', 'en')).toBe('৳250,000.50');
  });

  it('writes Bangla digits with the subcontinent grouping in Bangla', () => {
    expect(formatMoney(1500, 'BDT', 'bn')).toBe('৳১,৫০০.০০');
    expect(formatMoney(150000, 'BDT', 'bn')).toBe('৳১,৫০,০০০.০০');
  });

  it('keeps another currency by its code, and drops decimals when asked', () => {
    expect(formatMoney(12, 'usd', 'en')).toBe('USD 12.00');
    expect(formatMoney(1500, 'BDT', 'en', { whole: true })).toBe('৳1,500');
  });

  it('answers nothing for what is not a number', () => {
    expect(formatMoney('abc')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows the time in Dhaka whatever the device zone', () => {
    // 18:30 UTC is half past midnight the next day in Dhaka (UTC+6).
    expect(formatDateTime('2026-11-25T18:30:00Z', 'en')).toBe('26 Nov 2026, 00:30');
  });

  it('uses Bangla digits in Bangla', () => {
    expect(formatDateTime('2026-11-25T18:30:00Z', 'bn')).toMatch(/২৬/);
  });

  it('answers nothing for a missing or broken date', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});

describe('parseAmount', () => {
  it('reads western and Bangla digits, commas and the taka sign', () => {
    expect(parseAmount('1,500')).toBe(1500);
    expect(parseAmount('১৫০০')).toBe(1500);
    expect(parseAmount('৳ 250.50')).toBe(250.5);
  });

  it('refuses what is not an amount of taka and paisa', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('12.345')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('1e5')).toBeNull();
  });
});

describe('formatPercent', () => {
  it('rounds and never shows a negative share', () => {
    expect(formatPercent(49.6)).toBe('50%');
    expect(formatPercent(-3)).toBe('0%');
    expect(formatPercent(120, 'bn')).toBe('১২০%');
  });
});
