// The shapes the admin routes answer (see /api/admin/... in src/Admin/Features and the owners they relay).

export type CampaignStatus = 'draft' | 'active' | 'completed' | 'cancelled' | 'expired';
export type CampaignType = 'medical' | 'education' | 'emergency' | 'long_term';

export interface Campaign {
  id: string;
  title: string;
  description: string;
  campaignType: CampaignType;
  goalAmount: number;
  currentAmount: number;
  currency: string;
  startDate: string;
  endDate: string | null;
  status: CampaignStatus;
  organizerId: string;
  beneficiaryName: string | null;
  beneficiaryDetails: string | null;
  imageUrl: string | null;
  goalReachedAt: string | null;
  closedAt: string | null;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AdminUser {
  id: string;
  email: string;
  role: 'USER' | 'ADMIN' | string;
  isActive: boolean;
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  suspendedAt: string | null;
  createdAt: string;
}

export type PaymentStatus = 'pending' | 'authorized' | 'captured' | 'completed' | 'failed' | 'refunded';

export interface Payment {
  id: string;
  pledgeId: string;
  campaignId: string;
  tranId: string;
  amount: number;
  currency: string;
  status: PaymentStatus | string;
  riskLevel: number | null;
  paymentMethod: string | null;
  createdAt: string;
  completedAt: string | null;
  refundedAt: string | null;
  held: boolean;
}

/** The pledge behind a payment: the only place the donor's name and address are. */
export interface Pledge {
  id: string;
  donorEmail: string | null;
  donorName: string | null;
  isAnonymous: boolean;
}

export interface AuditEntry {
  id: string;
  adminId: string;
  action: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown> | null;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: string;
  recordedAt: string;
  eventType: string;
  eventId: string;
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface SystemNotification {
  id: string;
  type: string;
  category: string;
  title: string;
  message: string;
  severity: Severity | string;
  metadata: Record<string, unknown> | null;
  isRead: boolean;
  readAt: string | null;
  readBy: string | null;
  createdAt: string;
}

export interface ServicePart<T> {
  service: string;
  available: boolean;
  problem: string | null;
  data: T | null;
}

export interface HourBucket {
  hour: string;
  donations: number;
  amount: number;
}

export interface PlatformStatistics {
  totalRaised: number;
  raisedToday: number;
  donationsToday: number;
  totalDonations: number;
  totalDonors: number;
  currency: string;
  campaignsByStatus: Partial<Record<CampaignStatus, number>>;
  donationsPerHour: HourBucket[];
}

export interface PaymentStatistics {
  byStatus: Partial<Record<PaymentStatus, number>>;
  held: number;
  refundsAwaitingAnswer: number;
  refundsProcessing: number;
}

export interface OutboxStatistics {
  service: string;
  outboxPending: number;
  oldestPendingAgeSeconds: number;
  failingMessages: number;
}

export interface DeadLetterPart {
  queue: string;
  deadLetterQueue: string;
  available: boolean;
  messages: number | null;
}

export interface DashboardStats {
  statistics: ServicePart<PlatformStatistics>;
  payments: ServicePart<PaymentStatistics>;
  outbox: ServicePart<OutboxStatistics>[];
  deadLetters: DeadLetterPart[];
  systemNotifications: { available: boolean; unread: number | null };
}

export interface RebuildResult {
  campaigns: number;
  pledges: number;
  ledgerRows: number;
  campaignTotals: number;
  totalRaised: number;
  currency: string;
  totalDonations: number;
  totalDonors: number;
  startedAt: string;
  finishedAt: string;
}
