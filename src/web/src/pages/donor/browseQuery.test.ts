import { describe, expect, it } from 'vitest';
import { apiQuery, changeFilters, PAGE_SIZE, readFilters, writeFilters } from './browseQuery';

describe('browse filters in the URL', () => {
  it('read back what they wrote', () => {
    const filters = readFilters(new URLSearchParams('q=flood+relief&type=emergency&status=active&sort=most_raised&page=3'));
    expect(filters).toEqual({ q: 'flood relief', type: 'emergency', status: 'active', sort: 'most_raised', page: 3 });
    expect(readFilters(writeFilters(filters))).toEqual(filters);
  });

  it('drop unknown values and defaults', () => {
    expect(readFilters(new URLSearchParams('type=space&status=draft&sort=random&page=-1'))).toEqual({ q: '', type: '', status: '', sort: '', page: 1 });
    expect(writeFilters({ q: '  ', type: '', status: '', sort: '', page: 1 }).toString()).toBe('');
  });

  it('start at page 1 when a filter changes', () => {
    const current = readFilters(new URLSearchParams('q=school&page=4'));
    expect(changeFilters(current, { type: 'education' })).toMatchObject({ q: 'school', type: 'education', page: 1 });
  });

  it('ask the API for one page with the filters', () => {
    expect(apiQuery(readFilters(new URLSearchParams('q= heart &status=completed&page=2')))).toEqual({
      q: 'heart',
      status: 'completed',
      page: 2,
      limit: PAGE_SIZE,
    });
  });
});
