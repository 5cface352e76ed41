package builtin

import (
	"edgedev/bindings"
	"strings"
)

// notEmulated are the binding tables edgedev reads but does not run yet,
// with the kind the start-up table shows. Each binding they declare is
// listed at start-up as "not emulated yet", and its env value is a stub
// whose every use throws an Error naming it (bindings.NewNotEmulated), so a
// worker fails with that message instead of "undefined". When a kind
// lands, its line moves from here to kinds: delete it here.
//
// The tables are those of workers-sdk
// packages/workers-utils/src/config/environment.ts that bind an env name.
var notEmulated = []struct {
	section string // the wrangler config key (queues: queues.producers / queues.consumers)
	kind    string
}{
	{"r2_buckets", "R2 bucket"},
	{"queues.producers", "Queue producer"},
	{"queues.consumers", "Queue consumer"},
	{"services", "Service binding"},
	{"ai", "Workers AI"},
	{"hyperdrive", "Hyperdrive"},
	{"workflows", "Workflow"},
	{"vectorize", "Vectorize index"},
	{"analytics_engine_datasets", "Analytics Engine dataset"},
	{"browser", "Browser Rendering"},
	{"send_email", "Send Email"},
	{"ratelimits", "Rate limiter"},
	{"mtls_certificates", "mTLS certificate"},
	{"dispatch_namespaces", "Dispatch namespace"},
	{"images", "Images"},
	{"media", "Media Transformations"},
	{"version_metadata", "Version metadata"},
	{"pipelines", "Pipeline"},
	{"secrets_store_secrets", "Secrets Store secret"},
	{"worker_loaders", "Worker Loader"},
	{"vpc_services", "VPC service"},
	{"ai_search_namespaces", "AI Search namespace"},
	{"ai_search", "AI Search"},
	{"agent_memory", "Agent memory"},
	{"artifacts", "Artifacts"},
	{"flagship", "Flagship"},
	{"stream", "Stream"},
	{"websearch", "Web search"},
	{"unsafe", "unsafe binding"},
}

// notEmulatedPrefix starts the start-up table's Detail of every binding
// edgedev does not run yet; NotEmulated tests for it.
const notEmulatedPrefix = "not emulated yet: "

// NotEmulated reports whether b is one of this table's rows (a stub, or a
// queue consumer that will never run), for the dashboard's marking.
func NotEmulated(b bindings.Named) bool { return strings.HasPrefix(b.Detail, notEmulatedPrefix) }

// notEmulatedDetail is what the start-up table shows for a stub.
func notEmulatedDetail(name string) string {
	return notEmulatedPrefix + "env." + name + " is a stub that throws"
}

// buildNotEmulated lists the bindings of every notEmulated table the
// config declares. A queue consumer is a row without an env entry (nil
// Binding): nothing in env is named after it, but the start-up table says
// its queue() handler will never run.
func buildNotEmulated(_ *bindings.Session, src Sources) ([]bindings.Named, error) {
	var out []bindings.Named
	for _, ne := range notEmulated {
		for _, d := range src.Config.Declared[ne.section] {
			if ne.section == "queues.consumers" {
				out = append(out, bindings.Named{Name: d.Name, Kind: ne.kind, Detail: notEmulatedPrefix + "this worker's queue() handler never runs"})
				continue
			}
			out = append(out, bindings.Named{Name: d.Name, Kind: ne.kind, Detail: notEmulatedDetail(d.Name),
				Binding: bindings.NewNotEmulated(d.Name, ne.kind, ne.section)})
		}
	}
	return out, nil
}

// Env returns the bindings that have an env entry (a queue consumer row
// has none).
func Env(bs []bindings.Named) []bindings.Named {
	for _, b := range bs {
		if b.Binding == nil {
			out := make([]bindings.Named, 0, len(bs))
			for _, b := range bs {
				if b.Binding != nil {
					out = append(out, b)
				}
			}
			return out
		}
	}
	return bs
}
