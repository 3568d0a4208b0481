import { Link } from 'react-router';
import { useFollowers, useFollowing, useMe } from '../../api/queries.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { plural } from '../../lib/member.js';
import { FollowRow } from './FollowRow.js';

type Side = 'followers' | 'following';

const TEXT: Record<
  Side,
  {
    title: string;
    counted: (n: number) => string;
    /** What the list's end counts, in the heading's own word. */
    noun: readonly [string, string];
    empty: string;
    since: string;
  }
> = {
  followers: {
    title: 'Followers',
    counted: (n) => plural(n, 'follower'),
    noun: ['follower', 'followers'],
    empty: 'Nobody follows you yet',
    since: 'Followed you',
  },
  following: {
    title: 'Following',
    counted: (n) => `Following ${plural(n, 'member')}`,
    noun: ['member', 'members'],
    empty: 'You follow nobody yet',
    since: 'Followed',
  },
};

/** The members who follow you, or whom you follow, to the last one (R40). */
export function FollowsPage({ side }: { side: Side }) {
  const followers = useFollowers(side === 'followers');
  const following = useFollowing(side === 'following');
  const list = side === 'followers' ? followers : following;
  const { data: me } = useMe();
  const text = TEXT[side];

  return (
    <section className="card" aria-labelledby="follows-title">
      <title>{`${text.title} | Rapport`}</title>
      <h1 id="follows-title" className="card-title">
        {me ? text.counted(me.counts[side]) : text.title}
      </h1>
      {list.query.isPending ? (
        <Loading label={`Loading ${text.title.toLowerCase()}…`} />
      ) : list.query.isError ? (
        <LoadError error={list.query.error} onRetry={() => void list.query.refetch()} />
      ) : list.items.length === 0 ? (
        <EmptyState title={text.empty}>
          <p>
            Connecting with someone means following each other. Find people in{' '}
            <Link to="/mynetwork">My Network</Link>.
          </p>
        </EmptyState>
      ) : (
        <InfiniteList list={list} noun={text.noun} total={me?.counts[side]}>
          <ul className="rows">
            {list.items.map(({ member, since }) => (
              <FollowRow
                key={member.handle}
                member={member}
                since={since}
                sincePrefix={text.since}
              />
            ))}
          </ul>
        </InfiniteList>
      )}
    </section>
  );
}
