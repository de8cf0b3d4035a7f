/* Jest globalSetup: build the template database once per schema version. */
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

// globalSetup runs outside Jest's module mapper, so resolve the @pilar/* aliases here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tsconfig = require('../tsconfig.json') as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({ baseUrl: join(__dirname, '..'), paths: tsconfig.compilerOptions.paths });

export default async function globalSetup(): Promise<void> {
  const { ensureTemplateDatabase, dropStaleTestDatabases } =
    await import('@pilar/testing/test-database');
  await dropStaleTestDatabases();
  process.env.PILAR_TEST_TEMPLATE = await ensureTemplateDatabase(join(__dirname, '..'));
}
