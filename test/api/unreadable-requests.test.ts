/**
 * Requests Node's HTTP parser refuses before any route sees them still get problem details
 * (§3): a client that sent a raw non-ASCII byte in a URL learns what to mend, in the same shape
 * as every other error. These go over a real socket: an injected request skips the parser.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await startApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  port = address.port;
});
afterAll(async () => {
  await t.close();
});

/**
 * Writes `request` as bytes and reads the whole answer, which ends with the connection: the
 * server closes it after a refusal, or after an answer to a request that says `Connection:
 * close`. The socket is not half-closed first: the server may then drop an answer on its way.
 */
function exchange(request: Buffer): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body });
    });
  });
}

describe('requests the HTTP parser refuses', () => {
  it('a raw non-ASCII byte in the query answers 400 validation_failed as problem details', async () => {
    const request = Buffer.concat([
      Buffer.from('GET /api/v1/members?q='),
      Buffer.from('é', 'utf8'),
      Buffer.from(' HTTP/1.1\r\nHost: rapport.test\r\n\r\n'),
    ]);
    const answer = await exchange(request);
    expect(answer.status).toBe(400);
    expect(answer.headers).toContain('content-type: application/problem+json');
    const body = JSON.parse(answer.body);
    expect(body).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(body.detail).toContain('percent-encoded');
  });

  it('headers larger than the server reads answer 431 as problem details', async () => {
    const request = Buffer.from(
      `GET /api/v1/instance HTTP/1.1\r\nHost: rapport.test\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const answer = await exchange(request);
    expect(answer.status).toBe(431);
    expect(answer.headers).toContain('content-type: application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'validation_failed' });
  });

  it('the same request, percent-encoded, is read', async () => {
    const answer = await exchange(
      Buffer.from(
        'GET /api/v1/instance?x=%C3%A9 HTTP/1.1\r\nHost: rapport.test\r\nConnection: close\r\n\r\n',
      ),
    );
    expect(answer.status).toBe(200);
  });
});
