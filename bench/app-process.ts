import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '@pilar/core';

const ROOT = join(__dirname, '..');
const BUILD_DIR = join(ROOT, 'bench', 'out', 'dist');

/** The compiled entry points of the two apps. */
export interface BuiltApps {
  api: string;
  worker: string;
}

/**
 * Compiles the apps as `npm run build` does, into bench/out/dist, so they run as in production:
 * plain node on JavaScript, no TypeScript compiler in their memory.
 */
export function buildApps(): BuiltApps {
  const built = {
    api: join(BUILD_DIR, 'apps', 'api', 'src', 'main.js'),
    worker: join(BUILD_DIR, 'apps', 'worker', 'src', 'main.js'),
  };
  // BENCH_REUSE_BUILD=1: run the previous build again (repeated runs, profiling).
  if (process.env.BENCH_REUSE_BUILD && existsSync(built.api) && existsSync(built.worker)) {
    return built;
  }
  const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);
  const project = join(ROOT, 'tsconfig.build.json');
  try {
    execFileSync(bin('tsc'), ['-p', project, '--outDir', BUILD_DIR], { stdio: 'pipe' });
  } catch {
    // A type error elsewhere in the tree does not stop tsc from emitting JavaScript.
  }
  execFileSync(bin('tsc-alias'), ['-p', project, '--outDir', BUILD_DIR], { stdio: 'pipe' });
  return built;
}

/**
 * The environment of an app run as in production on `config`'s database, Redis and secrets (a
 * bench's test configuration), logging warnings only: the figures are the work, not log I/O.
 */
export function productionEnvironment(config: AppConfig): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redis.url,
    REDIS_PREFIX: config.redis.prefix,
    JWT_ACCESS_SECRET: config.jwt.accessSecret,
    JWT_REFRESH_SECRET: config.jwt.refreshSecret,
    AGENCY_TIMEZONE: config.agency.timezone,
    AGENCY_KABUPATEN_KODE: config.agency.kabupatenKode,
    LOG_LEVEL: 'warn',
    PILAR_DEMO: 'false',
  };
}

/** A TCP port nobody listens on now, for an app that is told its port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process from /proc, in MiB: now (VmRSS) and its peak (VmHWM). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** The fields of /proc/<pid>/stat after the command (field 3 onwards). */
function statOf(pid: number): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
}

/** The processes a process has started (an API's cluster workers), read from /proc (Linux). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return Number(statOf(Number(entry))[1]) === pid; // ppid: field 4
      } catch {
        return false; // exited meanwhile
      }
    })
    .map(Number);
}

/**
 * One of the apps in a child process of its own, as it runs in production: configured by its
 * environment, ready once it prints its boot line, its CPU and memory measured apart from the
 * bench's own (which runs the load generator).
 */
export class AppProcess {
  private constructor(private readonly child: ChildProcess) {}

  /** The API: a primary and its cluster workers (API_PROCESSES, one per two cores by default). */
  static api(main: string, env: Record<string, string>): Promise<AppProcess> {
    return AppProcess.start(main, env, 'Pilar API listening', 120_000);
  }

  static worker(main: string, env: Record<string, string>): Promise<AppProcess> {
    return AppProcess.start(main, env, 'Pilar worker running.', 60_000);
  }

  private static async start(
    main: string,
    env: Record<string, string>,
    readyLine: string,
    timeoutMs: number,
  ): Promise<AppProcess> {
    const child = spawn(
      process.execPath,
      // BENCH_PROFILE=1: a V8 CPU profile of each process, written when it stops (open it in
      // Chrome DevTools); sampled in memory, so it does not slow the app as a live tick log does.
      [
        ...(process.env.BENCH_PROFILE
          ? ['--cpu-prof', '--cpu-prof-dir', join(ROOT, 'bench', 'out', 'profiles')]
          : []),
        // BENCH_NODE_ARGS: more flags for node, e.g. --trace-gc (not allowed in NODE_OPTIONS).
        ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        main,
      ],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const ready = new Promise<void>((resolve, reject) => {
      // Its own output (warnings, errors) goes to ours; the boot line says it is ready.
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes(readyLine)) resolve();
        else process.stdout.write(chunk);
      });
      child.once('exit', (code) =>
        reject(new Error(`${main} exited (${code}) before it was ready`)),
      );
    });
    await Promise.race([
      ready,
      sleep(timeoutMs).then(() => Promise.reject(new Error(`${main} did not boot in time`))),
    ]);
    return new AppProcess(child);
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** This process and those it started (an API's cluster workers). */
  pids(): number[] {
    return [this.pid, ...childrenOf(this.pid)];
  }

  /** CPU seconds (user + system) the given processes have used so far, together. */
  static cpuSeconds(pids: number[]): number {
    return pids
      .map((pid) => statOf(pid))
      .reduce((total, stat) => total + (Number(stat[11]) + Number(stat[12])) / 100, 0); // utime + stime, in ticks
  }

  memory(): { rss: number; peak: number } {
    return memoryOf(this.pid);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
