import cluster, { Worker } from 'node:cluster';

/** How long the workers get to finish their requests and close their pools on shutdown. */
const STOP_TIMEOUT_MS = 30_000;

const say = (message: string): void => console.error(`[pilar api ${process.pid}] ${message}`);

/**
 * The primary of a multi-process API. Node runs JavaScript on one thread, so one process uses
 * one core however many the machine has; node:cluster runs `processes` copies of the API on one
 * port, the primary accepting connections and handing them round-robin to the workers.
 *
 * The primary serves nothing itself, it supervises:
 * - `onListening` runs once every worker listens (the ready message the scripts wait for);
 * - a worker that dies after it served is replaced; one that dies before it ever listened
 *   stops the whole API with exit code 1, as a single process failing its boot would (a
 *   replacement would fail the same way, forever);
 * - SIGTERM/SIGINT reach every worker (Nest's shutdown hooks close its server, pool and Redis;
 *   a second signal, as from Ctrl-C reaching the whole process group, is ignored there), and
 *   the primary exits once all have.
 */
export function superviseApi(processes: number, onListening: () => void): void {
  // Our own list: cluster.workers may still hold a worker after its 'exit' (until 'disconnect').
  const running = new Set<Worker>();
  const fork = (): void => void running.add(cluster.fork());
  const listened = new Set<number>();
  let announced = false;
  let stopping = false;
  let exitCode = 0;

  const stop = (code: number): void => {
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    if (running.size === 0) process.exit(exitCode);
    for (const worker of running) worker.process.kill('SIGTERM');
    setTimeout(() => {
      say(`workers still running after ${STOP_TIMEOUT_MS / 1000} s; killing them`);
      for (const worker of running) worker.process.kill('SIGKILL');
      process.exit(exitCode || 1);
    }, STOP_TIMEOUT_MS).unref();
  };

  cluster.on('listening', (worker) => {
    listened.add(worker.id);
    if (!announced && listened.size === processes) {
      announced = true;
      onListening();
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    running.delete(worker);
    const served = listened.delete(worker.id);
    if (stopping) {
      if (running.size === 0) process.exit(exitCode);
      return;
    }
    const how = signal ?? `code ${code}`;
    if (!served) {
      say(`worker ${worker.process.pid} exited (${how}) before it listened; stopping the API`);
      stop(1);
      return;
    }
    say(`worker ${worker.process.pid} exited (${how}); starting another`);
    fork();
  });

  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));

  for (let i = 0; i < processes; i++) fork();
}
