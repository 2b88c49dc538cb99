/** src/relay, wherever the code runs from: tsx (CommonJS), vitest and Playwright all provide __dirname. */
export const RELAY_ROOT = __dirname
