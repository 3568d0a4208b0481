import { SMTPServer } from 'smtp-server';
import { elementAt } from '../../src/lib/arrays.js';

/** A mail the sink accepted (answered 250), decoded enough for assertions. */
export interface ReceivedMail {
  to: string[];
  from: string;
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
}

type Reply = { code: number; message: string } | 'accept' | 'stall';

/**
 * A real SMTP server on an ephemeral loopback port that keeps what it accepts. It can answer the
 * next messages with an error or stall on them, to play a mail server that fails or hangs.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /** Messages that reached DATA and were refused or left hanging. */
  readonly refused: string[] = [];
  private readonly replies: Reply[] = [];
  private readonly rejected = new Map<string, { code: number; message: string }>();
  private stallWaiters: (() => void)[] = [];
  private server: SMTPServer;
  private port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disableReverseLookup: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const reply = this.rejected.get(address.address.toLowerCase());
        if (reply) return callback(smtpError(reply));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const reply = this.replies.shift();
          if (reply === 'stall') {
            this.refused.push(raw);
            for (const wake of this.stallWaiters.splice(0)) wake();
            return;
          }
          if (reply && reply !== 'accept') {
            this.refused.push(raw);
            return callback(smtpError(reply));
          }
          const to = session.envelope.rcptTo.map((r) => r.address);
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          this.mails.push({ ...parseMessage(raw), to, from, raw });
          callback();
        });
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.server.address();
    if (address === null || typeof address === 'string') throw new Error('the sink is not on TCP');
    this.port = address.port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next messages get these replies, in order (e.g. 421, 451); later ones are accepted. */
  failNext(...codes: number[]): void {
    for (const code of codes) this.replies.push({ code, message: `Try again later (${code})` });
  }

  /** Refuses every message to `address` at RCPT TO with a permanent error. */
  reject(address: string, code = 550, message = 'No such user here'): void {
    this.rejected.set(address.toLowerCase(), { code, message });
  }

  /** Accepts `count` more messages, then never answers the next one. Resolves when it arrives. */
  stallAfter(count: number): Promise<void> {
    for (let i = 0; i < count; i++) this.replies.push('accept');
    this.replies.push('stall');
    return new Promise((resolve) => this.stallWaiters.push(resolve));
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  clear(): void {
    this.mails.length = 0;
    this.refused.length = 0;
    this.replies.length = 0;
    this.rejected.clear();
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function smtpError(reply: { code: number; message: string }): Error {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}

function parseMessage(raw: string): Omit<ReceivedMail, 'to' | 'from' | 'raw'> {
  const { headers, body } = splitPart(raw);
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1, -1)) {
      const part = splitPart(chunk.replace(/^\r\n/, ''));
      const type = elementAt((part.headers['content-type'] ?? '').split(';'), 0);
      parts[type] = decodeBody(part.body, part.headers['content-transfer-encoding']);
    }
  } else {
    parts[elementAt((headers['content-type'] ?? 'text/plain').split(';'), 0)] = decodeBody(
      body,
      headers['content-transfer-encoding'],
    );
  }
  return {
    headers,
    subject: decodeWords(headers.subject ?? ''),
    text: parts['text/plain'] ?? '',
    html: parts['text/html'] ?? '',
  };
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: end < 0 ? '' : raw.slice(end + 4) };
}

function decodeBody(body: string, encoding = '7bit'): string {
  const trimmed = body.replace(/\r\n$/, '');
  if (/quoted-printable/i.test(encoding)) return decodeQuotedPrintable(trimmed);
  if (/base64/i.test(encoding)) return Buffer.from(trimmed, 'base64').toString('utf8');
  return trimmed;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
