// Copies non-TypeScript files the code reads at run time (seed CSVs) next to the compiled JS.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) continue;
    if (entry === 'seed-data' || entry === 'sample') {
      cpSync(path, join('dist', path), { recursive: true });
    } else if (entry !== 'node_modules') {
      walk(path);
    }
  }
}
walk('libs');
walk('apps');
