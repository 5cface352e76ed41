// Package navigator is globalThis.navigator as workerd gives it
// (https://developers.cloudflare.com/workers/runtime-apis/web-standards/#navigator):
// userAgent "Cloudflare-Workers" and hardwareConcurrency 1. Knowingly
// missing: navigator.language(s), which needs a compatibility flag on the
// platform, and sendBeacon.
//
// Imports: goja, runtime/module. Never edgedev/runtime. Concurrency: none.
package navigator
