import { isIP } from 'node:net';
import { SQLITE_SYNCHRONOUS, type SqliteSynchronous } from './db/types.js';
import { editDistance } from './lib/edit-distance.js';

/** Environment → typed, validated configuration. Every RAPPORT_* variable of SPEC.md §6 lives here. */

export interface RuleConfig {
  noteMaxLength: number;
  weeklyInvitationLimit: number;
  maxOpenSent: number;
  maxConnections: number;
  dontKnowThreshold: number;
  dontKnowWindowDays: number;
  restrictionDays: number;
  reminderDays: number[];
  expiryDays: number;
  resendCooldownDays: number;
  reblockLockHours: number;
  pageCreditsPerMonth: number;
  eventWeeklyInvitationLimit: number;
  /** R8: wrong addresses a sender may give for one recipient within the window below. */
  emailAttemptsLimit: number;
  emailAttemptsWindowDays: number;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** SQLite's `synchronous` pragma: `full` keeps every commit across a power loss. */
  sqliteSynchronous: SqliteSynchronous;
  /** PostgreSQL: the connections of one process's pool; null for the default (database.ts). */
  databasePoolSize: number | null;
  smtpUrl: string | null;
  /** The From address of every mail. */
  mailFrom: string;
  /** Signs unsubscribe links; null means one kept in the database (see mailSecret). */
  secret: string | null;
  redisUrl: string | null;
  publicUrl: string;
  demoData: boolean;
  rateLimits: boolean;
  testClock: boolean;
  /** Passwords hashed at argon2id's lowest cost: for test instances only. */
  testFastPasswords: boolean;
  runJobs: boolean;
  jobIntervalMs: number;
  /** Lets webhooks reach private addresses and plain http (tests, private networks). */
  webhooksAllowPrivate: boolean;
  logLevel: string;
  /** The instance's name, shown by GET /instance. */
  instanceName: string;
  registration: RegistrationMode;
  /** Lower-case email domains allowed to sign up; empty allows any. */
  allowedEmailDomains: string[];
  /** Without it /metrics is not served. */
  metricsToken: string | null;
  devMailbox: boolean;
  /** R25: unverified members may not send invitations nor get mail other than the verification. */
  requireVerifiedEmail: boolean;
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses. */
  trustProxy: false | number | string[];
  rules: RuleConfig;
}

