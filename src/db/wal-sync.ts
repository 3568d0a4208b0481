import { type FileHandle, open } from 'node:fs/promises';

/**
 * The fsync of SQLite's WAL that `synchronous = FULL` makes at every commit, made off the
 * thread that serves requests. SQLite would block that thread for the fsync's whole length, one
 * batch of requests after another; here the connection commits at `NORMAL` (which differs from
 * `FULL` only by that fsync), the next batch runs while the disk works, and a request is
 * answered only once a sync begun after its commit has ended. Syncs that are asked for while
 * one runs share the one that follows it.
 */
export class WalSync {
  private file: Promise<FileHandle> | undefined;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly walPath: string) {}

  /** Resolves once everything written to the WAL before the call is on disk. */
  sync(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.begin();
    // The running sync may have begun before the caller's write: it needs the next one.
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.begin();
      });
    return this.queued;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.running, this.queued]);
    const file = this.file;
    this.file = undefined;
    await (await file?.catch(() => undefined))?.close();
  }

  private begin(): Promise<void> {
    const run = this.flush().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async flush(): Promise<void> {
    // Opened at the first commit, when SQLite has made the file; it keeps it while it is open.
    this.file ??= open(this.walPath, 'r').catch((error: unknown) => {
      this.file = undefined;
      throw error;
    });
    await (await this.file).datasync();
  }
}
