import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['collector/test/**/*.test.ts'], environment: 'node' } });
