import type * as Nodemailer from 'nodemailer';
import { requireWhenNeeded } from '../lib/require-when-needed.js';

interface OutgoingMail {
  to: string;
  /** `<outbox id@rapport>`: a receiver can drop the rare second copy of an at-least-once send. */
  messageId: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Hands mail to a mail server; resolves once the server has accepted it. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer, over one pooled connection per process. Timeouts are short enough that a hung server cannot outlive a claim. */
export function smtpMailer(url: string, from: string): Mailer {
  // A pooled connection is reused from mail to mail: on loopback a send takes about 20 ms
  // instead of about 130 ms with a new connection each time.
  const transport = requireWhenNeeded<typeof Nodemailer>('nodemailer').createTransport({
    pool: true,
    maxConnections: 1,
    url,
    // A send holds its invitation locked (see delivery.job.ts), so a hung server is given up on soon.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

export interface SendFailure {
  /** A permanent rejection would come back on every try; anything else is worth retrying. */
  permanent: boolean;
  reason: string;
}

const MAX_REASON_LENGTH = 500;

/**
 * RFC 5321: a 5yz reply is a permanent refusal, a 4yz reply a temporary one. 503 (bad sequence
 * of commands) is about the session, not the message, so it is retried like connection errors,
 * timeouts and authentication problems (which an operator can fix). A message nodemailer cannot
 * even address (EENVELOPE without a reply) will never go out either.
 */
export function classifySendError(error: unknown): SendFailure {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const code = typeof e.code === 'string' ? e.code : null;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const permanent =
    code !== 'EAUTH' &&
    (responseCode !== null
      ? responseCode >= 500 && responseCode < 600 && responseCode !== 503
      : code === 'EENVELOPE' || code === 'EMESSAGE');
  const reason = [responseCode ?? code, message].filter((part) => part !== null).join(' ');
  return { permanent, reason: reason.slice(0, MAX_REASON_LENGTH) };
}
