/**
 * Names for the API's shapes, all taken from the generated description (schema.d.ts) so they
 * follow the server's route schemas; none is written out by hand.
 */
import type { components, operations } from './schema.js';

type Schemas = components['schemas'];
type Responses<Op extends keyof operations> = operations[Op]['responses'];

/** The JSON an operation answers with 200. */
type Reply<Op extends keyof operations> = Responses<Op>[200 & keyof Responses<Op>] extends {
  content: { 'application/json': infer T };
}
  ? T
  : never;

/** The JSON body an operation takes. */
type Input<Op extends keyof operations> =
  NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer T } }
    ? NonNullable<T>
    : never;

/** The query an operation takes, without the cursor and page size its list hook adds. */
type Filter<Op extends keyof operations> = Omit<
  NonNullable<operations[Op]['parameters']['query']>,
  'cursor' | 'limit'
>;

type Item<List> = List extends { items: (infer T)[] } ? T : never;

export type Me = Schemas['Me'];
export type Instance = Reply<'getInstance'>;
export type Rules = Instance['rules'];
export type ReceivedInvitation = Schemas['ReceivedInvitation'];
export type SentInvitation = Schemas['SentInvitation'];

export type SignUpInput = Input<'signUp'>;
export type SendInvitationInput = Input<'sendInvitation'>;
export type BulkWithdrawInput = Input<'withdrawInvitations'>;
export type RespondInput = Input<'respondToInvitations'>;
export type RespondOutcome = Reply<'respondToInvitations'>['items'][number]['outcome'];
/** Events yet to start, or those that have started. */
export type EventsSide = NonNullable<Filter<'listEvents'>['when']>;
export type SentFilter = Filter<'listSentInvitations'>;
export type SentCountFilter = Filter<'countSentInvitations'>;
export type ReceivedFilter = Filter<'listReceivedInvitations'>;
export type ReceivedCountFilter = Filter<'countReceivedInvitations'>;
export type Follow = Item<Reply<'listFollowers'>>;
export type SettingsPatch = Input<'updateSettings'>;
export type ProfilePatch = Input<'updateMe'>;
export type ContactsImport = Reply<'importContacts'>;
export type CreatePageInput = Input<'createPage'>;
export type CreateEventInput = Input<'createEvent'>;

export type Connection = Item<Reply<'listConnections'>>;
export type MemberSummary = Connection['member'];
export type Profile = Reply<'getMember'>;
export type CanInvite = Profile['canInvite'];
export type Degree = Profile['degree'];
export type Suggestion = Item<Reply<'listSuggestions'>>;
export type MemberSearchResult = Item<Reply<'searchMembers'>>;
export type Block = Item<Reply<'listBlocks'>>;
export type Quotas = Reply<'getQuotas'>;
export type Settings = Reply<'getSettings'>;
export type InvitationPolicy = Settings['invitationPolicy'];
export type Notification = Item<Reply<'listNotifications'>>;

export type InvitationKind = SentInvitation['kind'];
/** The page or event an invitation is about; null for a connection invitation. */
export type Target = SentInvitation['target'];
export type HowKnown = NonNullable<SendInvitationInput['howKnown']>;
export type KindCounts = Reply<'countReceivedInvitations'>['byKind'];
export type BulkWithdrawResult = Reply<'withdrawInvitations'>;

export type PageSummary = Item<Reply<'listPages'>>;
export type PageView = Reply<'getPage'>;
export type EventSummary = Item<Reply<'listEvents'>>;
export type EventView = Reply<'getEvent'>;
/** What a page or an event may still send (R21 monthly credits, R22 rolling week). */
export type InvitationAllowance = NonNullable<EventView['invitations']>;
/** One recipient of a page or event invitation; a refusal of one never undoes the others. */
export type RecipientResult = Reply<'inviteToPage'>['results'][number];
/** A connection in an invitation picker, with what inviting them now would meet. */
export type Invitee = Item<Reply<'listPageInvitees'>>;
/** The page or event an invitation picker invites to. */
export interface InviteTarget {
  kind: 'page' | 'event';
  id: string;
}

export type Insights = Reply<'getInsights'>;
export type AgeBucket = Insights['ageHistogram'][number];
export type Ranked = Insights['network']['byCompany'][number];
