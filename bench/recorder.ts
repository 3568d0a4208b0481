/** What a run has measured so far: its figures, printed as they come, and the details. */
import type { LoadResult } from './load.js';
import { pgBackendPids } from './data.js';
import { type Figure, line } from './report.js';
import { observe, type Server } from './servers.js';

export class Recorder {
  readonly figures: Figure[] = [];
  /** Peak RSS of Rapport's processes (not the ceiling's) over the run. */
  peakMb = 0;

  constructor(readonly details: Record<string, unknown>) {}

  print(figure: Figure): void {
    this.figures.push(figure);
    process.stdout.write(`${line(figure)}\n`);
  }

  /**
   * Runs a load while watching the servers: the peak memory, and for a load its server CPU time
   * per request, which a busy machine disturbs far less than wall-clock rates. `ceiling` marks
   * a load of the ceiling server, whose memory is not Rapport's.
   */
  async measured<T extends LoadResult | { load: LoadResult }>(
    name: string,
    servers: Server[],
    run: () => Promise<T>,
    options: { ceiling?: boolean } = {},
  ): Promise<T> {
    const observed = await observe(
      servers.map((s) => s.pid),
      run,
      () => pgBackendPids(servers.map((s) => s.databaseUrl)),
    );
    if (!options.ceiling) this.peakMb = Math.max(this.peakMb, observed.peakMb);
    const result = observed.result;
    const load: LoadResult = 'load' in result ? result.load : result;
    if (typeof load.requests === 'number' && load.requests > 0) {
      load.cpuMsPerRequest = observed.cpuMs / load.requests;
      if (observed.helperCpuMs > 0)
        load.databaseCpuMsPerRequest = observed.helperCpuMs / load.requests;
    }
    this.details[name] = {
      ...load,
      latencies: undefined,
      rssMb: observed.peakMb,
      serverCpuMs: observed.cpuMs,
    };
    return result;
  }
}
