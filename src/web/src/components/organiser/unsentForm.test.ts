import { describe, expect, it } from 'vitest';
import { EMPTY_CAMPAIGN_FORM } from './campaignForm';
import { clearUnsent, createKeyFor, differs, loadUnsent, saveUnsent, UNSENT_LIFETIME_MS, unsentKey } from './unsentForm';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('unsent campaign form', () => {
  const values = { ...EMPTY_CAMPAIGN_FORM, title: 'Flood relief', documents: [{ name: 'Map', url: 'https://x.example/m.pdf' }] };

  it('is kept per user and campaign', () => {
    expect(unsentKey('u1', undefined)).toBe('careforall.campaignForm.u1.new');
    expect(unsentKey('u1', 'c9')).toBe('careforall.campaignForm.u1.c9');
  });

  it('comes back as it was saved, until cleared', () => {
    const storage = new MemoryStorage();
    saveUnsent(storage, 'k', { values, savedAt: 1000, createAttempt: { key: 'key-1', body: '{}' } });
    expect(loadUnsent(storage, 'k', 2000)).toEqual({ values, savedAt: 1000, createAttempt: { key: 'key-1', body: '{}' } });
    clearUnsent(storage, 'k');
    expect(loadUnsent(storage, 'k', 2000)).toBeNull();
  });

  it('is forgotten when old, broken, or from another shape', () => {
    const storage = new MemoryStorage();
    saveUnsent(storage, 'k', { values, savedAt: 0 });
    expect(loadUnsent(storage, 'k', UNSENT_LIFETIME_MS + 1)).toBeNull();
    storage.setItem('k', '{not json');
    expect(loadUnsent(storage, 'k', 0)).toBeNull();
    storage.setItem('k', JSON.stringify({ values: { title: 7 }, savedAt: 0 }));
    expect(loadUnsent(storage, 'k', 0)?.values).toEqual(EMPTY_CAMPAIGN_FORM);
  });

  it('survives a storage that refuses', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveUnsent(refusing, 'k', { values, savedAt: 0 })).not.toThrow();
    expect(loadUnsent(refusing, 'k', 0)).toBeNull();
    expect(() => clearUnsent(refusing, 'k')).not.toThrow();
  });

  it('reuses the create key for the same body only', () => {
    let n = 0;
    const newKey = () => `new-${++n}`;
    expect(createKeyFor(undefined, '{"a":1}', newKey)).toBe('new-1');
    expect(createKeyFor({ key: 'old', body: '{"a":1}' }, '{"a":1}', newKey)).toBe('old');
    expect(createKeyFor({ key: 'old', body: '{"a":1}' }, '{"a":2}', newKey)).toBe('new-2');
  });

  it('tells whether anything was typed', () => {
    expect(differs(EMPTY_CAMPAIGN_FORM, { ...EMPTY_CAMPAIGN_FORM })).toBe(false);
    expect(differs(EMPTY_CAMPAIGN_FORM, values)).toBe(true);
    expect(differs(values, { ...values, documents: [{ name: 'Map', url: 'https://x.example/other.pdf' }] })).toBe(true);
  });
});
