import { useState, type FormEvent } from 'react';
import { Link, NavLink, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { signOut } from '../api/endpoints.js';
import { useUnreadNotifications } from '../api/queries.js';
import type { Me } from '../api/types.js';
import { Icon } from './Icons.js';
import { MenuButton } from './MenuButton.js';
import { formatBadge, formatCount } from '../lib/format.js';

export function TopNav({ me }: { me: Me }) {
  return (
    <header className="topnav">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="topnav-inner">
        <Link to="/mynetwork" className="brand">
          <span className="brand-mark brand-mark-drawn" aria-hidden="true" />
          <span className="brand-name">Rapport</span>
        </Link>
        <SearchBox />
        <nav aria-label="Main" className="mainnav">
          <NavLink to="/mynetwork" className="navlink">
            <Icon name="network" />
            <span className="navlink-label">My Network</span>
          </NavLink>
          <NavLink to="/pages" className="navlink">
            <Icon name="pages" />
            <span className="navlink-label">Pages</span>
          </NavLink>
          <NavLink to="/events" className="navlink">
            <Icon name="events" />
            <span className="navlink-label">Events</span>
          </NavLink>
          <NavLink to="/insights" className="navlink">
            <Icon name="insights" />
            <span className="navlink-label">Insights</span>
          </NavLink>
          <NotificationsLink />
          <MeMenu me={me} />
        </nav>
      </div>
    </header>
  );
}

function SearchBox() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Only the search page's q is a search of people; Sent's q is a search of its own list.
  const onSearch = useLocation().pathname === '/search';
  const [query, setQuery] = useState((onSearch && params.get('q')) || '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = query.trim();
    if (q) void navigate(`/search?q=${encodeURIComponent(q)}`);
  }

  return (
    <form role="search" className="searchbox" onSubmit={submit}>
      <label htmlFor="people-search" className="visually-hidden">
        Search people
      </label>
      <Icon name="search" />
      <input
        id="people-search"
        type="search"
        placeholder="Search people…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
    </form>
  );
}

function NotificationsLink() {
  const unread = useUnreadNotifications().data ?? 0;
  return (
    <NavLink to="/notifications" className="navlink">
      <span className="navlink-icon">
        <Icon name="bell" />
        {unread > 0 && (
          <span className="badge" aria-hidden="true">
            {formatBadge(unread)}
          </span>
        )}
      </span>
      <span className="navlink-label">Notifications</span>
      {/* Chromium puts a space between the label's box and this one, so a comma here read
          "Notifications , 12 unread"; "Notifications (12 unread)" reads well with the space. */}
      {unread > 0 && <span className="visually-hidden">({formatCount(unread)} unread)</span>}
    </NavLink>
  );
}

function MeMenu({ me }: { me: Me }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function leave() {
    await signOut().catch(() => undefined);
    queryClient.clear();
    void navigate('/signin');
  }

  return (
    <MenuButton
      className="navlink navlink-button"
      label={`Me: ${me.name}`}
      items={[
        { label: 'View profile', onSelect: () => void navigate(`/in/${me.handle}`) },
        {
          label: 'Edit profile',
          onSelect: () => void navigate(`/in/${me.handle}?edit=profile`),
        },
        { label: 'Connections', onSelect: () => void navigate('/connections') },
        {
          label: 'Manage invitations',
          onSelect: () => void navigate('/mynetwork/invitation-manager/received'),
        },
        { label: 'Settings', onSelect: () => void navigate('/settings') },
        ...(me.role === 'admin'
          ? [{ label: 'Admin', onSelect: () => void navigate('/admin') }]
          : []),
        { label: 'Sign out', onSelect: () => void leave() },
      ]}
    >
      <Icon name="me" />
      <span className="navlink-label">Me ▾</span>
    </MenuButton>
  );
}
