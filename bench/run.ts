/* `npm run bench [area…]`: runs bench/<area>.bench.ts (all of them when no area is named). */
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename } from 'node:path';

async function main(): Promise<void> {
  const all = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => basename(f, '.bench.ts'))
    .sort();
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length)
    throw new Error(`Unknown bench: ${unknown.join(', ')} (have: ${all.join(', ')})`);
  console.log(`Pilar benchmarks on ${cpus().length} cores — ${new Date().toISOString()}`);
  for (const area of wanted.length ? wanted : all) {
    console.log(`\n== ${area}`);
    const mod = (await import(`./${area}.bench`)) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
