import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(__dirname, '..', '..');
const BUILD_DIR = join(ROOT, 'bench', 'out', 'dist');

/**
 * Compiles the apps as `npm run build` does, into bench/out/dist, so the worker runs as in
 * production (plain node, no TypeScript compiler in its memory).
 */
export function buildWorker(): string {
  const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);
  const project = join(ROOT, 'tsconfig.build.json');
  try {
    execFileSync(bin('tsc'), ['-p', project, '--outDir', BUILD_DIR], { stdio: 'pipe' });
  } catch {
    // Type errors elsewhere in the tree do not stop tsc from emitting JavaScript.
  }
  execFileSync(bin('tsc-alias'), ['-p', project, '--outDir', BUILD_DIR], { stdio: 'pipe' });
  return join(BUILD_DIR, 'apps', 'worker', 'src', 'main.js');
}

/** Resident memory of a process from /proc, in MiB: now (VmRSS) and its peak (VmHWM). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** The worker in a child process of its own, so its memory is measured alone. */
export class WorkerProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(main: string, env: Record<string, string>): Promise<WorkerProcess> {
    const child = spawn(process.execPath, [main], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ready = new Promise<void>((resolve, reject) => {
      // Its own output (warnings, errors) goes to ours; the boot line says it is ready.
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Pilar worker running.')) resolve();
        else process.stdout.write(chunk);
      });
      child.once('exit', (code) =>
        reject(new Error(`The worker exited (${code}) before it was ready`)),
      );
    });
    await Promise.race([
      ready,
      sleep(60_000).then(() => Promise.reject(new Error('Worker boot timed out'))),
    ]);
    return new WorkerProcess(child);
  }

  get pid(): number {
    return this.child.pid as number;
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
