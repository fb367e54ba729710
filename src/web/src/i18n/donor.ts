// Donor pages' text. Bangla names every key English does.

export const en = {
  'donor.title': 'Donor',
} as const;

export const bn: Record<keyof typeof en, string> = {
  'donor.title': 'দাতা',
};
