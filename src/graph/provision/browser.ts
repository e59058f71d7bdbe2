/**
 * Neo4j Browser made ready for Laurel's graph, on every Neo4j Laurel starts
 * (and in docker-compose.yml): when Browser connects it applies Laurel's
 * GraSS style and opens Laurel's guide, both fetched from the Laurel server
 * (/browser/style.grass, /browser/guide.html), whose host it must allow;
 * and Browser sends no usage telemetry.
 */

/** Where Laurel serves the two files (the API's browser plugin). */
export const BROWSER_STYLE_PATH = '/browser/style.grass';
export const BROWSER_GUIDE_PATH = '/browser/guide.html';

/** The address a browser on this machine reaches a Laurel listening on host:port by. */
export function laurelUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** neo4j.conf settings (name → value) for a Neo4j whose Browser users reach Laurel at `laurel`. */
export function browserSettings(laurel: string): Record<string, string> {
  const host = new URL(laurel).hostname.replace(/^\[|\]$/g, '');
  const allowed = [...new Set([host, 'localhost', '127.0.0.1', 'guides.neo4j.com'])];
  return {
    // Browser runs each command (without its colon) once connected; `;` separates them.
    'browser.post_connect_cmd': `style ${laurel}${BROWSER_STYLE_PATH}; play ${laurel}${BROWSER_GUIDE_PATH}`,
    // Neo4j 5.26 still names the allowlist so (later versions call it remote_content_hostname_allowlist).
    'browser.remote_content_hostname_whitelist': allowed.join(','),
    'client.allow_telemetry': 'false',
  };
}

/** The same settings as the Neo4j Docker image reads them from the environment (`.` → `_`, `_` → `__`). */
export function browserSettingsEnv(laurel: string): Record<string, string> {
  return Object.fromEntries(Object.entries(browserSettings(laurel)).map(([k, v]) => [`NEO4J_${k.replace(/_/g, '__').replace(/\./g, '_')}`, v]));
}
