process.env.NODE_ENV = 'test'
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent'
process.env.SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789'
