package config

// Which keys wrangler knows, and how they behave in [env.NAME] sections. The
// lists follow workers-sdk packages/workers-utils/src/config/validation.ts
// (normalizeAndValidateEnvironment and normalizeAndValidateConfig). edgedev
// reads only a few of them; the rest are accepted silently so that a config
// that works with wrangler gives no warnings here.

// inheritableKeys may appear at the top level and in an environment; an
// environment that does not set one uses the top-level value.
var inheritableKeys = set(
	"name", "main", "compatibility_date", "compatibility_flags", "account_id",
	"find_additional_modules", "preserve_file_names", "base_dir", "workers_dev",
	"preview_urls", "routes", "route", "tsconfig", "jsx_factory", "jsx_fragment",
	"migrations", "exports", "triggers", "limits", "rules", "build", "no_bundle",
	"minify", "keep_names", "first_party_worker", "zone_id", "logfwdr", "logpush",
	"upload_source_maps", "placement", "assets", "observability", "access",
	"cache", "compliance_region", "python_modules", "previews", "usage_model",
)

// nonInheritableKeys may appear at the top level and in an environment, but an
// environment never sees the top-level value: it must repeat the key.
// nonInheritableOrder is the same set in the order warnings are given.
var nonInheritableOrder = []string{
	"vars", "secrets", "define", "durable_objects", "workflows", "kv_namespaces",
	"cloudchamber", "containers", "send_email", "queues", "connect", "r2_buckets",
	"d1_databases", "vectorize", "ai_search_namespaces", "ai_search", "websearch",
	"agent_memory", "hyperdrive", "services", "analytics_engine_datasets",
	"dispatch_namespaces", "mtls_certificates", "tail_consumers",
	"streaming_tail_consumers", "unsafe", "browser", "ai", "images", "stream",
	"media", "pipelines", "secrets_store_secrets", "artifacts",
	"unsafe_hello_world", "flagship", "worker_loaders", "ratelimits",
	"vpc_services", "vpc_networks", "version_metadata",
}

var nonInheritableKeys = set(nonInheritableOrder...)

// topLevelOnlyKeys are read from the top level only; inside an environment
// they have no effect.
var topLevelOnlyKeys = set(
	"env", "$schema", "send_metrics", "dependencies_instrumentation", "keep_vars",
	"addresses", "pages_build_output_dir", "dev", "site", "alias", "wasm_modules",
	"text_blobs", "data_blobs",
	// What a build tool writes into a generated config (the Cloudflare Vite
	// plugin's dist/<name>/wrangler.json; workers-utils config.ts ComputedFields).
	"configPath", "userConfigPath", "topLevelName", "definedEnvironments", "targetEnvironment",
)

// Keys of the tables edgedev reads.
var (
	devKeys = set("ip", "port", "inspector_port", "inspector_ip", "local_protocol",
		"upstream_protocol", "host", "enable_containers", "container_engine", "generate_types")
	kvKeys = set("binding", "id", "preview_id", "remote")
	d1Keys = set("binding", "database_name", "database_id", "preview_database_id",
		"migrations_dir", "migrations_table", "migrations_pattern", "database_internal_env", "remote")
	triggersKeys = set("crons", "events")
	limitsKeys   = set("cpu_ms", "subrequests")
)

func set(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// union merges key sets.
func union(sets ...map[string]bool) map[string]bool {
	m := map[string]bool{}
	for _, s := range sets {
		for k := range s {
			m[k] = true
		}
	}
	return m
}

var (
	topLevelKeys = union(inheritableKeys, nonInheritableKeys, topLevelOnlyKeys)
	envKeys      = union(inheritableKeys, nonInheritableKeys)
)

// suggest returns the known key closest to an unknown one, or "" when none is
// close enough to be a plausible typo (edit distance at most 2, and less than
// half the key's length so that short keys do not match everything).
func suggest(unknown string, known map[string]bool) string {
	best, bestDist := "", 3
	for _, k := range sortedKeys(known) {
		d := editDistance(unknown, k)
		if d < bestDist && d*2 < len(unknown) {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance counts the single-byte insertions, deletions, substitutions
// and swaps of neighbours that turn a into b (optimal string alignment), so
// "prot" is one edit from "port".
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
