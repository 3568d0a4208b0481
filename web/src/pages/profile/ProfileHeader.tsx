import { Link, useSearchParams } from 'react-router';
import type { Profile } from '../../api/types.js';
import { Avatar } from '../../components/Avatar.js';
import { degreeLabel, firstName, plural } from '../../lib/member.js';
import { EditProfileDialog } from './EditProfileDialog.js';
import { ReceivedInvitationNote } from './ReceivedInvitationNote.js';
import { RelationshipActions } from './RelationshipActions.js';

export function ProfileHeader({ profile }: { profile: Profile }) {
  const degree = profile.isSelf ? null : degreeLabel(profile.degree);
  const place = [profile.company, profile.location, profile.industry].filter(Boolean).join(' · ');

  return (
    <section className="card profile-card" aria-labelledby="profile-name">
      <div className="profile-banner" aria-hidden="true" />
      <div className="profile-body">
        <Avatar name={profile.name} handle={profile.handle} size="large" />
        <div className="profile-title">
          <h1 id="profile-name">{profile.name}</h1>
          {degree && (
            <span className="degree-badge">
              <span className="visually-hidden">Connection degree: </span>
              {degree}
            </span>
          )}
        </div>
        {profile.headline && <p className="profile-headline">{profile.headline}</p>}
        {place && <p className="muted">{place}</p>}
        <p className="meta profile-stats">
          {!profile.isSelf && profile.mutualCount > 0 && (
            <span>{plural(profile.mutualCount, 'mutual connection')}</span>
          )}
          <span>{plural(profile.connectionCount, 'connection')}</span>
          <span>{plural(profile.followerCount, 'follower')}</span>
        </p>
        {profile.relationship === 'invitation_received' && profile.invitationId && (
          <ReceivedInvitationNote
            invitationId={profile.invitationId}
            name={firstName(profile)}
            ignored={profile.invitationIgnored}
          />
        )}
        {profile.isSelf ? (
          <OwnProfileActions profile={profile} />
        ) : (
          <RelationshipActions profile={profile} />
        )}
      </div>
    </section>
  );
}

/** Me → Edit profile lands here with ?edit=profile, which opens the form at once. */
function OwnProfileActions({ profile }: { profile: Profile }) {
  const [params, setParams] = useSearchParams();
  const editing = params.get('edit') === 'profile';
  const setEditing = (open: boolean) =>
    setParams(open ? { edit: 'profile' } : {}, { replace: true });

  return (
    <>
      <div className="profile-actions">
        <button type="button" className="button button-primary" onClick={() => setEditing(true)}>
          Edit profile
        </button>
        <Link to="/settings" className="button">
          Settings
        </Link>
      </div>
      <p className="muted">This is how others see your profile.</p>
      {editing && <EditProfileDialog profile={profile} onClose={() => setEditing(false)} />}
    </>
  );
}
