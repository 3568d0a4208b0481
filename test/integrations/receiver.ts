/** A real HTTP receiver on 127.0.0.1 for webhook tests: records every request per path. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface WebhookEvent {
  type: string;
  data: Record<string, unknown>;
}

function isEvent(value: unknown): value is WebhookEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    typeof value.type === 'string' &&
    'data' in value &&
    typeof value.data === 'object' &&
    value.data !== null
  );
}

export class Receiver {
  readonly received: Received[] = [];
  /** Statuses to answer next, per path; 200 once a path's list is used up. */
  private readonly answers = new Map<string, number[]>();
  private server: Server | null = null;
  private port = 0;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({ path, headers: request.headers, body });
        response.statusCode = this.answers.get(path)?.shift() ?? 200;
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string')
      throw new Error('the receiver is not on TCP');
    this.port = address.port;
    return this;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  answer(path: string, ...statuses: number[]): void {
    this.answers.set(path, statuses);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** The events `path` received, each checked with the Standard Webhooks verifier. */
  verifiedEvents(path: string, secret: string): WebhookEvent[] {
    const verifier = new Webhook(secret);
    return this.at(path).map((r) => {
      const event = verifier.verify(r.body, {
        'webhook-id': String(r.headers['webhook-id']),
        'webhook-timestamp': String(r.headers['webhook-timestamp']),
        'webhook-signature': String(r.headers['webhook-signature']),
      });
      if (!isEvent(event)) throw new Error(`${path} received something other than an event`);
      return event;
    });
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
