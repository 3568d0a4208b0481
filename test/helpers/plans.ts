import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../../src/db/types.js';

/** A parameter written as an SQL literal: text, a number, or a list of ids. */
function literal(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return literal(`{${value.join(',')}}`);
  if (typeof value !== 'string') throw new Error(`no literal for ${typeof value}`);
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * On PostgreSQL, the plan each connection keeps for a named statement and uses whatever its
 * values (database.ts sets plan_cache_mode to force_generic_plan): made without the values, it
 * weighs any member's rows as the average member's. PostgreSQL 15 has no EXPLAIN (GENERIC_PLAN),
 * so the query is prepared on one connection and its EXECUTE explained there.
 */
export async function genericPlan(db: Db, query: CompiledQuery): Promise<string> {
  return db.connection().execute(async (connection) => {
    await sql.raw(`prepare explained as ${query.sql}`).execute(connection);
    try {
      // EXECUTE takes its values written out: a utility statement has no parameters.
      const values = query.parameters.map(literal).join(', ');
      const result = await connection.executeQuery<Record<string, string>>(
        CompiledQuery.raw(`explain execute explained(${values})`),
      );
      return result.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await sql`deallocate explained`.execute(connection);
    }
  });
}
