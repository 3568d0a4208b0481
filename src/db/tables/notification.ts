export interface NotificationTable {
  id: string;
  member_id: string;
  type: 'invitation_received' | 'invitation_accepted' | 'webhook_disabled';
  actor_id: string | null;
  invitation_id: string | null;
  created_at: string;
  read_at: string | null;
}
