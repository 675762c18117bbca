// The most dist/Code.js may weigh. Every custom-function call loads the whole bundle, so it stays small;
// the build fails above it and a bundle test checks it. 165 KiB loads cold in about 10 ms (npm run bench).
export const BUNDLE_BUDGET_BYTES = 165 * 1024;
