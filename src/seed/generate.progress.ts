/**
 * Progress of a long generator run on stderr: a bar redrawn in place on a terminal, and a plain
 * line every few seconds when stderr is a file or a pipe (CI logs, the benchmark's output).
 */
export interface Progress {
  phase(name: string, total: number): void;
  advance(done: number): void;
  end(): void;
}

const WIDTH = 28;
const PLAIN_EVERY_MS = 5_000;
const REDRAW_EVERY_MS = 100;

function compact(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)}k`;
  return n >= 10 || Number.isInteger(n) ? String(Math.round(n)) : n.toFixed(1);
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function progressBar(
  stream: NodeJS.WriteStream = process.stderr,
  clock: () => number = Date.now,
): Progress {
  const tty = stream.isTTY === true;
  let name = '';
  let total = 0;
  let done = 0;
  let startedAt = 0;
  let drawnAt = 0;
  let drawn = true;

  const line = () => {
    const elapsed = clock() - startedAt;
    const rate = elapsed > 0 ? (done * 1000) / elapsed : 0;
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const eta = rate > 0 && done < total ? ` ETA ${duration(((total - done) / rate) * 1000)}` : '';
    const counts = `${compact(done)}/${compact(total)} ${compact(rate)}/s${eta}`;
    if (!tty) return `${name}: ${Math.floor(share * 100)}% ${counts} (${duration(elapsed)})`;
    const filled = Math.round(share * WIDTH);
    return `${name.padEnd(14)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${counts}`;
  };
  const draw = (final: boolean) => {
    if (!name) return;
    if (tty) stream.write(`\r\x1b[2K${line()}${final ? '\n' : ''}`);
    else stream.write(`${line()}\n`);
    drawnAt = clock();
    drawn = true;
  };

  // A terminal ends each phase on a line of its own; a log gets the last line unless it has it.
  const finish = () => {
    if (name && (tty || !drawn)) draw(true);
  };

  return {
    phase(next, nextTotal) {
      finish();
      name = next;
      total = nextTotal;
      done = 0;
      startedAt = clock();
      drawnAt = tty ? 0 : startedAt;
      drawn = false;
    },
    advance(by) {
      done += by;
      drawn = false;
      if (clock() - drawnAt >= (tty ? REDRAW_EVERY_MS : PLAIN_EVERY_MS)) draw(false);
    },
    end() {
      finish();
      name = '';
    },
  };
}

/** For callers that want no output (tests). */
export const silentProgress: Progress = { phase() {}, advance() {}, end() {} };
