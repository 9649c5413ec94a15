import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_CURRENCY, isCurrency } from './bot/currency.js';
import type { ReminderConfig } from './bot/deliveries.js';
import { AppError } from './errors.js';

const onOff = z.enum(['on', 'off']);

/** Every setting the app reads. This is the only file that looks at process.env. */
const schema = z.object({
  /** development | production | test; production turns the web chat off unless WEB_CHAT=on. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Interface to listen on; the Docker image sets 0.0.0.0. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** HTTP port; 0 picks a free one (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** A MongoDB server; unset = the embedded FerretDB store under DATA_DIR. */
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  /** Where the embedded store keeps its files. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Bearer token for /api; unset = the admin API answers 503. Never defaulted. */
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The local web chat at /web. */
  WEB_CHAT: onOff.optional(),
  /**
   * Who may use the web chat: `demo` (pick anyone, development only) or `sign-in` (a one-time
   * link through Slack/Lark or an admin's invite, then a session cookie). Production: sign-in;
   * `demo` there is allowed but logged as an unsafe setting.
   */
  WEB_AUTH: z.enum(['demo', 'sign-in']).optional(),
  /** Signs the web chat's session cookies; required in production with the web chat on. */
  WEB_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The address people reach this server at (sign-in links); required in production with the web chat on. */
  PUBLIC_URL: z.url().optional(),
  /**
   * Seed the demo company (with its admin) into an empty store. Off in production unless
   * `force`d: `on` there is refused, so a stray value never hands a live install a demo admin.
   */
  SEED_DEMO: z.enum(['on', 'off', 'force']).optional(),
  /** Run the flows' scheduled jobs (absences, idle customers, ticket reminders). */
  SCHEDULER: onOff.default('on'),
  /** Local time (each person's own zone) of the morning digest, on their workdays. */
  DIGEST_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm, like 09:00')
    .default('09:00'),
  /** Default quiet hours (local): reminders that fall inside wait until they end; a person may set their own. */
  QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm-HH:mm, like 20:00-08:00')
    .default('20:00-08:00'),
  /** An approval waiting this long gets its approvers a reminder, once per such period. */
  APPROVAL_REMINDER_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(24),
  /**
   * Days a finished CSV import job (and its report) and a web upload never attached to a request
   * are kept; the housekeeping job deletes them after that. Attached uploads stay with their request.
   */
  FILE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** The company's currency (ISO 4217): amounts typed without one, unless a person has their own default. */
  CURRENCY: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrency, 'must be an ISO 4217 currency code, like CNY, USD or EUR')
    .default(DEFAULT_CURRENCY),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** json (one object per line, for collectors) or pretty (for a terminal); unset = pretty only in development. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** A prebuilt FerretDB binary; unset = build it once with Go into STORE_CACHE_DIR. */
  FERRETDB_BIN: z.string().min(1).optional(),
  /** Where the Go-built FerretDB binary is cached (outside the repository). */
  STORE_CACHE_DIR: z.string().min(1).optional(),
  /** Milliseconds a database call may wait for an unreachable server before the user is told to retry. */
  DB_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2500),
  /** Lark/Feishu app credentials (developer console → Credentials); the adapter is on when both are set. */
  LARK_APP_ID: z.string().min(1).optional(),
  LARK_APP_SECRET: z.string().min(1).optional(),
  /** Events & Callbacks → Encryption strategy; checked on every plain event. Never defaulted. */
  LARK_VERIFICATION_TOKEN: z.string().min(1).optional(),
  /** Same page; when set, events arrive AES-encrypted and signed. */
  LARK_ENCRYPT_KEY: z.string().min(1).optional(),
  /** feishu (China), lark (global) or a base URL (tests point it at a local server). */
  LARK_DOMAIN: z
    .string()
    .regex(/^(feishu|lark|https?:\/\/\S+)$/, 'must be feishu, lark or an http(s):// base URL')
    .default('feishu'),
  /** webhook: Lark posts to /lark/events; ws: the SDK's long connection (no public URL needed). */
  LARK_CONNECTION: z.enum(['webhook', 'ws']).default('webhook'),
  /** Slack app → Basic Information → Signing Secret. With SLACK_BOT_TOKEN it turns Slack on. */
  SLACK_SIGNING_SECRET: z.string().min(8, 'must be at least 8 characters').optional(),
  /** Slack app → OAuth & Permissions → Bot User OAuth Token (xoxb-…). */
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must start with xoxb-').optional(),
  /** Slack app → Basic Information → App-Level Token (xapp-…, connections:write): Socket Mode. */
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must start with xapp-').optional(),
  /** The slash command the app answers, as set up in the Slack app. */
  SLACK_COMMAND: z
    .string()
    .regex(/^\/[\w-]{1,31}$/, 'must look like /assistant')
    .default('/assistant'),
  /** Slack Web API base URL; unset = https://slack.com/api/ (GovSlack, tests). */
  SLACK_API_URL: z.url().optional(),
});

