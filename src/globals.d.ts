/** Injected at build time from package.json (scripts/build.mjs, vitest.config.ts). */
declare const __VERSION__: string;
