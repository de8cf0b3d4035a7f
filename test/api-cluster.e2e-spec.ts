import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The API's primary (apps/api/src/cluster.ts), over the stand-in workers of the fixture. */
function startPrimary(env: Record<string, string> = {}): {
  primary: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp) => Promise<void>;
  exited: Promise<number | null>;
} {
  const primary = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'api-cluster-fixture.ts')],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let text = '';
  const waiters: { pattern: RegExp; done: () => void }[] = [];
  const onData = (chunk: Buffer): void => {
    text += chunk.toString();
    for (const w of waiters.filter((w) => w.pattern.test(text))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.done();
    }
  };
  primary.stdout?.on('data', onData);
  primary.stderr?.on('data', onData);
  return {
    primary,
    output: () => text,
    waitFor: (pattern) =>
      new Promise((done) => (pattern.test(text) ? done() : waiters.push({ pattern, done }))),
    exited: new Promise((done) => primary.once('exit', (code) => done(code))),
  };
}

const workerPids = (text: string): number[] =>
  [...text.matchAll(/worker (\d+) listening/g)].map((m) => Number(m[1]));

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('API processes (node:cluster primary)', () => {
  it('replaces a worker that dies, and stops every worker on SIGTERM', async () => {
    const api = startPrimary();
    await api.waitFor(/^ready$/m);
    const [first, second] = workerPids(api.output());
    expect([first, second].every(isAlive)).toBe(true);

    process.kill(first, 'SIGKILL');
    await api.waitFor(/starting another/);
    await api.waitFor(/(worker \d+ listening[\s\S]*){3}/);
    const replacement = workerPids(api.output())[2];
    expect(replacement).not.toBe(first);

    api.primary.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect([second, replacement].some(isAlive)).toBe(false);
  });

  it('stops with exit code 1 when a worker cannot boot, instead of restarting it forever', async () => {
    const api = startPrimary({ FIXTURE_FAIL_BOOT: '1' });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('before it listened');
  });
});
