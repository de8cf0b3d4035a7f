import { Agent, request } from 'node:http';

export interface OpenLoopRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** A new body for each request. */
  body: () => string;
  /** Called with each answer's status and body (read only when this is given). */
  onAnswer?: (status: number, body: string) => void;
}

export interface OpenLoopResult {
  /** Requests sent (one every 1/rate s). */
  sent: number;
  /** Requests answered with a 2xx. */
  ok: number;
  /** Answers other than 2xx, and requests that failed or were still unanswered at the end. */
  failed: number;
  /** Per answered request: from the moment it was due to its last byte, ms. */
  latencies: number[];
  /**
   * Per request: how late the sender itself sent it, ms (its timer, its garbage collector). A
   * large figure here is the sender's stall, not the server's, though the latencies include it.
   */
  sendDelays: number[];
  seconds: number;
}

/**
 * Sends `req` to `base` at a constant `rate` per second for `seconds`, over at most `connections`
 * kept-alive connections, whatever the answers take (an open loop, as wrk2 does): a request that
 * finds every connection busy waits for one, and its latency counts from the moment it was due,
 * so a stall is seen by every request it delays (no coordinated omission). autocannon's
 * `overallRate` is no such measure: each connection sends its quota for the second back to back
 * as soon as the second starts, then idles, so every second begins saturated.
 */
export async function openLoop(
  base: string,
  req: OpenLoopRequest,
  rate: number,
  seconds: number,
  connections: number,
): Promise<OpenLoopResult> {
  const { hostname, port } = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const result: OpenLoopResult = {
    sent: 0,
    ok: 0,
    failed: 0,
    latencies: [],
    sendDelays: [],
    seconds,
  };
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const pending = new Set<Promise<void>>();
  /** Set once the run is over: answers after that are not counted. */
  let closed = false;

  const send = (due: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const body = req.body();
      const call = request(
        {
          hostname,
          port,
          agent,
          method: req.method,
          path: req.path,
          headers: { ...req.headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          if (req.onAnswer) res.on('data', (chunk: Buffer) => chunks.push(chunk));
          else res.resume();
          res.on('end', () => {
            if (closed) return resolve();
            req.onAnswer?.(res.statusCode!, Buffer.concat(chunks).toString());
            if (res.statusCode! >= 200 && res.statusCode! < 300) {
              result.ok++;
              result.latencies.push(performance.now() - due);
            } else result.failed++;
            resolve();
          });
        },
      );
      call.on('error', () => {
        if (!closed) result.failed++;
        resolve();
      });
      call.end(body);
    });

  // One tick a millisecond sends every request that has fallen due.
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const now = performance.now();
      while (result.sent < total && started + (result.sent * 1000) / rate <= now) {
        const due = started + (result.sent * 1000) / rate;
        result.sendDelays.push(now - due);
        const sending = send(due).finally(() => pending.delete(sending));
        pending.add(sending);
        result.sent++;
      }
      if (result.sent >= total) {
        clearInterval(timer);
        done();
      }
    }, 1);
  });
  // The last answers, for at most 10 s; what is still unanswered then counts as failed.
  await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, 10_000))]);
  closed = true;
  result.failed += pending.size;
  agent.destroy();
  return result;
}
