import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { DomainError } from '../../lib/errors.js';
import { isPublicAddress } from './webhook.js';

function notAllowed(detail: string): DomainError {
  return new DomainError('webhook_url_not_allowed', detail);
}

/** The host of a URL as DNS or an IP literal takes it (`[::1]` → `::1`). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Every address `host` stands for, refused unless each one is public. */
async function publicAddresses(host: string): Promise<{ address: string; family: number }[]> {
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true, verbatim: true }).catch(() => {
        throw notAllowed(`${host} does not resolve to an address.`);
      });
  if (addresses.length === 0 || !addresses.every((a) => isPublicAddress(a.address))) {
    throw notAllowed(`${host} resolves to an address that is not public.`);
  }
  return addresses;
}

/**
 * R35: a webhook URL must be `https` and resolve to public addresses only, unless private
 * networks are allowed (RAPPORT_WEBHOOKS_ALLOW_PRIVATE=1, which also allows plain `http`).
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw notAllowed('The webhook URL is not a valid URL.');
  }
  const protocols = allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!protocols.includes(url.protocol)) throw notAllowed('A webhook URL must use https.');
  if (url.username || url.password) throw notAllowed('A webhook URL cannot carry credentials.');
  if (!allowPrivate) await publicAddresses(hostOf(url));
  return url;
}

/**
 * A DNS lookup for each delivery's connection that refuses any non-public answer. The socket
 * connects to the very address checked, so DNS cannot point a webhook elsewhere in between.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  publicAddresses(hostname).then(
    (addresses) => {
      const wanted = options.family
        ? addresses.filter((a) => a.family === options.family)
        : addresses;
      const [first] = wanted;
      if (first === undefined) {
        callback(notAllowed(`${hostname} has no public address of that family.`), '', 0);
      } else if (options.all) {
        callback(null, wanted);
      } else {
        callback(null, first.address, first.family);
      }
    },
    (error: Error) => callback(error, '', 0),
  );
};
