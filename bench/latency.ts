import { type LoadResult, mergeLoads } from './load.js';
import type { Network } from './data.js';
import { IGNORED_PAGE, viewers } from './population.js';
import type { Recorder } from './recorder.js';
import { median } from './report.js';
import { type InvitationList, listPage } from './scenarios.js';
import { type Server, startRapport, stopAll } from './servers.js';

interface MeasuredList {
  name: string;
  query: InvitationList;
  viewers: 'received' | 'ignored' | 'sent';
  /** Rows a page asks for: every chosen viewer has at least this many, on both networks. */
  limit: number;
}

/** R23's two lists, and R40's sent list oldest first and R38's ignored received list. */
const LISTS: MeasuredList[] = [
  { name: 'received', query: 'received', viewers: 'received', limit: 20 },
  { name: 'sent', query: 'sent', viewers: 'sent', limit: 20 },
  { name: 'sent-oldest', query: 'sent?order=oldest', viewers: 'sent', limit: 20 },
  {
    name: 'received-ignored',
    query: 'received?status=ignored',
    viewers: 'ignored',
    limit: IGNORED_PAGE,
  },
];

/**
 * R23, R38, R40: first pages of invitation lists on a small and a big network. Both
 * servers run at once and take turns in one-second bursts, so that whatever else the machine
 * is doing falls on both alike.
 */
export async function listLatency(
  recorder: Recorder,
  small: Network,
  large: Network,
  options: { rounds: number; bursts: number; profileDir?: string },
): Promise<void> {
  const networks = [small, large];
  const readers = [await viewers(small), await viewers(large)];
  const apps: Server[] = [];
  try {
    for (const network of networks)
      apps.push(await startRapport(network.url, { profileDir: options.profileDir }));
    const who = (i: number, list: MeasuredList) => readers[i]?.[list.viewers] ?? [];
    // Every viewer's first pages once, so that both start with their pages in the cache.
    for (const [i, app] of apps.entries()) {
      for (const list of LISTS) {
        const amount = who(i, list).length;
        await listPage([app.url], who(i, list), list.query, { amount }, list.limit);
      }
    }
    const bursts = new Map<string, LoadResult[][]>();
    for (let round = 0; round < options.rounds; round++) {
      for (let burst = 0; burst < options.bursts; burst++) {
        for (const list of LISTS) {
          for (const [i, app] of apps.entries()) {
            const key = `${list.name}@${networks[i]?.label}`;
            const load = await recorder.measured(
              `latency ${key} ${round + 1}.${burst + 1}`,
              [app],
              () => listPage([app.url], who(i, list), list.query, { duration: 1 }, list.limit),
            );
            const rounds = bursts.get(key) ?? [];
            rounds[round] = [...(rounds[round] ?? []), load];
            bursts.set(key, rounds);
          }
        }
      }
    }
    for (const { name: list } of LISTS) {
      const smallBursts = bursts.get(`${list}@${small.label}`) ?? [];
      const bigBursts = bursts.get(`${list}@${large.label}`) ?? [];
      const smallRounds = smallBursts.map(mergeLoads);
      const bigRounds = bigBursts.map(mergeLoads);
      const base = mergeLoads(smallRounds);
      const big = mergeLoads(bigRounds);
      const cpu = (loads: LoadResult[][]) =>
        median(loads.flat().map((l) => l.cpuMsPerRequest ?? 0)).toFixed(2);
      recorder.details[`latency ${list}`] = {
        [small.label]: { ...base, latencies: undefined },
        [large.label]: { ...big, latencies: undefined },
      };
      recorder.print({
        name: `${list}-page p99 @${large.label}`,
        value: big.p99,
        unit: 'ms',
        baseline: { name: `p99 @${small.label}`, value: base.p99 },
        ratios: bigRounds.map((b, r) => b.p99 / (smallRounds[r]?.p99 ?? b.p99)),
        target: { max: 1.5 },
        note:
          `(p50 ${big.p50.toFixed(1)} vs ${base.p50.toFixed(1)} ms; server CPU ` +
          `${cpu(bigBursts)} vs ${cpu(smallBursts)} ms/request; ` +
          `${big.non2xx + base.non2xx} non-2xx)`,
      });
    }
  } finally {
    await stopAll(apps);
  }
}
