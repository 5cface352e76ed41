package kv

import "time"

// The limits of Workers KV that edgedev enforces. Numbers come from the
// platform docs (developers.cloudflare.com/kv/platform/limits/) and match
// Miniflare's KVLimits and MAX_BULK_GET_KEYS
// (workers-sdk packages/miniflare/src/workers/kv/constants.ts); see
// ../shared/reference/workers-platform.md (the team's shared folder) section 1.2.
const (
	// MaxKeyBytes is the longest key, in UTF-8 bytes (workerd kMaxKeyLength).
	MaxKeyBytes = 512

	// MaxValueBytes is the largest value: 25 MiB.
	MaxValueBytes = 25 << 20

	// MaxMetadataBytes is the largest metadata, measured as its JSON text.
	MaxMetadataBytes = 1024

	// MinExpirationTTL is the shortest expirationTtl, and how far in the
	// future an absolute expiration must be.
	MinExpirationTTL = 60 * time.Second

	// MinCacheTTL is the shortest cacheTtl a read may ask for. It was 60 s
	// until the 2026-01-30 changelog "Reduced minimum cache TTL for Workers
	// KV to 30 seconds".
	MinCacheTTL = 30 * time.Second

	// DefaultCacheTTL is the cacheTtl of a read that gives none.
	DefaultCacheTTL = 60 * time.Second

	// MaxListLimit is both the default and the largest list() limit.
	MaxListLimit = 1000

	// MaxBulkGetKeys is the most keys one bulk get may ask for (changelog
	// 2025-04-10 "Read multiple keys from Workers KV with bulk reads").
	MaxBulkGetKeys = 100

	// MaxBulkGetBytes caps the total size of the values one bulk get returns.
	MaxBulkGetBytes = 25 << 20
)

// seconds turns a limit into the whole seconds the platform's messages use.
func seconds(d time.Duration) int64 { return int64(d / time.Second) }
