/** One row per periodic job, so that of several workers only one runs it at a time. */
export interface JobLeaseTable {
  name: string;
  holder: string | null;
  lease_until: string | null;
  last_run_at: string | null;
}
