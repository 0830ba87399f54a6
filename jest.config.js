/** Jest runs TypeScript through SWC; integration tests share one database per worker. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  setupFiles: ['<rootDir>/test/helpers/env.ts'],
  testTimeout: 180000,
  maxWorkers: 2,
}