/** Keys that must be set together: naming the missing one beats a half-configured adapter. */
const SLACK_REQUIRED = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'] as const;

const LARK_DOMAINS: Record<string, string> = {
  feishu: 'https://open.feishu.cn',
  lark: 'https://open.larksuite.com',
};
const LARK_REQUIRED = ['LARK_APP_ID', 'LARK_APP_SECRET', 'LARK_VERIFICATION_TOKEN'] as const;

export type LarkConfig = {
  appId: string;
  appSecret: string;
  verificationToken: string;
  encryptKey?: string;
  /** Base URL of the Open API, without a trailing slash. */
  domain: string;
  connection: 'webhook' | 'ws';
};

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  mongodbUri?: string;
  dataDir: string;
  adminToken?: string;
  webChat: boolean;
  /** `demo`: anyone picks anyone (development); `sign-in`: a session per person. */
  webAuth: 'demo' | 'sign-in';
  /** Unset outside production: then a random one per process (sessions end with it). */
  webSessionSecret?: string;
  publicUrl?: string;
  seedDemo: boolean;
  /** Settings that are allowed but unsafe, to be logged loudly at start-up. */
  warnings: string[];
  scheduler: boolean;
  reminders: ReminderConfig;
  /** See FILE_RETENTION_DAYS. */
  fileRetentionDays: number;
  currency: string;
  logLevel: string;
  logFormat: 'json' | 'pretty';
  ferretdbBin?: string;
  storeCacheDir: string;
  dbTimeoutMs: number;
  lark?: LarkConfig;
  /** Present when the Slack adapter is on. */
  slack?: {
    signingSecret: string;
    botToken: string;
    appToken?: string;
    command: string;
    apiUrl?: string;
  };
};

