/** Unit tests sit next to the code (*.spec.ts); cross-module e2e tests in test/ (*.e2e-spec.ts). */
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  if (alias.endsWith('/*')) continue;
  moduleNameMapper[`^${alias}$`] = `<rootDir>/${target}`;
  moduleNameMapper[`^${alias}/(.*)$`] = `<rootDir>/${target}/$1`;
}

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '(apps|libs|test)/.*\\.(spec|e2e-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json', diagnostics: false }],
    // ESM-only dependencies, which Node requires as they are but Jest cannot: compiled to CommonJS.
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true }, diagnostics: false }],
  },
  // content-disposition 3 (of @fastify/static, serving the Swagger UI) is ESM only.
  transformIgnorePatterns: ['/node_modules/(?!.*content-disposition/)'],
  moduleNameMapper,
  globalSetup: '<rootDir>/test/global-setup.ts',
  // Each file gets its own database and Redis prefix, so files run in parallel.
  maxWorkers: 2,
  // Generous: a test that waits on the queue must not fail only because the machine is busy.
  testTimeout: 300_000,
};
