import { describe, expect, it } from 'vitest';
import { returnToQuery, safeReturnTo } from './returnTo';

describe('safeReturnTo', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeReturnTo('/me/campaigns/new')).toBe('/me/campaigns/new');
    expect(safeReturnTo('/campaigns?type=medical&q=heart')).toBe('/campaigns?type=medical&q=heart');
    expect(safeReturnTo('/campaigns/1/donate#amount')).toBe('/campaigns/1/donate#amount');
    expect(safeReturnTo('/')).toBe('/');
  });

  it('falls back to the home page when there is nothing', () => {
    expect(safeReturnTo(null)).toBe('/');
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo('')).toBe('/');
  });

  it('refuses other sites, however they are spelled', () => {
    for (const raw of [
      'https://evil.example/',
      'http://evil.example',
      '//evil.example',
      '//evil.example/path',
      '///evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      'evil.example',
      'campaigns',
      ' /campaigns',
    ]) {
      expect(safeReturnTo(raw), raw).toBe('/');
    }
  });

  it('does not send the person back to sign-in or register', () => {
    expect(safeReturnTo('/signin')).toBe('/');
    expect(safeReturnTo('/signin?returnTo=/profile')).toBe('/');
    expect(safeReturnTo('/register/')).toBe('/');
    expect(safeReturnTo('/signing-up-guide')).toBe('/signing-up-guide');
  });

  it('uses the fallback given', () => {
    expect(safeReturnTo('//evil.example', '/profile')).toBe('/profile');
  });

  it('normalises dot segments so they cannot climb out of the site', () => {
    expect(safeReturnTo('/a/../../b')).toBe('/b');
  });
});

describe('returnToQuery', () => {
  it('carries a path on, and nothing for the home page', () => {
    expect(returnToQuery('/me/campaigns/new')).toBe('?returnTo=%2Fme%2Fcampaigns%2Fnew');
    expect(returnToQuery('/')).toBe('');
  });
});