/**
 * Parses the environment once. All problems are reported together in one line, so a
 * misconfigured deployment is fixed in one round.
 * @example loadConfig({ PORT: '8080' }).port // 8080
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const key = String(i.path[0]);
        const got = present[key];
        const shown = got === undefined || /TOKEN|URI|SECRET|KEY/.test(key) ? '' : ` (got "${got}")`;
        return `${key} ${i.message}${shown}`;
      });
  // half a Lark setup is a mistake, not "Lark off": name what is missing
  const larkSet = LARK_REQUIRED.filter((k) => present[k] !== undefined);
  if (larkSet.length > 0 || present.LARK_ENCRYPT_KEY !== undefined) {
    for (const k of LARK_REQUIRED.filter((k) => present[k] === undefined))
      problems.push(`${k} is required when Lark is configured`);
  }
  // the SDK's long-connection client logs and quietly stays offline for an id not shaped like Lark's
  if (present.LARK_CONNECTION === 'ws' && !/^cli_[0-9a-f]{16}$/i.test(present.LARK_APP_ID ?? ''))
    problems.push(
      'LARK_APP_ID must be cli_ and 16 hex digits (Developer Console → Credentials) for LARK_CONNECTION=ws',
    );
  const slackKeys = Object.keys(present).filter((k) => k.startsWith('SLACK_') && k !== 'SLACK_COMMAND');
  if (slackKeys.length > 0) {
    for (const key of SLACK_REQUIRED.filter((k) => !(k in present))) {
      problems.push(`${key} is required when ${slackKeys.join(', ')} is set`);
    }
  }
  if (present.NODE_ENV === 'production' && present.SEED_DEMO === 'on')
    problems.push(
      'SEED_DEMO=on is refused in production (it creates a demo admin); set SEED_DEMO=force to seed anyway',
    );
  if (present.NODE_ENV === 'production' && present.WEB_CHAT === 'on' && present.WEB_AUTH !== 'demo') {
    for (const key of ['WEB_SESSION_SECRET', 'PUBLIC_URL'])
      if (present[key] === undefined) problems.push(`${key} is required in production with WEB_CHAT=on`);
  }
  if (!parsed.success || problems.length > 0)
    throw new AppError('config.invalid', `Invalid configuration: ${problems.join('; ')}`);
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  const webChat = c.WEB_CHAT ? c.WEB_CHAT === 'on' : !production;
  const seedDemo = c.SEED_DEMO ? c.SEED_DEMO !== 'off' : !production;
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    mongodbUri: c.MONGODB_URI,
    dataDir: resolve(c.DATA_DIR),
    adminToken: c.ADMIN_TOKEN,
    webChat,
    webAuth: c.WEB_AUTH ?? (production ? 'sign-in' : 'demo'),
    webSessionSecret: c.WEB_SESSION_SECRET,
    publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
    seedDemo,
    warnings: [
      ...(production && webChat && c.WEB_AUTH === 'demo'
        ? ['WEB_AUTH=demo in production: anyone who reaches /web can act as any employee, the admin too']
        : []),
      ...(production && seedDemo
        ? ['SEED_DEMO=force in production: the demo company and its admin are seeded']
        : []),
    ],
    scheduler: c.SCHEDULER === 'on',
    reminders: {
      digestAt: c.DIGEST_TIME,
      quiet: { start: c.QUIET_HOURS.slice(0, 5), end: c.QUIET_HOURS.slice(6) },
      approvalReminderHours: c.APPROVAL_REMINDER_HOURS,
    },
    fileRetentionDays: c.FILE_RETENTION_DAYS,
    currency: c.CURRENCY,
    logLevel: c.LOG_LEVEL,
    logFormat: c.LOG_FORMAT ?? (c.NODE_ENV === 'development' ? 'pretty' : 'json'),
    ferretdbBin: c.FERRETDB_BIN,
    storeCacheDir: resolve(
      c.STORE_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'workplace-assistant'),
    ),
    dbTimeoutMs: c.DB_TIMEOUT_MS,
    lark: larkConfig(c),
    slack:
      c.SLACK_SIGNING_SECRET && c.SLACK_BOT_TOKEN
        ? {
            signingSecret: c.SLACK_SIGNING_SECRET,
            botToken: c.SLACK_BOT_TOKEN,
            appToken: c.SLACK_APP_TOKEN,
            command: c.SLACK_COMMAND,
            // the WebClient joins method names onto it, so it must end in a slash
            apiUrl: c.SLACK_API_URL?.replace(/\/?$/, '/'),
          }
        : undefined,
  };
}

function larkConfig(c: z.infer<typeof schema>): LarkConfig | undefined {
  if (!c.LARK_APP_ID || !c.LARK_APP_SECRET || !c.LARK_VERIFICATION_TOKEN) return undefined;
  return {
    appId: c.LARK_APP_ID,
    appSecret: c.LARK_APP_SECRET,
    verificationToken: c.LARK_VERIFICATION_TOKEN,
    encryptKey: c.LARK_ENCRYPT_KEY,
    domain: LARK_DOMAINS[c.LARK_DOMAIN] ?? c.LARK_DOMAIN.replace(/\/+$/, ''),
    connection: c.LARK_CONNECTION,
  };
}
