import { type LoadResult, mergeLoads } from './load.js';
import type { Network } from './data.js';
import { viewers } from './population.js';
import type { Recorder } from './recorder.js';
import { median } from './report.js';
import { listPage } from './scenarios.js';
import { type Server, startRapport, stopAll } from './servers.js';

/**
 * R23: first pages of received and sent invitations on a small and a big network. Both
 * servers run at once and take turns in one-second bursts, so that whatever else the machine
 * is doing falls on both alike.
 */
export async function listLatency(
  recorder: Recorder,
  small: Network,
  large: Network,
  options: { rounds: number; profileDir?: string },
): Promise<void> {
  const networks = [small, large];
  const readers = [await viewers(small), await viewers(large)];
  const apps: Server[] = [];
  try {
    for (const network of networks)
      apps.push(await startRapport(network.url, { profileDir: options.profileDir }));
    const lists = ['received', 'sent'] as const;
    // Every viewer's first pages once, so that both start with their pages in the cache.
    for (const [i, app] of apps.entries()) {
      for (const list of lists) {
        const who = readers[i]?.[list] ?? [];
        await listPage([app.url], who, list, { amount: who.length });
      }
    }
    const bursts = new Map<string, LoadResult[]>();
    for (let round = 0; round < options.rounds; round++) {
      for (const list of lists) {
        for (const [i, app] of apps.entries()) {
          const key = `${list}@${networks[i]?.label}`;
          const burst = await recorder.measured(`latency ${key} ${round + 1}`, [app], () =>
            listPage([app.url], readers[i]?.[list] ?? [], list, { duration: 1 }),
          );
          bursts.set(key, [...(bursts.get(key) ?? []), burst]);
        }
      }
    }
    for (const list of lists) {
      const base = mergeLoads(bursts.get(`${list}@${small.label}`) ?? []);
      const big = mergeLoads(bursts.get(`${list}@${large.label}`) ?? []);
      const cpu = (loads: LoadResult[] | undefined) =>
        median((loads ?? []).map((l) => l.cpuMsPerRequest ?? 0)).toFixed(2);
      recorder.details[`latency ${list}`] = {
        [small.label]: { ...base, latencies: undefined },
        [large.label]: { ...big, latencies: undefined },
      };
      recorder.print({
        name: `${list}-page p99 @${large.label}`,
        value: big.p99,
        unit: 'ms',
        baseline: { name: `p99 @${small.label}`, value: base.p99 },
        target: { max: 1.5 },
        note:
          `(p50 ${big.p50.toFixed(1)} vs ${base.p50.toFixed(1)} ms; server CPU ` +
          `${cpu(bursts.get(`${list}@${large.label}`))} vs ${cpu(bursts.get(`${list}@${small.label}`))} ms/request; ` +
          `${big.non2xx + base.non2xx} non-2xx)`,
      });
    }
  } finally {
    await stopAll(apps);
  }
}
