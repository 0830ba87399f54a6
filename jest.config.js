/** Jest runs TypeScript through SWC; integration tests share one database per worker. */
const swc = ['@swc/jest', { jsc: { target: 'es2022' } }]
// otplib's Base32 and hash plugins depend on packages published only as ES modules, which Jest
// cannot require on Node 20: SWC turns them into CommonJS like our own files.
const ES_ONLY_PACKAGES = '@scure/base|@noble/hashes'

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': swc,
    [`/node_modules/(${ES_ONLY_PACKAGES})/.+\\.js$`]: swc,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ES_ONLY_PACKAGES})/)(?!.*/node_modules/)`],
  setupFiles: ['<rootDir>/test/helpers/env.ts'],
  testTimeout: 180000,
  maxWorkers: 2,
}
