// Package builtin is the one table of binding kinds: it turns a resolved
// wrangler config (plus dev secrets and --var flags) into the env bindings a
// worker gets. Each line maps a wrangler config section to its kind's
// factory; a factory gets the session (clock, state dir, log) and opens its
// own store through it. A new kind (R2, Durable Objects, Queues) is a
// new package under bindings and one line in kinds.
//
// Imports: bindings, every bindings/<kind>, config.
package builtin

import (
	"fmt"

	"edgedev/bindings"
	"edgedev/bindings/assets"
	"edgedev/bindings/d1"
	"edgedev/bindings/kv"
	"edgedev/config"
	"edgedev/durable"
)

// Sources is everything bindings are built from besides the session.
type Sources struct {
	Config  *config.Config
	Secrets []config.Var // from .dev.vars / .env; override vars of the same name
	Flags   []config.Var // from --var; override both
	// KVConsistency simulates KV's eventual consistency for every KV
	// namespace; nil leaves it off. It must read the session's clock.
	KVConsistency *kv.Consistency
	// Assets is the session's open assets directory for Config.Assets
	// (the dev server serves from it too); nil opens it.
	Assets *assets.Site
}

// factory builds the bindings of one config section.
type factory func(s *bindings.Session, src Sources) ([]bindings.Named, error)

// kinds is the one table, in the order the start-up table shows bindings.
var kinds = []struct {
	section string // the wrangler config key
	build   factory
}{
	{"vars", buildVars}, // [vars], then .dev.vars secrets, then --var
	{"kv_namespaces", func(s *bindings.Session, src Sources) ([]bindings.Named, error) {
		return kv.Bindings(s, src.Config.KVNamespaces, kv.WithConsistency(src.KVConsistency))
	}},
	{"d1_databases", func(s *bindings.Session, src Sources) ([]bindings.Named, error) {
		return d1.Bindings(s, src.Config.D1Databases)
	}},
	{"durable_objects", func(s *bindings.Session, src Sources) ([]bindings.Named, error) {
		return durable.Bindings(s, src.Config)
	}},
	{"assets", func(s *bindings.Session, src Sources) ([]bindings.Named, error) {
		return assets.Bindings(s, src.Config.Assets, src.Assets)
	}},
	{"", buildNotEmulated}, // every table in notEmulated (notemulated.go)
}

// Build returns the bindings in the order of kinds; a later binding of the
// same name replaces an earlier one in its place. On error, whatever was
// built is closed.
func Build(s *bindings.Session, src Sources) ([]bindings.Named, error) {
	if src.Config == nil {
		src.Config = &config.Config{}
	}
	var out []bindings.Named
	index := map[string]int{}
	for _, k := range kinds {
		bs, err := k.build(s, src)
		if err != nil {
			_ = Close(out)
			return nil, err
		}
		for _, b := range bs {
			if i, ok := index[b.Name]; ok {
				out[i] = b
				continue
			}
			index[b.Name] = len(out)
			out = append(out, b)
		}
	}
	return out, nil
}

func buildVars(_ *bindings.Session, src Sources) ([]bindings.Named, error) {
	var out []bindings.Named
	add := func(kind string, vs []config.Var) error {
		for _, v := range vs {
			b, err := bindings.NewValue(v.Value)
			if err != nil {
				return fmt.Errorf("%s %s: %w", kind, v.Name, err)
			}
			detail := b.String()
			if kind == "secret" {
				detail = "(hidden)"
			}
			out = append(out, bindings.Named{Name: v.Name, Kind: kind, Detail: detail, Binding: b})
		}
		return nil
	}
	for _, step := range []struct {
		kind string
		vs   []config.Var
	}{{"var", src.Config.Vars}, {"secret", src.Secrets}, {"var", src.Flags}} {
		if err := add(step.kind, step.vs); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Close closes every binding, returning the first error.
func Close(bs []bindings.Named) error {
	var first error
	for _, b := range bs {
		if b.Binding == nil {
			continue
		}
		if err := b.Binding.Close(); err != nil && first == nil {
			first = fmt.Errorf("close binding %s: %w", b.Name, err)
		}
	}
	return first
}
