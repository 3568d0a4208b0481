/** A periodic, idempotent piece of work: running it twice in a row does nothing the second time. */
export interface Job {
  name: string;
  run(): Promise<Record<string, number>>;
}
