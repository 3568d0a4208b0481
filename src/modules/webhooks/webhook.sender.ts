import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { isPublicAddress } from './webhook.js';
import { hostOf, publicOnlyLookup } from './webhook.url.js';

const TIMEOUT_MS = 10_000;
const MAX_ERROR = 300;

export type SendResult =
  { ok: true; status: number } | { ok: false; status: number | null; error: string };

export interface SignedDelivery {
  url: string;
  secret: string;
  /** The `webhook-id`: the same on every try, so a receiver can drop a repeat. */
  id: string;
  body: string;
  /** Compared by the receiver with its own clock, so it is the real time of the try. */
  sentAt: Date;
}

/** The Standard Webhooks headers of one try. */
export function signatureHeaders(delivery: SignedDelivery): Record<string, string> {
  const signature = new Webhook(delivery.secret).sign(delivery.id, delivery.sentAt, delivery.body);
  return {
    'webhook-id': delivery.id,
    'webhook-timestamp': String(Math.floor(delivery.sentAt.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

/**
 * POSTs one signed delivery. Redirects are not followed (a 3xx is a failure), and without
 * `allowPrivate` every connection goes through the public-only lookup.
 */
export function sendWebhook(delivery: SignedDelivery, allowPrivate: boolean): Promise<SendResult> {
  const url = new URL(delivery.url);
  if (!allowPrivate && url.protocol !== 'https:') {
    return Promise.resolve({ ok: false, status: null, error: 'the URL is not https' });
  }
  // A socket given an IP literal skips the lookup, so the address is checked here instead.
  const literal = hostOf(url);
  if (!allowPrivate && isIP(literal) && !isPublicAddress(literal)) {
    return Promise.resolve({ ok: false, status: null, error: `${literal} is not public` });
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        timeout: TIMEOUT_MS,
        ...(allowPrivate ? {} : { lookup: publicOnlyLookup }),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Rapport-Webhooks/1',
          ...signatureHeaders(delivery),
        },
      },
      (response) => {
        // The body is not needed; reading it lets the connection close.
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          resolve(
            status >= 200 && status < 300
              ? { ok: true, status }
              : { ok: false, status, error: `answered ${status}` },
          );
        });
        response.on('error', (error) =>
          resolve({ ok: false, status: null, error: error.message.slice(0, MAX_ERROR) }),
        );
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
    outgoing.on('error', (error) =>
      resolve({ ok: false, status: null, error: error.message.slice(0, MAX_ERROR) }),
    );
    outgoing.end(delivery.body);
  });
}
