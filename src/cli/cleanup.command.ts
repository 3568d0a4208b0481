/**
 * `rapport cleanup`: the operator's stale-invitation clean-up (R18) for one member or for all,
 * with every effect of a withdrawal (R14–R16) and kept invitations never touched.
 */
import type { Config } from '../config.js';
import { type Clock, systemClock } from '../lib/clock.js';
import { addDays } from '../lib/time.js';
import { withdrawStale } from '../modules/invitations/invitation.cleanup.js';
import { type InvitationKind, KINDS } from '../modules/invitations/invitation.js';
import { sendersWithStale } from '../modules/invitations/invitation.withdrawals.repository.js';
import { findMemberByHandle } from '../modules/members/member.repository.js';
import { progressBar } from '../seed/generate.progress.js';
import { withContext } from './command.context.js';

export interface CleanupFlags {
  'older-than'?: string;
  'dry-run'?: boolean;
  member?: string;
  all?: boolean;
  kind?: string;
}

interface CleanupOptions {
  olderThanDays: number;
  dryRun: boolean;
  member: string | null;
  kind: InvitationKind | undefined;
}

/** Checks the flags; returns the options, or what is wrong with them. */
function parseCleanupFlags(flags: CleanupFlags): CleanupOptions | string {
  // No default: run with --all by mistake, one would withdraw across the whole instance.
  const olderThan = flags['older-than'];
  if (olderThan === undefined) return 'Say how old the invitations must be: --older-than 14d.';
  const match = /^(\d{1,4})d?$/.exec(olderThan);
  if (!match) return `--older-than must be a number of days like 14d, got "${olderThan}"`;
  if (flags.member !== undefined && flags.all)
    return 'Give either --member HANDLE or --all, not both.';
  if (flags.member === undefined && !flags.all)
    return 'Say whose invitations: --member HANDLE or --all.';
  const kind = KINDS.find((k) => k === flags.kind);
  if (flags.kind !== undefined && kind === undefined) {
    return `--kind must be one of ${KINDS.join(', ')}, got "${flags.kind}"`;
  }
  return {
    olderThanDays: Number(match[1]),
    dryRun: flags['dry-run'] ?? false,
    member: flags.member ?? null,
    kind,
  };
}

export interface CleanupIo {
  out: { write(text: string): unknown };
  err: NodeJS.WriteStream;
  clock: Clock;
}

const number = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${number(n)} ${word}${n === 1 ? '' : 's'}`;

/** Runs `rapport cleanup`; returns the exit code. */
export async function cleanupCommand(
  config: Config,
  flags: CleanupFlags,
  io: CleanupIo = { out: process.stdout, err: process.stderr, clock: systemClock },
): Promise<number> {
  const options = parseCleanupFlags(flags);
  if (typeof options === 'string') {
    io.err.write(`${options}\n`);
    return 2;
  }
  return withContext(
    config,
    async ({ database }) => {
      const now = io.clock.now();
      let senderId: string | undefined;
      if (options.member !== null) {
        const member = await findMemberByHandle(database.db, options.member);
        if (!member) {
          io.err.write(`No member has the handle "${options.member}".\n`);
          return 1;
        }
        senderId = member.id;
      }
      const senders = await sendersWithStale(database.db, {
        sentBefore: addDays(now, -options.olderThanDays).toISOString(),
        now: now.toISOString(),
        kind: options.kind,
        senderId,
      });
      const progress = progressBar(io.err, () => io.clock.now().getTime());
      progress.phase(
        options.dryRun ? 'previewing' : 'withdrawing',
        senders.reduce((n, s) => n + s.count, 0),
      );
      const deps = { database, clock: io.clock, rules: config.rules };
      let withdrawn = 0;
      let kept = 0;
      let members = 0;
      for (const sender of senders) {
        let advanced = 0;
        const result = await withdrawStale(
          deps,
          sender.senderId,
          { olderThanDays: options.olderThanDays, kind: options.kind, dryRun: options.dryRun },
          'cleanup',
          (done) => {
            progress.advance(done - advanced);
            advanced = done;
          },
        );
        progress.advance(result.items.length - advanced);
        withdrawn += result.count;
        kept += result.items.filter((i) => i.outcome === 'kept').length;
        if (result.count > 0) members++;
      }
      progress.end();
      const what = `${plural(withdrawn, 'invitation')} of ${plural(members, 'member')} sent at least ${plural(options.olderThanDays, 'day')} ago`;
      const keptNote = kept > 0 ? ` ${plural(kept, 'kept invitation')} left alone.` : '';
      io.out.write(
        options.dryRun
          ? `Dry run: would withdraw ${what}.${keptNote} Nothing was changed.\n`
          : `Withdrew ${what}.${keptNote}\n`,
      );
      return 0;
    },
    { clock: io.clock, setUp: true },
  );
}
