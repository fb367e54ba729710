// Account pages' text. Bangla names every key English does.

export const en = {
  'account.title': 'Account',
} as const;

export const bn: Record<keyof typeof en, string> = {
  'account.title': 'অ্যাকাউন্ট',
};
