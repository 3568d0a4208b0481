import { timingSafeEqual } from 'node:crypto';
import { problem } from './problem.js';
import type { App } from './types.js';

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Request counts and durations in the Prometheus text format, without a metrics library. Its
 * counters move with every member's actions, silent ones included, so only the operator's
 * token may read them (R34); without a token the route does not exist.
 */
export function registerMetrics(app: App, token: string | null): void {
  const counts = new Map<string, number>();
  const seconds = new Map<string, number>();

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `method="${request.method}",route="${route}",status="${reply.statusCode}"`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    seconds.set(key, (seconds.get(key) ?? 0) + reply.elapsedTime / 1000);
  });

  if (token === null) return;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, token)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .type('application/problem+json')
        .send(problem(401, 'unauthenticated', 'The metrics token is missing or wrong.'));
    }
    const memory = process.memoryUsage();
    const lines = [
      '# HELP rapport_http_requests_total HTTP requests answered.',
      '# TYPE rapport_http_requests_total counter',
      ...[...counts].map(([key, value]) => `rapport_http_requests_total{${key}} ${value}`),
      '# HELP rapport_http_request_seconds_total Time spent answering HTTP requests.',
      '# TYPE rapport_http_request_seconds_total counter',
      ...[...seconds].map(
        ([key, value]) => `rapport_http_request_seconds_total{${key}} ${value.toFixed(6)}`,
      ),
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${memory.rss}`,
      '# HELP nodejs_heap_used_bytes V8 heap in use.',
      '# TYPE nodejs_heap_used_bytes gauge',
      `nodejs_heap_used_bytes ${memory.heapUsed}`,
      '# HELP process_uptime_seconds Seconds since the process started.',
      '# TYPE process_uptime_seconds gauge',
      `process_uptime_seconds ${process.uptime().toFixed(0)}`,
    ];
    return reply.type('text/plain; version=0.0.4').send(lines.join('\n') + '\n');
  });
}
