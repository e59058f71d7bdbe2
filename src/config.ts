/**
 * Configuration from the environment, parsed and validated once at start.
 * Every setting has a safe local default; nothing else reads process.env.
 */
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().default('neo4j'),
  /** Version of the Neo4j server Laurel provisions when none is configured. */
  LAUREL_NEO4J_VERSION: z.string().regex(/^5\.26\.\d+$/, 'must be a 5.26 LTS version such as 5.26.30').default('5.26.30'),
  LAUREL_NEO4J_IMAGE: z.string().default('neo4j:5.26-community'),
  LAUREL_NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'like 512m or 1g').default('1g'),
  /** Page cache of a Neo4j Laurel starts; large graphs (the API benchmark) want it to hold the store. */
  LAUREL_NEO4J_PAGECACHE: z.string().regex(/^\d+[mg]$/, 'like 256m or 2g').default('256m'),
  /** Skip the Docker attempt (for example where a daemon answers but cannot pull). */
  LAUREL_NO_DOCKER: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('')
    .transform((v) => v === '1' || v === 'true'),
  /** The JDK that runs a locally provisioned Neo4j (bin/java under it); else `java` on PATH. */
  JAVA_HOME: z.string().optional(),
  LAUREL_CACHE_DIR: z.string().optional(),
  XDG_CACHE_HOME: z.string().optional(),
  LAUREL_HOST: z.string().default('127.0.0.1'),
  LAUREL_PORT: port.default(4000),
  LAUREL_API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LAUREL_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Neo4j queries one API client (address) may have running at once; the rest wait their turn. */
  LAUREL_QUERIES_PER_CLIENT: z.coerce.number().int().positive().default(2),
  /**
   * Load balancers or proxies in front of the API (addresses or CIDR ranges,
   * comma-separated) whose X-Forwarded-For names the client: each client
   * then gets its share of Neo4j, not the proxy all of them together.
   */
  LAUREL_TRUST_PROXY: z
    .string()
    .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
    .refine((list) => list.every(isAddressOrRange), 'must be addresses or CIDR ranges, comma-separated, like 10.0.0.5,172.16.0.0/12')
    .optional(),
  /** Largest article file read, in MB (fractions allowed); larger ones are refused with a message. */
  LAUREL_MAX_ARTICLE_MB: z.coerce.number().positive().max(1024).default(4),
  /** `1` sends stack traces and the messages of unexpected errors to API clients; off, they see codes only. */
  LAUREL_DEBUG: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('')
    .transform((v) => v === '1' || v === 'true'),
});

function isAddressOrRange(v: string): boolean {
  const [address, bits, ...rest] = v.split('/');
  if (rest.length || !isIP(address!)) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(address!) === 4 ? 32 : 128));
}

export interface Config {
  neo4j: {
    /** Set when the user points Laurel at a running Neo4j. */
    uri?: string;
    username: string;
    password?: string;
    database: string;
    version: string;
    image: string;
    heap: string;
    pageCache: string;
    noDocker: boolean;
    /** JDK for the local Neo4j server; undefined means `java` on PATH. */
    javaHome?: string;
  };
  cacheDir: string;
  server: { host: string; port: number };
  apiToken?: string;
  /** LAUREL_QUERY_TIMEOUT_MS: how long one API request may take, whatever Neo4j does. */
  queryTimeoutMs: number;
  queriesPerClient: number;
  /** LAUREL_TRUST_PROXY: the proxies whose X-Forwarded-For names the client (none by default). */
  trustProxy: string[];
  /** LAUREL_DEBUG: stack traces and internal messages reach clients (never by default). */
  debug: boolean;
  /** LAUREL_MAX_ARTICLE_MB in bytes. */
  maxArticleBytes: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NEO4J_URI && !e.NEO4J_PASSWORD) {
    throw new ConfigError('NEO4J_URI is set but NEO4J_PASSWORD is not; set both (and NEO4J_USERNAME if not "neo4j")');
  }
  return {
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      version: e.LAUREL_NEO4J_VERSION,
      image: e.LAUREL_NEO4J_IMAGE,
      heap: e.LAUREL_NEO4J_HEAP,
      pageCache: e.LAUREL_NEO4J_PAGECACHE,
      noDocker: e.LAUREL_NO_DOCKER,
      javaHome: e.JAVA_HOME,
    },
    cacheDir: e.LAUREL_CACHE_DIR ?? join(e.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'laurel'),
    server: { host: e.LAUREL_HOST, port: e.LAUREL_PORT },
    apiToken: e.LAUREL_API_TOKEN,
    queryTimeoutMs: e.LAUREL_QUERY_TIMEOUT_MS,
    queriesPerClient: e.LAUREL_QUERIES_PER_CLIENT,
    trustProxy: e.LAUREL_TRUST_PROXY ?? [],
    debug: e.LAUREL_DEBUG,
    maxArticleBytes: Math.round(e.LAUREL_MAX_ARTICLE_MB * 1024 * 1024),
  };
}
