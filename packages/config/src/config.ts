import { z } from 'zod';
import { ConfigError } from './errors';

/**
 * Secrets that earlier versions shipped in their source, refused everywhere: anyone can sign
 * tokens with them.
 */
const PUBLISHED_SECRETS = new Set(['duban-development-only-jwt-secret-do-not-deploy']);

// Defaults match what `duban stack up` starts on one machine, so nothing needs setting locally.
const hostPort = z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'expected host:port, e.g. 127.0.0.1:7233');
const port = z.coerce.number().int().min(1).max(65535);

// One nats:// URL, or several separated by commas (a NATS cluster: the client tries each).
const natsUrls = z
  .string()
  .regex(
    /^nats:\/\/[A-Za-z0-9.-]+:\d{1,5}(,nats:\/\/[A-Za-z0-9.-]+:\d{1,5})*$/,
    'expected nats://host:port, e.g. nats://127.0.0.1:4222 (several: comma-separated)',
  );

/** The engines' shape: `single` (one of each, embedded) or `cluster` (infra/production/README.md). */
export type StackProfile = 'single' | 'cluster';

const EnvSchema = z.object({
  // `cluster`: Temporal server on PostgreSQL, three NATS nodes, FerretDB on PostgreSQL; it changes
  // the defaults of NATS_URL (the three nodes) and NATS_STREAM_REPLICAS (3).
  DUBAN_PROFILE: z.enum(['single', 'cluster']).default('single'),
  DUBAN_DATA_DIR: z.string().min(1).default('.data'),
  DUBAN_ENGINES_DIR: z.string().min(1).default('.engines'),
  TEMPORAL_ADDRESS: hostPort.default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_UI_PORT: port.default(8233),
  NATS_URL: natsUrls.optional(),
  // Replicas of each JetStream stream and of the handled-event bucket: 3 on a three-node cluster.
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).optional(),
  NATS_MONITOR_PORT: port.default(8222),
  // JetStream's fsync policy for the embedded nats-server: `always` syncs every acknowledged
  // message (survives a power failure); a duration (nats-server's default is 2m) syncs that often.
  NATS_SYNC: z
    .string()
    .regex(/^(always|\d+(ms|s|m))$/, 'expected always or a duration such as 2m, 10s, 500ms')
    .default('always'),
  // When set, Duban uses that MongoDB (e.g. a replica set) and starts no FerretDB.
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// URI')
    .optional(),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('duban'),
  FERRETDB_PORT: port.default(27017),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  // Signs the gateway's session tokens (HS256). Required in production; otherwise, when unset, the
  // stack generates one on its first start and keeps it in its data directory (./secret.ts).
  JWT_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .refine(
      (value) => !PUBLISHED_SECRETS.has(value),
      "this value is published in Duban's source; choose your own",
    )
    .optional(),
  // Leadership is alerted again when an item stays red this many days (DESIGN §5).
  ALERT_RED_ESCALATION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // A city other than Qingtongxia: its own list of units (.json or .xlsx) replaces the built-in
  // catalog (format: packages/units/README.md). Checked row by row when the gateway starts.
  DUBAN_UNITS_FILE: z
    .string()
    .regex(/\.(json|xlsx)$/i, 'expected a .json or .xlsx file')
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface DubanConfig {
  profile: StackProfile;
  dataDir: string;
  enginesDir: string;
  temporal: { address: string; namespace: string; uiPort: number };
  /** `url`: one URL or several comma-separated (connectBus splits them); `urls`: each of them. */
  nats: { url: string; urls: string[]; monitorPort: number; sync: string; streamReplicas: number };
  mongo: { uri: string; db: string; external: boolean; ferretPort: number };
  http: { port: number };
  logLevel: Env['LOG_LEVEL'];
  nodeEnv: string;
  /**
   * `jwtSecret`: JWT_SECRET, or null when it is not set. Then the gateway takes the secret its
   * data directory generated (`resolveJwtSecret`), or refuses to start in production; processes
   * that sign nothing run either way.
   */
  auth: { jwtSecret: string | null };
  alerts: { redEscalationDays: number };
  /** `file`: DUBAN_UNITS_FILE, the city's own list of units, or null for the built-in catalog. */
  units: { file: string | null };
}

/** Reads and validates the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): DubanConfig {
  const parsed = EnvSchema.safeParse(pickKnown(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  const e = parsed.data;
  const cluster = e.DUBAN_PROFILE === 'cluster';
  // The cluster profile's three nodes listen on the single node's port and the two after it.
  const natsUrl =
    e.NATS_URL ??
    (cluster ? 'nats://127.0.0.1:4222,nats://127.0.0.1:4223,nats://127.0.0.1:4224' : 'nats://127.0.0.1:4222');
  return {
    profile: e.DUBAN_PROFILE,
    dataDir: e.DUBAN_DATA_DIR,
    enginesDir: e.DUBAN_ENGINES_DIR,
    temporal: { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE, uiPort: e.TEMPORAL_UI_PORT },
    nats: {
      url: natsUrl,
      urls: natsUrl.split(','),
      monitorPort: e.NATS_MONITOR_PORT,
      sync: e.NATS_SYNC,
      streamReplicas: e.NATS_STREAM_REPLICAS ?? (cluster ? 3 : 1),
    },
    mongo: {
      uri: e.MONGODB_URI ?? `mongodb://127.0.0.1:${e.FERRETDB_PORT}/`,
      db: e.MONGODB_DB,
      external: e.MONGODB_URI !== undefined,
      ferretPort: e.FERRETDB_PORT,
    },
    http: { port: e.PORT },
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    auth: { jwtSecret: e.JWT_SECRET ?? null },
    alerts: { redEscalationDays: e.ALERT_RED_ESCALATION_DAYS },
    units: { file: e.DUBAN_UNITS_FILE ?? null },
  };
}

// Empty strings count as unset, as shells often export VAR= to clear a value.
function pickKnown(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}
