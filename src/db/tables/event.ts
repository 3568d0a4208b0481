export interface EventTable {
  id: string;
  name: string;
  description: string;
  location: string;
  starts_at: string;
  created_by: string;
  created_at: string;
}

export interface EventOrganizerTable {
  event_id: string;
  member_id: string;
}

export interface EventAttendeeTable {
  event_id: string;
  member_id: string;
  created_at: string;
}
