import { memo, useCallback, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unblock } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { keys, refreshAfterChange, useBlocks, useRules } from '../../api/queries.js';
import type { Block, MemberSummary } from '../../api/types.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { InfiniteList } from '../../components/InfiniteList.js';
import { DatedMemberLine } from '../../components/MemberLine.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';
import { useMemberRowRemoval } from '../../components/use-member-row-removal.js';
import { firstName, plural } from '../../lib/member.js';

interface BlockedRowProps {
  block: Block;
  onUnblock: (member: MemberSummary) => void;
}

/** Memoised: loading the next page of a long list leaves the rows shown alone. */
const BlockedRow = memo(function BlockedRow({ block, onUnblock }: BlockedRowProps) {
  const { member, blockedAt } = block;
  return (
    <li className="invitation-row" data-member={member.handle}>
      <DatedMemberLine member={member} at={blockedAt} prefix="Blocked" size="small" />
      <div className="row-actions">
        <button
          type="button"
          className="button"
          aria-label={`Unblock ${member.name}`}
          onClick={() => onUnblock(member)}
        >
          Unblock
        </button>
      </div>
    </li>
  );
});

export function BlockedMembersSection() {
  const blocks = useBlocks();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [unblocking, setUnblocking] = useState<MemberSummary | null>(null);
  const lockHours = useRules()?.reblockLockHours;
  const heading = useRef<HTMLHeadingElement>(null);
  const { rows, removeRow } = useMemberRowRemoval(keys.blocks, heading);

  const lift = useMutation({
    mutationFn: (member: MemberSummary) => unblock(member.handle),
    onSuccess: (_result, member) => {
      toasts.show({ message: `${member.name} is no longer blocked.` });
      removeRow(member.handle);
      setUnblocking(null);
    },
    // Not awaited: the row has left already (see useMemberRowRemoval).
    onSettled: () => void refreshAfterChange(queryClient),
  });
  const { reset } = lift;
  const askToUnblock = useCallback(
    (member: MemberSummary) => {
      reset();
      setUnblocking(member);
    },
    [reset],
  );

  return (
    <section className="card" aria-labelledby="blocked-title">
      <h2 id="blocked-title" className="card-title" ref={heading} tabIndex={-1}>
        Blocked members
      </h2>
      {blocks.query.isPending ? (
        <Loading label="Loading blocked members…" />
      ) : blocks.query.isError ? (
        <LoadError error={blocks.query.error} onRetry={() => void blocks.query.refetch()} />
      ) : blocks.items.length === 0 ? (
        <EmptyState title="You haven't blocked anyone">
          <p>To block someone, open their profile and choose More, then Block.</p>
        </EmptyState>
      ) : (
        <InfiniteList list={blocks} noun={['blocked member', 'blocked members']}>
          <ul className="rows" aria-label="Blocked members" ref={rows}>
            {blocks.items.map((block) => (
              <BlockedRow key={block.member.handle} block={block} onUnblock={askToUnblock} />
            ))}
          </ul>
        </InfiniteList>
      )}
      {unblocking && (
        <ConfirmDialog
          open
          title={`Unblock ${unblocking.name}?`}
          confirmLabel="Unblock"
          onCancel={() => setUnblocking(null)}
          onConfirm={() => lift.mutate(unblocking)}
          busy={lift.isPending}
          error={lift.isError ? describeError(lift.error, { name: firstName(unblocking) }) : null}
        >
          <p>
            {firstName(unblocking)} will be able to see your profile and invite you again. If you
            change your mind, you can only block {firstName(unblocking)} again
            {lockHours === undefined ? ' later' : ` after ${plural(lockHours, 'hour')}`}.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
