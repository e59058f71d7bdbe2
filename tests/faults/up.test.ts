/**
 * `npx laurel up` with a Neo4j it starts itself (no NEO4J_URI, no Docker):
 * SIGTERM to the npx wrapper stops Laurel and that Neo4j; a Neo4j that dies
 * under it is noticed, reported and ends Laurel with a non-zero code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envWith, requireBuild, startWithNpx, type Running } from '../helpers/cli.js';
import { isAlive, portOpen, waitUntil, within } from '../helpers/processes.js';

const started: Running[] = [];
const env = envWith({ LAUREL_NO_DOCKER: '1', LAUREL_NEO4J_HEAP: process.env.LAUREL_NEO4J_HEAP ?? '512m' });

beforeAll(() => requireBuild());
afterAll(async () => {
  for (const r of started) await r.stop('SIGKILL', 5_000).catch(() => {});
});

/** Starts `npx laurel up` and reads what it prints: the API port, Neo4j's Bolt port and pid. */
async function up(): Promise<{ run: Running; port: number; bolt: number; pid: number }> {
  const run = startWithNpx(['up', '--port', '0'], env);
  started.push(run);
  const [, url] = (await run.waitFor(/GraphQL:\s+(http:\/\/\S+)/, 280_000)) as unknown as [string, string];
  const m = run.stdout().match(/Neo4j Bolt:\s+bolt:\/\/[\d.]+:(\d+) .*\(local server started by Laurel, pid (\d+)\)/);
  expect(m, run.stdout()).not.toBeNull();
  return { run, port: Number(new URL(url).port), bolt: Number(m![1]), pid: Number(m![2]) };
}

describe('`npx laurel up` with its own Neo4j', () => {
  it('stops Laurel and the Neo4j it started when the npx wrapper gets SIGTERM', async () => {
    const { run, port, bolt, pid } = await up();
    expect(isAlive(pid)).toBe(true);
    run.child.kill('SIGTERM');
    await waitUntil('Laurel, its Neo4j and their ports gone', 30_000, async () => !isAlive(pid) && !(await portOpen('127.0.0.1', port)) && !(await portOpen('127.0.0.1', bolt)));
  }, 360_000);

  it('says so and exits non-zero when the Neo4j it started dies', async () => {
    const { run, port, pid } = await up();
    process.kill(pid, 'SIGKILL');
    const code = await within('laurel up exits after its Neo4j died', 15_000, run.exit);
    expect(code, run.stderr()).not.toBe(0);
    expect(run.stderr()).toContain(`the Neo4j that Laurel started has stopped: Neo4j (pid ${pid}) exited`);
    expect(await portOpen('127.0.0.1', port)).toBe(false);
  }, 360_000);
});
