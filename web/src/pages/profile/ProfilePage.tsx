import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { useProfile } from '../../api/queries.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { ProfileHeader } from './ProfileHeader.js';

export function ProfilePage() {
  const { handle = '' } = useParams();
  const profile = useProfile(handle);

  if (profile.isPending) return <Loading label="Loading profile…" />;
  if (profile.isError) {
    if (profile.error instanceof ApiError && profile.error.status === 404) {
      return (
        <div className="card">
          <title>Profile not available | Rapport</title>
          <h1 className="card-title">This profile isn&apos;t available</h1>
          <EmptyState title="The member may have left Rapport, or the address is mistyped.">
            <p>
              Try <Link to="/search">searching by name</Link> or go back to{' '}
              <Link to="/mynetwork">My Network</Link>.
            </p>
          </EmptyState>
        </div>
      );
    }
    return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  }

  return (
    <>
      <title>{`${profile.data.name} | Rapport`}</title>
      <ProfileHeader profile={profile.data} />
    </>
  );
}
