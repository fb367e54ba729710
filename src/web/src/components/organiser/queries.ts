// Query keys of the organiser pages. Private ones (drafts, the own list) are marked so sign-out drops them.

export const organiserKeys = {
  mine: () => ['organiser', 'mine'] as const,
  minePage: (userId: string, status: string, page: number) => ['organiser', 'mine', userId, status, page] as const,
  campaign: (id: string) => ['organiser', 'campaign', id] as const,
  totals: (id: string) => ['organiser', 'totals', id] as const,
  donations: (id: string, page: number) => ['organiser', 'donations', id, page] as const,
};

export const privateMeta = { private: true } as const;