export const REGISTRATION_MODES = ['open', 'invite', 'closed'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Documentation of every variable, used by the CLI's --help and kept next to the parser. */
export const CONFIG_VARIABLES: { name: string; default: string; meaning: string }[] = [
  { name: 'RAPPORT_PORT', default: '3000', meaning: 'HTTP port' },
  { name: 'RAPPORT_HOST', default: '127.0.0.1', meaning: 'address to listen on' },
  {
    name: 'RAPPORT_DATABASE_URL',
    default: 'sqlite:./data/rapport.db',
    meaning: 'sqlite:<file> or postgres://user@host/db',
  },
  {
    name: 'RAPPORT_SQLITE_SYNCHRONOUS',
    default: 'normal',
    meaning:
      'normal (a commit survives a crash of the process) or full (an fsync per commit: it survives a power loss too)',
  },
  {
    name: 'RAPPORT_DATABASE_POOL_SIZE',
    default: '2 × CPUs + 1',
    meaning: 'PostgreSQL: connections each process keeps open',
  },
  {
    name: 'RAPPORT_SMTP_URL',
    default: '(none)',
    meaning: 'smtp://host:port; without it mail stays in the outbox',
  },
  {
    name: 'RAPPORT_MAIL_FROM',
    default: 'Rapport <no-reply@PUBLIC_URL host>',
    meaning: 'the From address of mail',
  },
  {
    name: 'RAPPORT_SECRET',
    default: '(kept in the database)',
    meaning:
      'at least 32 characters that sign unsubscribe links; unset, one is made once and stored',
  },
  {
    name: 'RAPPORT_REDIS_URL',
    default: '(none)',
    meaning: 'redis://host:port for shared rate limits',
  },
  { name: 'RAPPORT_PUBLIC_URL', default: 'http://HOST:PORT', meaning: 'base URL used in emails' },
  { name: 'RAPPORT_DEMO_DATA', default: '0', meaning: '1 seeds demo members on an empty database' },
  { name: 'RAPPORT_RATE_LIMITS', default: 'on', meaning: 'off disables request rate limits' },
  {
    name: 'RAPPORT_TEST_CLOCK',
    default: '0',
    meaning: '1 enables the test clock routes (tests only)',
  },
  {
    name: 'RAPPORT_TEST_FAST_PASSWORDS',
    default: '0',
    meaning: '1 hashes passwords at argon2id’s lowest cost (tests only)',
  },
  {
    name: 'RAPPORT_JOBS',
    default: 'on',
    meaning: 'off leaves jobs to a separate `rapport worker`',
  },
  {
    name: 'RAPPORT_LOG_LEVEL',
    default: 'info',
    meaning: 'fatal, error, warn, info, debug, trace or silent',
  },
  {
    name: 'RAPPORT_JOB_INTERVAL_SECONDS',
    default: '5',
    meaning: 'how often `serve` (with RAPPORT_JOBS on) and `worker` run due jobs',
  },
  {
    name: 'RAPPORT_WEBHOOKS_ALLOW_PRIVATE',
    default: '0',
    meaning: '1 lets webhooks use plain http and private addresses (tests, private networks)',
  },
  { name: 'RAPPORT_INSTANCE_NAME', default: 'Rapport', meaning: 'the name GET /instance shows' },
  {
    name: 'RAPPORT_REGISTRATION',
    default: 'open',
    meaning: 'open, invite (sign-up needs an invite code) or closed',
  },
  {
    name: 'RAPPORT_ALLOWED_EMAIL_DOMAINS',
    default: '(any)',
    meaning: 'comma-separated email domains allowed to sign up, like "a.com,b.org"',
  },
  {
    name: 'RAPPORT_METRICS_TOKEN',
    default: '(none)',
    meaning:
      'at least 16 characters; /metrics answers only this bearer token, and without it is not served',
  },
  {
    name: 'RAPPORT_DEV_MAILBOX',
    default: '0',
    meaning: '1 serves the development mailbox /dev/mailbox (to this machine, without SMTP)',
  },
  {
    name: 'RAPPORT_REQUIRE_VERIFIED_EMAIL',
    default: '1',
    meaning:
      '0 lets members with an unverified email send invitations and get every mail (verification is then only shown)',
  },
  {
    name: 'RAPPORT_TRUST_PROXY',
    default: '(none)',
    meaning:
      'reverse proxies to trust for the client address: a hop count or comma-separated addresses',
  },
];

export const RULE_DEFAULTS: RuleConfig = {
  noteMaxLength: 300,
  weeklyInvitationLimit: 100,
  maxOpenSent: 3000,
  maxConnections: 30000,
  dontKnowThreshold: 5,
  dontKnowWindowDays: 90,
  restrictionDays: 30,
  reminderDays: [3, 10],
  expiryDays: 180,
  resendCooldownDays: 21,
  reblockLockHours: 48,
  pageCreditsPerMonth: 100,
  eventWeeklyInvitationLimit: 1000,
  emailAttemptsLimit: 3,
  emailAttemptsWindowDays: 30,
};

/**
 * The rule numbers below which a rule stops making sense rather than being turned off: every
 * invitation expiring at once, every sender restricted from their first send, every address
 * check exhausted before the first. The others may be 0.
 */
const RULE_MINIMUMS: Partial<Record<keyof RuleConfig, number>> = {
  expiryDays: 1,
  dontKnowThreshold: 1,
  dontKnowWindowDays: 1,
  emailAttemptsLimit: 1,
  emailAttemptsWindowDays: 1,
};

/** The largest any rule number may be set to, the connection limit (R7) among them. */
export const RULE_MAXIMUM = 10_000_000;

function isRuleKey(key: string): key is keyof RuleConfig {
  return Object.hasOwn(RULE_DEFAULTS, key);
}

/** `weeklyInvitationLimit` → `RAPPORT_WEEKLY_INVITATION_LIMIT` */
export function ruleVariable(key: string): string {
  return 'RAPPORT_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The test suite's and the bench's own variables (a database to test on, and the like). */
const NOT_SETTINGS = /^RAPPORT_(TEST|BENCH)_/;
/** How far a misspelt name may be from a setting's for the warning to suggest it. */
const SUGGESTION_DISTANCE = 3;

/**
 * A warning for each RAPPORT_ variable in `env` that is no setting, naming the setting it
 * resembles: a misspelt rule number would otherwise leave its default in force without a word.
 */
export function unknownSettingWarnings(env: Env = process.env): string[] {
  const known = [
    ...CONFIG_VARIABLES.map((v) => v.name),
    ...Object.keys(RULE_DEFAULTS).map(ruleVariable),
  ];
  return Object.keys(env)
    .filter((name) => name.startsWith('RAPPORT_') && !known.includes(name))
    .filter((name) => !NOT_SETTINGS.test(name))
    .sort()
    .map((name) => {
      const [nearest] = known
        .map((setting) => ({ setting, distance: editDistance(name, setting) }))
        .filter((k) => k.distance <= SUGGESTION_DISTANCE)
        .sort((a, b) => a.distance - b.distance);
      const hint = nearest ? `; did you mean ${nearest.setting}?` : '.';
      return `${name} is not a setting of Rapport and is ignored${hint}`;
    });
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'off', 'no'].includes(raw)) return false;
    problems.push(`${name} must be on/off (or 1/0), got "${env[name]}"`);
    return fallback;
  };

  const url = (name: string, protocols: string[]): string | null => {
    const raw = env[name];
    if (raw === undefined || raw === '') return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must start with ${protocols.join(' or ')}, got "${raw}"`);
      }
    } catch {
      problems.push(`${name} is not a valid URL: "${raw}"`);
    }
    return raw;
  };

  const rules: RuleConfig = { ...RULE_DEFAULTS };
  for (const key of Object.keys(RULE_DEFAULTS).filter(isRuleKey)) {
    const name = ruleVariable(key);
    if (key === 'reminderDays') {
      const fallback = RULE_DEFAULTS.reminderDays;
      const raw = env[name];
      const days = raw ? raw.split(',').map((part) => Number(part.trim())) : fallback;
      if (
        days.some((d) => !Number.isInteger(d) || d < 1) ||
        days.length > 2 ||
        new Set(days).size < days.length
      ) {
        problems.push(
          `${name} must be one or two different whole numbers of days, like "3,10", got "${raw}"`,
        );
        rules.reminderDays = fallback;
      } else {
        rules.reminderDays = [...days].sort((a, b) => a - b);
      }
    } else {
      rules[key] = integer(name, RULE_DEFAULTS[key], RULE_MINIMUMS[key] ?? 0, RULE_MAXIMUM);
    }
  }

  const databaseUrl = env.RAPPORT_DATABASE_URL || 'sqlite:./data/rapport.db';
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    problems.push(
      `RAPPORT_DATABASE_URL must be sqlite:<file> or postgres://…, got "${databaseUrl}"`,
    );
  } else if (databaseUrl.trim() === 'sqlite:') {
    // Read as no file at all, it opened a database in memory that lost everything at exit.
    problems.push(
      'RAPPORT_DATABASE_URL names no file: give one, as in sqlite:./data/rapport.db (sqlite::memory: keeps the data in memory, until the process ends)',
    );
  }

  const synchronousName = (env.RAPPORT_SQLITE_SYNCHRONOUS || 'normal').toLowerCase();
  const sqliteSynchronous = SQLITE_SYNCHRONOUS.find((mode) => mode === synchronousName) ?? 'normal';
  if (sqliteSynchronous !== synchronousName) {
    problems.push(
      `RAPPORT_SQLITE_SYNCHRONOUS must be one of ${SQLITE_SYNCHRONOUS.join(', ')}, got "${env.RAPPORT_SQLITE_SYNCHRONOUS}"`,
    );
  }

  const logLevel = env.RAPPORT_LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`RAPPORT_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const secret = env.RAPPORT_SECRET || null;
  if (secret !== null && secret.length < 32) {
    problems.push(
      'RAPPORT_SECRET must be at least 32 characters long, like the output of `openssl rand -base64 32`',
    );
  }
  const mailFrom = env.RAPPORT_MAIL_FROM || defaultMailFrom(env.RAPPORT_PUBLIC_URL);
  if (!/^[^\r\n]*@[^\r\n]+$/.test(mailFrom)) {
    problems.push(
      `RAPPORT_MAIL_FROM must be an address like "Rapport <no-reply@example.org>", got "${mailFrom}"`,
    );
  }

  const registrationName = env.RAPPORT_REGISTRATION || 'open';
  // An unknown mode is reported below, and a config with problems is never returned.
  const registration = REGISTRATION_MODES.find((mode) => mode === registrationName) ?? 'open';
  if (registration !== registrationName) {
    problems.push(
      `RAPPORT_REGISTRATION must be one of ${REGISTRATION_MODES.join(', ')}, got "${registrationName}"`,
    );
  }
  const allowedEmailDomains = list(env.RAPPORT_ALLOWED_EMAIL_DOMAINS).map((d) => d.toLowerCase());
  for (const domain of allowedEmailDomains) {
    if (!DOMAIN.test(domain)) {
      problems.push(`RAPPORT_ALLOWED_EMAIL_DOMAINS holds "${domain}", which is not a domain name`);
    }
  }
  const metricsToken = env.RAPPORT_METRICS_TOKEN || null;
  if (metricsToken !== null && (metricsToken.length < 16 || /\s/.test(metricsToken))) {
    problems.push('RAPPORT_METRICS_TOKEN must be at least 16 characters long, without spaces');
  }

  const port = integer('RAPPORT_PORT', 3000, 0, 65535);
  const host = env.RAPPORT_HOST || '127.0.0.1';
  const config: Config = {
    port,
    host,
    databaseUrl,
    sqliteSynchronous,
    databasePoolSize: env.RAPPORT_DATABASE_POOL_SIZE
      ? integer('RAPPORT_DATABASE_POOL_SIZE', 0, 1, 1000)
      : null,
    smtpUrl: url('RAPPORT_SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    secret,
    redisUrl: url('RAPPORT_REDIS_URL', ['redis:', 'rediss:']),
    publicUrl: (url('RAPPORT_PUBLIC_URL', ['http:', 'https:']) ?? `http://${host}:${port}`).replace(
      /\/$/,
      '',
    ),
    demoData: flag('RAPPORT_DEMO_DATA', false),
    rateLimits: flag('RAPPORT_RATE_LIMITS', true),
    testClock: flag('RAPPORT_TEST_CLOCK', false),
    testFastPasswords: flag('RAPPORT_TEST_FAST_PASSWORDS', false),
    runJobs: flag('RAPPORT_JOBS', true),
    jobIntervalMs: integer('RAPPORT_JOB_INTERVAL_SECONDS', 5, 1, 3600) * 1000,
    webhooksAllowPrivate: flag('RAPPORT_WEBHOOKS_ALLOW_PRIVATE', false),
    logLevel,
    instanceName: env.RAPPORT_INSTANCE_NAME || 'Rapport',
    registration,
    allowedEmailDomains,
    metricsToken,
    devMailbox: flag('RAPPORT_DEV_MAILBOX', false),
    requireVerifiedEmail: flag('RAPPORT_REQUIRE_VERIFIED_EMAIL', true),
    trustProxy: trustProxy(env.RAPPORT_TRUST_PROXY, problems),
    rules,
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A hop count ("1") or the proxies' addresses and networks ("10.0.0.1,192.168.0.0/16"). */
function trustProxy(raw: string | undefined, problems: string[]): false | number | string[] {
  if (raw === undefined || raw.trim() === '') return false;
  if (/^\d+$/.test(raw.trim())) {
    const hops = Number(raw);
    if (hops >= 1 && hops <= 10) return hops;
  }
  const addresses = list(raw);
  const valid = addresses.every((a) => {
    const [address, bits, ...rest] = a.split('/');
    const version = isIP(address ?? '');
    if (version === 0 || rest.length > 0) return false;
    if (bits === undefined) return true;
    const n = Number(bits);
    return /^\d+$/.test(bits) && n <= (version === 4 ? 32 : 128);
  });
  if (valid && addresses.length > 0) return addresses;
  problems.push(
    `RAPPORT_TRUST_PROXY must be a hop count from 1 to 10 or comma-separated addresses (with an optional /bits), got "${raw}"`,
  );
  return false;
}

/** no-reply@ the public host name; an address or a bare host cannot take mail, so localhost then. */
function defaultMailFrom(publicUrl: string | undefined): string {
  let host = 'localhost';
  try {
    const name = new URL(publicUrl ?? '').hostname;
    if (/[a-z]/i.test(name) && name.includes('.') && !name.startsWith('[')) host = name;
  } catch {
    // An invalid RAPPORT_PUBLIC_URL is reported on its own.
  }
  return `Rapport <no-reply@${host}>`;
}
