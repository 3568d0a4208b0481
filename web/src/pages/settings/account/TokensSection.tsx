import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  accountKeys,
  createToken,
  type NewToken,
  revokeToken,
  type Token,
  useTokens,
} from '../../../api/account.js';
import { describeError } from '../../../api/problem-messages.js';
import { BusyButton } from '../../../components/BusyButton.js';
import { focusIfLost } from '../../../components/focus-if-lost.js';
import { focusNextRow, rowWith } from '../../../components/focus-next-row.js';
import { InfiniteList } from '../../../components/InfiniteList.js';
import { RelativeTime } from '../../../components/RelativeTime.js';
import { EmptyState, ErrorNote, LoadError, Loading } from '../../../components/Status.js';
import { TextField } from '../../../components/TextField.js';

const EXPIRY_CHOICES = [
  { label: 'Never', days: undefined },
  { label: 'In 30 days', days: 30 },
  { label: 'In 90 days', days: 90 },
  { label: 'In a year', days: 365 },
] as const;

function TokenLine({ token }: { token: Token }) {
  return (
    <p className="meta">
      {token.scope === 'read' ? 'Read only' : 'Read and write'} ·{' '}
      <RelativeTime value={token.createdAt} prefix="Made" /> ·{' '}
      {token.lastUsedAt ? (
        <RelativeTime value={token.lastUsedAt} prefix="last used" />
      ) : (
        'never used'
      )}
      {' · '}
      {token.expiresAt ? (
        <RelativeTime value={token.expiresAt} prefix="expires" />
      ) : (
        'never expires'
      )}
    </p>
  );
}

/** R28: personal access tokens for scripts, with their scope and expiry. */
export function TokensSection() {
  const tokens = useTokens();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [expiry, setExpiry] = useState(0);
  const [made, setMade] = useState<NewToken | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens });
  const heading = useRef<HTMLHeadingElement>(null);
  const rows = useRef<HTMLUListElement>(null);

  const create = useMutation({
    mutationFn: () =>
      createToken({ name: name.trim(), scope, expiresInDays: EXPIRY_CHOICES[expiry]?.days }),
    onSuccess: (token) => {
      setMade(token);
      setName('');
    },
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeToken(id),
    onSuccess: (_result, id) => {
      // The revoked token's row goes away with its button: the keyboard moves on to another's.
      const row = rowWith(rows.current, 'token', id);
      focusNextRow(row, 'button', heading.current);
    },
    onSettled: refresh,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) create.mutate();
  }

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="card-title" ref={heading} tabIndex={-1}>
        Personal access tokens
      </h2>
      {tokens.query.isPending ? (
        <Loading label="Loading your tokens…" />
      ) : tokens.query.isError ? (
        <LoadError error={tokens.query.error} onRetry={() => void tokens.query.refetch()} />
      ) : tokens.items.length === 0 ? (
        <EmptyState title="No tokens yet">
          <p>A token lets a script use Rapport as you. Make one below.</p>
        </EmptyState>
      ) : (
        <InfiniteList list={tokens} noun={['token', 'tokens']}>
          <ul className="rows" aria-label="Tokens" ref={rows}>
            {tokens.items.map((token) => (
              <li key={token.id} className="invitation-row" data-token={token.id}>
                <div>
                  <p>
                    <strong>{token.name}</strong>
                  </p>
                  <TokenLine token={token} />
                </div>
                <div className="row-actions">
                  <BusyButton
                    className="button"
                    aria-label={`Revoke ${token.name}`}
                    busy={revoke.isPending}
                    onClick={() => revoke.mutate(token.id)}
                  >
                    Revoke
                  </BusyButton>
                </div>
              </li>
            ))}
          </ul>
        </InfiniteList>
      )}
      {revoke.isError && <ErrorNote>{describeError(revoke.error)}</ErrorNote>}
      {made && (
        // Keyed by token, so that each new one takes the focus its disabled button lost.
        <div key={made.id} role="status" className="stack" tabIndex={-1} ref={focusIfLost}>
          <p>
            Copy your new token now; it is not shown again: <code>{made.token}</code>
          </p>
        </div>
      )}
      <form className="form" onSubmit={submit}>
        <TextField
          id="token-name"
          label="Token name"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="field field-inline">
          <label htmlFor="token-scope">What it may do</label>
          <select
            id="token-scope"
            value={scope}
            onChange={(event) => setScope(event.target.value === 'write' ? 'write' : 'read')}
          >
            <option value="read">Read only</option>
            <option value="write">Read and write</option>
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="token-expiry">Expires</label>
          <select
            id="token-expiry"
            value={expiry}
            onChange={(event) => setExpiry(Number(event.target.value))}
          >
            {EXPIRY_CHOICES.map((choice, i) => (
              <option key={choice.label} value={i}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        {create.isError && <ErrorNote>{describeError(create.error)}</ErrorNote>}
        <div>
          <BusyButton
            type="submit"
            className="button button-primary"
            disabled={!name.trim()}
            busy={create.isPending}
          >
            Make token
          </BusyButton>
        </div>
      </form>
    </section>
  );
}
