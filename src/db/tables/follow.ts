export interface FollowTable {
  follower_id: string;
  followee_id: string;
  created_at: string;
}
