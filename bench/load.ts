/**
 * One load run with autocannon: 10 connections (split over the servers when there are
 * several), each request built on the fly so that every one uses its own member pair. Latency
 * comes from every response, in fractions of a millisecond.
 */
import autocannon, { type Request, type Result } from 'autocannon';
import { elementAt } from '../src/lib/arrays.js';

export const CONNECTIONS = 10;

export interface LoadSpec {
  urls: string[];
  /** Seconds; or `amount` requests in all. */
  duration?: number;
  amount?: number;
  /** The next request; `context` belongs to one connection and reaches its response too. */
  next(context: Record<string, unknown>): Request;
  onResponse?(status: number, body: string, context: Record<string, unknown>): void;
}

export interface LoadResult {
  requests: number;
  /** Every latency in ms, sorted; left out of the JSON results. */
  latencies: number[];
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
  /** Server CPU time per request, when the servers were watched. */
  cpuMsPerRequest?: number;
  /** The PostgreSQL backends' part of it. */
  databaseCpuMsPerRequest?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return elementAt(sorted, Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length)));
}

/** The latency of every response, and when the last one arrived. */
interface Responses {
  latencies: number[];
  lastAt: number;
}

function once(
  url: string,
  connections: number,
  spec: LoadSpec,
  amount: number | undefined,
  responses: Responses,
) {
  return new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        timeout: 30,
        ...(amount === undefined ? { duration: spec.duration ?? 5 } : { amount }),
        requests: [
          {
            setupRequest: (request, context) => ({ ...request, ...spec.next(context) }),
            onResponse: spec.onResponse
              ? (status, body, context) => spec.onResponse?.(status, body, context)
              : undefined,
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      responses.latencies.push(ms);
      responses.lastAt = performance.now();
    });
  });
}

/**
 * The rate counts time up to the last response: autocannon ends a run only on its once-a-second
 * tick, so a run of `amount` requests that took 1.2 s would otherwise count as 2 s.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const started = performance.now();
  const responses: Responses = { latencies: [], lastAt: started };
  const share = Math.floor(CONNECTIONS / spec.urls.length);
  const results = await Promise.all(
    spec.urls.map((url, i) =>
      once(
        url,
        share,
        spec,
        spec.amount === undefined
          ? undefined
          : Math.floor(spec.amount / spec.urls.length) +
              (i === 0 ? spec.amount % spec.urls.length : 0),
        responses,
      ),
    ),
  );
  const statuses: Record<string, number> = {};
  for (const result of results) {
    for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
      statuses[status] = (statuses[status] ?? 0) + Number(count);
    }
  }
  return summarize(responses.latencies, (responses.lastAt - started) / 1000, {
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    statuses,
  });
}

/** Rate and percentiles of `latencies` (sorted here) over `seconds`. */
function summarize(
  latencies: number[],
  seconds: number,
  counts: Pick<LoadResult, 'non2xx' | 'errors' | 'statuses'>,
): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    latencies,
    seconds,
    rps: seconds > 0 ? latencies.length / seconds : 0,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ...counts,
  };
}

/** Several runs as one: their requests and latencies together, their time added up. */
export function mergeLoads(loads: LoadResult[]): LoadResult {
  const statuses: Record<string, number> = {};
  for (const load of loads) {
    for (const [status, count] of Object.entries(load.statuses))
      statuses[status] = (statuses[status] ?? 0) + count;
  }
  return summarize(
    loads.flatMap((l) => l.latencies),
    loads.reduce((sum, l) => sum + l.seconds, 0),
    {
      non2xx: loads.reduce((sum, l) => sum + l.non2xx, 0),
      errors: loads.reduce((sum, l) => sum + l.errors, 0),
      statuses,
    },
  );
}
