import { describe, expect, it } from 'vitest';
import { guestCredentials, parseGuestFragment, parseStoredCredentials, withoutFragment } from './guestLink';

describe('parseGuestFragment', () => {
  it('reads the email and token of the emailed link', () => {
    expect(parseGuestFragment('#email=rina%40example.org&token=abc.def-123')).toEqual({ email: 'rina@example.org', token: 'abc.def-123' });
  });

  it('reads parameters in any order, with or without the #', () => {
    expect(parseGuestFragment('token=t0k&email=karim%2Btest%40example.org')).toEqual({ email: 'karim+test@example.org', token: 't0k' });
  });

  it('keeps a + in a token that was percent-encoded', () => {
    expect(parseGuestFragment('#email=a%40b.org&token=x%2By%2Fz%3D')).toEqual({ email: 'a@b.org', token: 'x+y/z=' });
  });

  it('refuses a link with a part missing or broken', () => {
    expect(parseGuestFragment('')).toBeNull();
    expect(parseGuestFragment(null)).toBeNull();
    expect(parseGuestFragment('#')).toBeNull();
    expect(parseGuestFragment('#email=a%40b.org')).toBeNull();
    expect(parseGuestFragment('#token=abc')).toBeNull();
    expect(parseGuestFragment('#email=&token=abc')).toBeNull();
    expect(parseGuestFragment('#email=not-an-email&token=abc')).toBeNull();
  });
});

describe('guestCredentials', () => {
  const stored = JSON.stringify({ email: 'old@example.org', token: 'old' });

  it('prefers the link in the address bar', () => {
    expect(guestCredentials('#email=new%40example.org&token=new', stored)).toEqual({ email: 'new@example.org', token: 'new' });
  });

  it('falls back to what this tab kept (a reload after the fragment was removed)', () => {
    expect(guestCredentials('', stored)).toEqual({ email: 'old@example.org', token: 'old' });
  });

  it('has nothing without either', () => {
    expect(guestCredentials('', null)).toBeNull();
    expect(parseStoredCredentials('{broken')).toBeNull();
    expect(parseStoredCredentials(JSON.stringify({ email: 'a@b.org' }))).toBeNull();
  });
});

describe('withoutFragment', () => {
  it('keeps the path and query only', () => {
    expect(withoutFragment({ pathname: '/donations/guest', search: '?page=2' })).toBe('/donations/guest?page=2');
  });
});
