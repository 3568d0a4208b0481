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
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
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
  runJobs: boolean;
  jobIntervalMs: number;
  logLevel: string;
  rules: RuleConfig;
}

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
};

function isRuleKey(key: string): key is keyof RuleConfig {
  return Object.hasOwn(RULE_DEFAULTS, key);
}

/** `weeklyInvitationLimit` → `RAPPORT_WEEKLY_INVITATION_LIMIT` */
export function ruleVariable(key: string): string {
  return 'RAPPORT_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

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
      if (days.some((d) => !Number.isInteger(d) || d < 1) || days.length > 2) {
        problems.push(
          `${name} must be one or two whole numbers of days, like "3,10", got "${raw}"`,
        );
        rules.reminderDays = fallback;
      } else {
        rules.reminderDays = [...days].sort((a, b) => a - b);
      }
    } else {
      rules[key] = integer(name, RULE_DEFAULTS[key], 0, 10_000_000);
    }
  }

  const databaseUrl = env.RAPPORT_DATABASE_URL || 'sqlite:./data/rapport.db';
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    problems.push(
      `RAPPORT_DATABASE_URL must be sqlite:<file> or postgres://…, got "${databaseUrl}"`,
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

  const port = integer('RAPPORT_PORT', 3000, 0, 65535);
  const host = env.RAPPORT_HOST || '127.0.0.1';
  const config: Config = {
    port,
    host,
    databaseUrl,
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
    runJobs: flag('RAPPORT_JOBS', true),
    jobIntervalMs: integer('RAPPORT_JOB_INTERVAL_SECONDS', 5, 1, 3600) * 1000,
    logLevel,
    rules,
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
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
