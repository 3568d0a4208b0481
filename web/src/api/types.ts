export interface MemberSummary {
  handle: string;
  name: string;
  headline: string | null;
  company: string | null;
  industry: string | null;
  location: string | null;
}

export interface Me extends MemberSummary {
  id: string;
  email: string;
  createdAt: string;
  counts: {
    connections: number;
    followers: number;
    following: number;
    received: number;
    sent: number;
  };
  csrfToken?: string;
}

export interface AuthResult {
  member: Me;
  csrfToken: string;
}

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
  handle?: string;
  headline?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Quotas {
  weekly: { limit: number; used: number; remaining: number; renewsAt: string | null };
  open: { limit: number; used: number; remaining: number };
  restriction: { until: string } | null;
}

export type Degree = 1 | 2 | 3;

export interface SearchResult extends MemberSummary {
  mutualCount: number;
  degree: Degree | null;
}

export type Relationship = 'connected' | 'invitation_sent' | 'invitation_received' | 'none';

export type CanInvite =
  { ok: true } | { ok: false; code: string; retryAt?: string | null; reason?: string | null };

export interface Profile extends MemberSummary {
  connectionCount: number;
  followerCount: number;
  isSelf: boolean;
  relationship: Relationship;
  invitationId: string | null;
  resendAvailableAt: string | null;
  mutualCount: number;
  degree: Degree | null;
  following: boolean;
  canInvite: CanInvite;
}

export interface Suggestion {
  member: MemberSummary;
  mutualCount: number;
}

export type InvitationKind = 'connection' | 'page' | 'event';
export type HowKnown = 'colleague' | 'classmate' | 'friend' | 'other';

interface InvitationBase {
  id: string;
  kind: InvitationKind;
  status: string;
  sentAt: string;
  note: string | null;
  howKnown: HowKnown | null;
  target: { id: string; name: string } | null;
}

export interface ReceivedInvitation extends InvitationBase {
  sender: MemberSummary;
  mutualCount: number;
}

export interface SentInvitation extends InvitationBase {
  recipient: MemberSummary;
  kept: boolean;
  resendAvailableAt: string | null;
}

export interface KindCounts {
  connection: number;
  page: number;
  event: number;
}

export interface ReceivedCount {
  total: number;
  byKind: KindCounts;
}

export interface SentCount extends ReceivedCount {
  stale: number;
}

export interface SendInvitationInput {
  kind: 'connection';
  to: string;
  note?: string;
  howKnown?: HowKnown;
  email?: string;
}

export type SendInvitationResult = SentInvitation | { status: 'connected'; member: MemberSummary };

export interface BulkWithdrawInput {
  olderThanDays?: number;
  kind?: InvitationKind;
  ids?: string[];
  excludeIds?: string[];
  dryRun?: boolean;
}

export interface BulkWithdrawResult {
  count: number;
  dryRun: boolean;
  items: { id: string; outcome: string; invitation?: SentInvitation }[];
}

export interface Connection {
  member: MemberSummary;
  connectedAt: string;
}

export interface Block {
  member: MemberSummary;
  blockedAt: string;
}

export type InvitationPolicy = 'everyone' | 'email_or_contacts';

export interface Settings {
  invitationPolicy: InvitationPolicy;
  emailOnInvitation: boolean;
  emailReminders: boolean;
  emailOnAccept: boolean;
  pageInvitations: boolean;
  autoWithdrawAfterDays: number | null;
  restriction: { until: string } | null;
}

export type SettingsPatch = Partial<Omit<Settings, 'restriction'>>;

export interface Notification {
  id: string;
  /** invitation_received, invitation_accepted, or a type a newer server sends. */
  type: string;
  actor: MemberSummary | null;
  invitationId: string | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage extends Page<Notification> {
  unread: number;
}

/** What a page or an event may still send (R21 monthly credits, R22 rolling week). */
export interface InvitationAllowance {
  limit: number;
  used: number;
  remaining: number;
  renewsAt: string | null;
}

export interface PageSummary {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  followerCount: number;
  isAdmin: boolean;
  following: boolean;
}

export interface PageView extends PageSummary {
  admins: MemberSummary[];
  /** Only admins see the credits. */
  credits: InvitationAllowance | null;
}

export interface CreatePageInput {
  name: string;
  description?: string;
}

export interface EventSummary {
  id: string;
  name: string;
  description: string;
  location: string;
  startsAt: string;
  createdAt: string;
  attendeeCount: number;
  isOrganizer: boolean;
  attending: boolean;
}

export interface EventView extends EventSummary {
  organizers: MemberSummary[];
  /** The newest attendees only; attendeeCount counts them all. */
  attendees: MemberSummary[];
  /** Only organizers see the weekly allowance. */
  invitations: InvitationAllowance | null;
}

export interface CreateEventInput {
  name: string;
  startsAt: string;
  description?: string;
  location?: string;
}

/** One recipient of a page or event invitation; a refusal of one never undoes the others. */
export interface RecipientResult {
  to: string;
  status: 'sent' | 'error';
  invitationId?: string;
  code?: string;
  detail?: string;
  retryAt?: string;
}

export interface PageInviteResult {
  results: RecipientResult[];
  credits: InvitationAllowance;
}

export interface EventInviteResult {
  results: RecipientResult[];
  invitations: InvitationAllowance;
}

export interface Ranked {
  value: string;
  count: number;
}

export interface AgeBucket {
  bucket: string;
  minDays: number;
  maxDays: number;
  count: number;
}

export interface Insights {
  generatedAt: string;
  open: { total: number; byKind: KindCounts };
  stale: number;
  acceptedLast90Days: number;
  acceptance: { windowDays: number; sent: number; accepted: number; rate: number | null };
  ageHistogram: AgeBucket[];
  network: { connections: number; byCompany: Ranked[]; byIndustry: Ranked[]; byLocation: Ranked[] };
}
