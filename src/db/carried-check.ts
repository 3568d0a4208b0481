/**
 * A check that a request's first statement carries to PostgreSQL instead of taking a round trip
 * of its own before the request's work starts: the lookup of a bearer token the process has
 * seen before (accounts/token-cache.ts). Each round trip costs both processes a socket write, a
 * wake-up and the protocol's work: without it, a withdrawal took about a tenth less CPU.
 *
 * Until the check has answered, nothing the request asked for reaches it: every answer waits
 * for the check, a COMMIT and a write outside a transaction are not even sent, and a refused
 * check fails them all, so a refused request leaves nothing behind. A request that never reached
 * the database runs the check on its own before it is answered (http/auth.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CarriedStatement {
  sql: string;
  values: unknown[];
}

export interface Check {
  statement: CarriedStatement;
  /** Throws the request's refusal when the statement's rows refuse it. */
  verify(rows: unknown[]): void;
  /** Runs the statement on a connection of its own, for a request no statement carried it for. */
  runAlone(): Promise<unknown[]>;
}

const pending = new AsyncLocalStorage<PendingCheck>();

/** A check on its way: not yet sent, sent and waiting for its answer, or answered. */
export class PendingCheck {
  private outcome: Promise<void> | null = null;

  constructor(private readonly check: Check) {}

  get statement(): CarriedStatement {
    return this.check.statement;
  }

  get sent(): boolean {
    return this.outcome !== null;
  }

  /** The check travels in a statement whose rows `answer` gives. */
  carried(answer: Promise<{ rows: unknown[] }>): void {
    this.outcome ??= quiet(answer.then(({ rows }) => this.check.verify(rows)));
  }

  /** Settles once the check has answered, rejecting with its refusal; runs it alone if unsent. */
  settled(): Promise<void> {
    // Alone means outside the request's context, where a statement would carry the check again.
    this.outcome ??= quiet(
      pending.exit(() => this.check.runAlone()).then((rows) => this.check.verify(rows)),
    );
    return this.outcome;
  }
}

/** `promise`, marked as handled: a refusal nobody waits for must not end the process. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Runs `fn`, and every statement issued from it, with `check` to be carried. */
export function carrying(check: PendingCheck, fn: () => void): void {
  pending.run(check, fn);
}

/** The check the current request has yet to see answered, if any. */
export function pendingCheck(): PendingCheck | undefined {
  return pending.getStore();
}
