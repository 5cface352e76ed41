package assets

import (
	"regexp"
	"strings"
)

// Routing is the router worker's part of the assets config (reference
// section 1.2): whether a request goes to the assets or to the user's
// worker. It does not apply to env.ASSETS.fetch, which always asks the
// assets.
type Routing struct {
	// HasWorker is false for an assets-only project (no main): every
	// request is the assets'.
	HasWorker bool
	// WorkerFirst is run_worker_first = true: every request goes to the
	// worker, which calls env.ASSETS itself.
	WorkerFirst bool
	// Include and Exclude are run_worker_first as an array of patterns:
	// a request whose pathname matches an Exclude ("!/...") goes to the
	// assets, else one matching an Include goes to the worker.
	Include, Exclude []*regexp.Regexp
	// NavigationPrefersAssets is the compatibility flag
	// assets_navigation_prefers_asset_serving (on from 2025-04-01): a
	// browser navigation (Sec-Fetch-Mode: navigate) that misses gets
	// not_found_handling instead of the worker.
	NavigationPrefersAssets bool
}

// CompileRoute turns one run_worker_first pattern (without its "!") into
// the platform's matcher: "*" matches anything, "/" included; everything
// else is literal; the whole pathname must match.
func CompileRoute(pattern string) *regexp.Regexp {
	parts := strings.Split(pattern, "*")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$")
}

// Route is the router worker: it returns the assets' answer to req, or nil
// when the user's worker should handle it.
func (a *Server) Route(req *Request, r *Routing) *Response {
	static := len(r.Include) > 0
	if static {
		p := req.URL.Pathname()
		excluded := false
		for _, re := range r.Exclude {
			if re.MatchString(p) {
				excluded = true
				break
			}
		}
		if !excluded && r.HasWorker {
			for _, re := range r.Include {
				if re.MatchString(p) {
					return nil
				}
			}
		}
	}
	if r.WorkerFirst && r.HasWorker {
		return nil
	}
	if !r.HasWorker {
		return a.Serve(req)
	}
	// canFetch: a miss goes to the worker. not_found_handling counts only
	// with static routing or for a navigation (when the flag is on), so a
	// fetch() or curl for a missing path reaches the worker even in SPA
	// mode.
	nf := a.opts.NotFound
	if !static && !(r.NavigationPrefersAssets && req.Header.Get("Sec-Fetch-Mode") == "navigate") {
		nf = NotFoundNone
	}
	resp, ok := a.generateWorkers(req, nf)
	if !ok {
		return nil
	}
	if nf != a.opts.NotFound && resp.Status == 404 && resp.Header.Get("Etag") == "" {
		// A _redirects 200 rewrite to a missing file: canFetch says the
		// assets answer, and they answer with not_found_handling.
		resp, _ = a.generateWorkers(req, a.opts.NotFound)
	}
	a.opts.Headers.Apply(resp.Header, req.URL.Hostname(), req.URL.Pathname())
	return resp
}
