import { describe, expect, it, vi } from 'vitest';
import { stripFragment, tokenFromFragment } from './verifyToken';

describe('tokenFromFragment', () => {
  it('reads the token of the mailed link', () => {
    expect(tokenFromFragment('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromFragment('token=abc')).toBe('abc');
    expect(tokenFromFragment('#other=1&token=a%2Bb')).toBe('a+b');
  });

  it('answers null when there is none', () => {
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#')).toBeNull();
    expect(tokenFromFragment('#token=')).toBeNull();
    expect(tokenFromFragment('#token=%20')).toBeNull();
  });
});

describe('stripFragment', () => {
  it('keeps the path and query and drops the fragment', () => {
    const history = { state: { idx: 3 }, replaceState: vi.fn() };
    stripFragment({ pathname: '/verify-email', search: '?x=1', hash: '#token=abc' }, history);
    expect(history.replaceState).toHaveBeenCalledWith({ idx: 3 }, '', '/verify-email?x=1');
  });

  it('does nothing without a fragment', () => {
    const history = { state: null, replaceState: vi.fn() };
    stripFragment({ pathname: '/verify-email', search: '', hash: '' }, history);
    expect(history.replaceState).not.toHaveBeenCalled();
  });
});
