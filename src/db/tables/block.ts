export interface BlockTable {
  blocker_id: string;
  blocked_id: string;
  created_at: string;
}

/** When a block was last lifted, for the re-block lock of R20. */
export interface BlockLiftTable {
  blocker_id: string;
  blocked_id: string;
  lifted_at: string;
}
