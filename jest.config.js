/** Jest runs TypeScript through esbuild (ts-jest does not support TypeScript 7, and esbuild is already our bundler). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '\\.ts$': '<rootDir>/scripts/jest-esbuild-transform.js' },
  testTimeout: 60000,
};
