import { DomainError } from '../../lib/errors.js';
import type { ServiceDeps } from '../deps.js';
import { closeForLeaving, withdrawEverySent } from '../invitations/invitation.commands.js';
import { findMemberById, lockMembers } from '../members/member.service.js';
import { eraseMember, runAlone } from './leaving.repository.js';
import { verifyPassword } from './password.js';

/** R29: a member leaves, in one transaction, and leaves no trace with anyone else. */
export class LeavingService {
  constructor(private readonly deps: ServiceDeps) {}

  async leave(memberId: string, password: string): Promise<void> {
    const member = await findMemberById(this.deps.database.db, memberId);
    if (!member || !(await verifyPassword(member.password_hash, password))) {
      throw new DomainError('wrong_password', 'The password is not right.');
    }
    const env = { now: this.deps.clock.now(), rules: this.deps.rules };
    await this.deps.database.transaction(async (tx) => {
      // The lock every send and accept takes on its members: none of theirs runs half before this.
      const locked = (await lockMembers(tx, [memberId, memberId])).get(memberId);
      if (locked.deleted_at) return;
      const alone = await runAlone(tx, memberId);
      await withdrawEverySent(tx, memberId, 'leaving', env);
      await closeForLeaving(
        tx,
        memberId,
        [
          { kind: 'page', ids: alone.pages },
          { kind: 'event', ids: alone.events },
        ],
        env,
      );
      await eraseMember(tx, locked, alone, env.now.toISOString());
    });
  }
}
