// Package builtin is the one table of binding kinds: it turns a resolved
// wrangler config (plus dev secrets and --var flags) into the env bindings a
// worker gets. A new kind (D1, R2, ...) is a new package under bindings and
// one entry here.
//
// Imports: bindings, every bindings/<kind>, config, persist.
package builtin

import (
	"fmt"
	"time"

	"edgedev/bindings"
	"edgedev/bindings/kv"
	"edgedev/config"
	"edgedev/persist"
)

// Sources is everything bindings are built from.
type Sources struct {
	Config  *config.Config
	Secrets []config.Var // from .dev.vars / .env; override vars of the same name
	Flags   []config.Var // from --var; override both
	// Store holds KV data; required when the config has KV namespaces.
	Store *persist.Store
	// Now is the clock bindings read (expiration); default time.Now.
	Now func() time.Time
	// KVConsistency simulates KV's eventual consistency for every KV
	// namespace; nil leaves it off. It must read the same clock as Now.
	KVConsistency *kv.Consistency
}

// Build returns the bindings in the order the start-up table shows them:
// vars, then secrets, then KV namespaces. On error, whatever was built is
// closed.
func Build(src Sources) ([]bindings.Named, error) {
	var out []bindings.Named
	index := map[string]int{}
	add := func(n bindings.Named) {
		if i, ok := index[n.Name]; ok {
			out[i] = n
			return
		}
		index[n.Name] = len(out)
		out = append(out, n)
	}
	addVar := func(kind string, v config.Var) error {
		b, err := bindings.NewValue(v.Value)
		if err != nil {
			return fmt.Errorf("%s %s: %w", kind, v.Name, err)
		}
		detail := b.String()
		if kind == "secret" {
			detail = "(hidden)"
		}
		add(bindings.Named{Name: v.Name, Kind: kind, Detail: detail, Binding: b})
		return nil
	}
	if src.Config != nil {
		for _, v := range src.Config.Vars {
			if err := addVar("var", v); err != nil {
				return nil, err
			}
		}
	}
	for _, v := range src.Secrets {
		if err := addVar("secret", v); err != nil {
			return nil, err
		}
	}
	for _, v := range src.Flags {
		if err := addVar("var", v); err != nil {
			return nil, err
		}
	}
	if src.Config != nil && len(src.Config.KVNamespaces) > 0 {
		if src.Store == nil {
			return nil, fmt.Errorf("KV namespaces need a store")
		}
		now := src.Now
		if now == nil {
			now = time.Now
		}
		for _, ns := range src.Config.KVNamespaces {
			id := ns.LocalID()
			add(bindings.Named{Name: ns.Binding, Kind: "KV namespace", Detail: id + " (local)", Binding: kv.New(src.Store, id, now, kv.WithConsistency(src.KVConsistency))})
		}
	}
	return out, nil
}

// Close closes every binding, returning the first error.
func Close(bs []bindings.Named) error {
	var first error
	for _, b := range bs {
		if err := b.Binding.Close(); err != nil && first == nil {
			first = fmt.Errorf("close binding %s: %w", b.Name, err)
		}
	}
	return first
}
