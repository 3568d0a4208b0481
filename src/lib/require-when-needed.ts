import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loads a CommonJS dependency the first time a feature needs it. The PostgreSQL driver, the Redis
 * client and the SMTP library each cost megabytes in every process that imports them, and a
 * process on SQLite without Redis or SMTP, the default, uses none of them.
 */
export function requireWhenNeeded<T>(name: 'pg' | 'ioredis' | 'nodemailer'): T {
  // The caller names the module's type; require itself cannot know it.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return require(name) as T;
}
