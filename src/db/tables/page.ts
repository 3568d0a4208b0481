export interface PageTable {
  id: string;
  name: string;
  description: string;
  created_by: string;
  created_at: string;
}

export interface PageAdminTable {
  page_id: string;
  member_id: string;
}

export interface PageFollowerTable {
  page_id: string;
  member_id: string;
  created_at: string;
}

/** Invitation credits spent by a page in one calendar month (R21). */
export interface PageCreditTable {
  page_id: string;
  month: string;
  used: number;
}
