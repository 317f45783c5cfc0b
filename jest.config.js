/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/code/test/setup/environment.ts',
  roots: ['<rootDir>/code/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  testTimeout: 120000,
  globalSetup: '<rootDir>/code/test/global-setup.ts',
  // Emulators bind loopback ports and worker threads; keep parallelism modest on 2-core machines.
  maxWorkers: 2,
};
