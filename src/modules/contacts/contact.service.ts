import { type Page, presentPage } from '../../db/pagination.js';
import { DomainError } from '../../lib/errors.js';
import type { ServiceDeps } from '../deps.js';
import { distinctValidEmails, emailColumn, parseCsv } from './contact.csv.js';
import { deleteContacts, insertContacts, listContacts } from './contact.repository.js';

/** An address book larger than this is refused rather than half imported. */
export const MAX_IMPORT_ENTRIES = 50_000;

export interface ImportResult {
  /** Distinct valid addresses now among the member's contacts. */
  imported: number;
  /** Entries left out: invalid addresses and repeats. */
  skipped: number;
  total: number;
}

export interface Contact {
  email: string;
  importedAt: string;
}

/** R8: the address book a member imports, so people they know can invite them under `email_or_contacts`. */
export class ContactService {
  constructor(private readonly deps: ServiceDeps) {}

  /** `source` is a list of addresses (JSON) or the text of a CSV file with an email column. */
  async import(memberId: string, source: string[] | string): Promise<ImportResult> {
    const entries = typeof source === 'string' ? emailColumn(parseCsv(source)) : source;
    if (entries.length > MAX_IMPORT_ENTRIES) {
      throw new DomainError(
        'validation_failed',
        `An import can hold at most ${MAX_IMPORT_ENTRIES.toLocaleString('en')} addresses; split the file.`,
      );
    }
    const { emails, total } = distinctValidEmails(entries);
    const at = this.deps.clock.now().toISOString();
    await this.deps.database.transaction((db) => insertContacts(db, memberId, emails, at));
    return { imported: emails.length, skipped: total - emails.length, total };
  }

  async list(
    memberId: string,
    options: { cursor?: string; limit: number },
  ): Promise<Page<Contact>> {
    const page = await listContacts(this.deps.database.db, memberId, {
      cursor: options.cursor,
      limit: options.limit,
    });
    return presentPage(page, (r) => ({ email: r.email, importedAt: r.created_at }));
  }

  async clear(memberId: string): Promise<void> {
    await deleteContacts(this.deps.database.db, memberId);
  }
}
