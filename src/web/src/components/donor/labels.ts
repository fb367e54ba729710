import type { MessageKey } from '../../i18n/messages';

const typeKeys: Record<string, MessageKey> = {
  medical: 'donor.type.medical',
  education: 'donor.type.education',
  emergency: 'donor.type.emergency',
  long_term: 'donor.type.long_term',
};

const campaignStatusKeys: Record<string, MessageKey> = {
  draft: 'donor.campaignStatus.draft',
  active: 'donor.campaignStatus.active',
  completed: 'donor.campaignStatus.completed',
  expired: 'donor.campaignStatus.expired',
  cancelled: 'donor.campaignStatus.cancelled',
};

const donationStatusKeys: Record<string, MessageKey> = {
  completed: 'donor.donationStatus.completed',
  refunded: 'donor.donationStatus.refunded',
  pending: 'donor.donationStatus.pending',
  failed: 'donor.donationStatus.failed',
};

type T = (key: MessageKey) => string;

/** "Medical"; an unknown type is shown as the API spells it. */
export function typeLabel(t: T, type: string | null | undefined): string {
  if (!type) return '';
  const key = typeKeys[type.toLowerCase()];
  return key ? t(key) : type;
}

export function campaignStatusLabel(t: T, status: string | null | undefined): string {
  if (!status) return '';
  const key = campaignStatusKeys[status.toLowerCase()];
  return key ? t(key) : status;
}

export function donationStatusLabel(t: T, status: string | null | undefined): string {
  if (!status) return '';
  const key = donationStatusKeys[status.toLowerCase()];
  return key ? t(key) : status;
}

/** A CSS class safe to put on a badge: the status in lower case, letters and underscores only. */
export function badgeClass(status: string | null | undefined): string {
  return `badge ${(status ?? '').toLowerCase().replace(/[^a-z_]/g, '')}`.trim();
}
