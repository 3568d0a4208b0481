import { Migrator } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { migrations } from '../../src/db/migrations/index.js';
import type { Database, Db } from '../../src/db/types.js';
import { newMemberRow, type NewMember } from '../../src/modules/members/member.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './database.js';

export interface MigrationDatabase {
  readonly db: Db;
  /** Moves the database between migrations, up or down, one step at a time as the test asks. */
  migrator(): Migrator;
}

/**
 * A database of the test file's own, opened before its tests and dropped after them, and left
 * unmigrated so a migration's test can stop just before it, write rows, and run it.
 */
export function migrationDatabase(): MigrationDatabase {
  let throwaway: ThrowawayDatabase;
  let database: Database;
  beforeAll(async () => {
    throwaway = await createThrowawayDatabase();
    database = openDatabase(throwaway.url);
  });
  afterAll(async () => {
    await database.close();
    await throwaway.drop();
  });
  return {
    get db() {
      return database.db;
    },
    migrator: () =>
      new Migrator({
        db: database.db,
        provider: { getMigrations: () => Promise.resolve(migrations) },
      }),
  };
}

/**
 * A new member's row as the migrations a test stops at knew it: without the webhook count 0016
 * added (an undefined value is left out of an insert).
 */
export function earlyMemberRow(member: NewMember, at: string) {
  return { ...newMemberRow(member, at), active_webhooks: undefined };
}
