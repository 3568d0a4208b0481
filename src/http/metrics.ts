import type { App } from './types.js';

/** Request counts and durations in the Prometheus text format, without a metrics library. */
export function registerMetrics(app: App): void {
  const counts = new Map<string, number>();
  const seconds = new Map<string, number>();

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `method="${request.method}",route="${route}",status="${reply.statusCode}"`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    seconds.set(key, (seconds.get(key) ?? 0) + reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
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
