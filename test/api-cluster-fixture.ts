/*
 * A stand-in API for test/api-cluster.e2e-spec.ts: the real supervisor (apps/api/src/cluster.ts)
 * over workers that only listen, so the test exercises restarts and shutdown without Nest.
 * FIXTURE_FAIL_BOOT=1 makes every worker exit before it listens.
 */
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { superviseApi } from '../apps/api/src/cluster';

if (cluster.isPrimary) {
  superviseApi(2, () => console.log('ready'));
} else if (process.env.FIXTURE_FAIL_BOOT) {
  process.exit(1);
} else {
  const server = createServer((_req, res) => res.end('ok'));
  server.listen(0, () => console.log(`worker ${process.pid} listening`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
