import type { RuleConfig } from '../config.js';
import type { Database } from '../db/types.js';
import type { Clock } from '../lib/clock.js';

/** What every service needs: storage, the one clock, and the rule numbers. */
export interface ServiceDeps {
  database: Database;
  clock: Clock;
  rules: RuleConfig;
}
