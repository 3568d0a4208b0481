import { randomBytes } from 'node:crypto';
import { type Page, type PageRequest, presentPage } from '../../db/pagination.js';
import type { WebhookDeliveryStatus } from '../../db/tables/webhook.js';
import { DomainError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { ServiceDeps } from '../deps.js';
import {
  countWebhooks,
  deleteWebhook,
  findWebhook,
  insertWebhook,
  listAttempts,
  listWebhooks,
  type WebhookRow,
} from './webhook.repository.js';
import { lockMembers } from '../members/member.service.js';
import { isWebhookEventType, MAX_WEBHOOKS_PER_MEMBER, type WebhookEventType } from './webhook.js';
import { checkWebhookUrl } from './webhook.url.js';

export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdAt: string;
  disabledAt: string | null;
}

export interface WebhookAttemptView {
  id: string;
  deliveryId: string;
  type: WebhookEventType;
  attemptedAt: string;
  responseStatus: number | null;
  error: string | null;
  deliveryStatus: WebhookDeliveryStatus;
}

/** The event types a webhook row lists, as create wrote them. */
function eventsOf(row: WebhookRow): WebhookEventType[] {
  const parsed: unknown = JSON.parse(row.events);
  if (!Array.isArray(parsed)) throw new Error(`webhook ${row.id} lists no event types`);
  const events = parsed.filter(isWebhookEventType);
  if (events.length !== parsed.length) throw new Error(`webhook ${row.id} lists unknown types`);
  return events;
}

/** A delivery's event type, written only by emitWebhookEvents from the same list of types. */
function eventTypeOf(type: string): WebhookEventType {
  if (!isWebhookEventType(type)) throw new Error(`unknown webhook event type ${type}`);
  return type;
}

function present(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    events: eventsOf(row),
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

/** R35: a member's webhooks and their delivery log. */
export class WebhookService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly allowPrivate: boolean,
  ) {}

  /** Creates a webhook; its signing secret is in this answer and never again. */
  async create(
    memberId: string,
    input: { url: string; events: WebhookEventType[] },
  ): Promise<WebhookView & { secret: string }> {
    const url = await checkWebhookUrl(input.url, this.allowPrivate);
    const now = this.deps.clock.now();
    const row: WebhookRow = {
      id: newId(now),
      member_id: memberId,
      url: url.toString(),
      events: JSON.stringify([...new Set(input.events)]),
      secret: `whsec_${randomBytes(32).toString('base64')}`,
      created_at: now.toISOString(),
      failing_since: null,
      last_failed_at: null,
      disabled_at: null,
    };
    await this.deps.database.transaction(async (db) => {
      // Webhooks made at once count one after another (PostgreSQL), not all the same few.
      await lockMembers(db, [memberId, memberId]);
      if ((await countWebhooks(db, memberId)) >= MAX_WEBHOOKS_PER_MEMBER) {
        throw new DomainError(
          'webhook_limit_reached',
          `You can have at most ${MAX_WEBHOOKS_PER_MEMBER} webhooks; delete one first.`,
        );
      }
      await insertWebhook(db, row);
    });
    return { ...present(row), secret: row.secret };
  }

  async list(memberId: string, page: PageRequest): Promise<Page<WebhookView>> {
    return presentPage(await listWebhooks(this.deps.database.db, memberId, page), present);
  }

  async remove(memberId: string, id: string): Promise<void> {
    const deleted = await this.deps.database.transaction((db) => deleteWebhook(db, memberId, id));
    if (!deleted) throw notFound();
  }

  /** Every try at the webhook's deliveries, newest first. */
  async attempts(
    memberId: string,
    id: string,
    options: PageRequest,
  ): Promise<Page<WebhookAttemptView>> {
    const db = this.deps.database.db;
    if (!(await findWebhook(db, memberId, id))) throw notFound();
    const page = await listAttempts(db, id, options);
    return presentPage(page, (r) => ({
      id: r.id,
      deliveryId: r.delivery_id,
      type: eventTypeOf(r.type),
      attemptedAt: r.attempted_at,
      responseStatus: r.response_status,
      error: r.error,
      deliveryStatus: r.delivery_status,
    }));
  }
}

function notFound(): DomainError {
  return new DomainError('webhook_not_found', 'You have no webhook with that id.');
}
