package config

import (
	"fmt"
	"strings"
)

// Assets is the [assets] table: Workers Static Assets
// (reference/platform-assets-do-queues.md section 1.1). Inheritable: an
// environment without its own assets uses the top level's.
type Assets struct {
	// Directory is the absolute assets directory (key "directory";
	// required by edgedev, as by wrangler dev and deploy).
	Directory string
	// Binding is the env name of the assets fetcher, e.g. "ASSETS" (key
	// "binding"; optional, default none).
	Binding string
	// HTMLHandling is "auto-trailing-slash" (default), "force-trailing-slash",
	// "drop-trailing-slash" or "none" (key "html_handling"; optional).
	HTMLHandling string
	// NotFoundHandling is "none" (default), "404-page" or
	// "single-page-application" (key "not_found_handling"; optional).
	NotFoundHandling string
	// RunWorkerFirst is run_worker_first = true (key "run_worker_first";
	// optional, default false): every request goes to the worker first.
	RunWorkerFirst bool
	// RunWorkerFirstRoutes is run_worker_first as an array of route
	// patterns: "/..." to the worker, "!/..." to the assets (optional).
	RunWorkerFirstRoutes []string
	// Line is the line of the assets key in File; File is the config file.
	Line int
	File string
}

// The platform's limits on run_worker_first (workers-shared
// utils/configuration/constants.ts: MAX_ROUTES_RULES, MAX_ROUTES_RULE_LENGTH).
const (
	MaxRunWorkerFirstRules      = 100
	MaxRunWorkerFirstRuleLength = 100
)

var (
	assetsKeys         = set("directory", "binding", "html_handling", "not_found_handling", "run_worker_first")
	htmlHandlingValues = []string{"auto-trailing-slash", "force-trailing-slash", "drop-trailing-slash", "none"}
	notFoundValues     = []string{"single-page-application", "404-page", "none"}
)

// assets checks the assets table; dir resolves its directory.
func (c *checker) assets(n *node, key, dir string) *Assets {
	if n.kind != kTable {
		c.errorf(n.line, key, c.example(fmt.Sprintf(`[%s] with directory = "./public"`, key)), "%s must be %s (got %s)", key, c.aTable(), c.describe(n))
		return nil
	}
	c.unknownKeys(n, key, assetsKeys)
	a := &Assets{Line: n.line}
	if d := n.field("directory"); d == nil {
		c.errorf(n.line, keyPath(key, "directory"), c.example(`directory = "./public"`),
			"The `assets` property in your configuration is missing the required `directory` property.")
	} else if s, ok := c.str(d, keyPath(key, "directory"), true); ok {
		a.Directory = absPath(dir, s)
	}
	if b := n.field("binding"); b != nil {
		a.Binding, _ = c.str(b, keyPath(key, "binding"), true)
	}
	a.HTMLHandling = c.oneOf(n.field("html_handling"), keyPath(key, "html_handling"), htmlHandlingValues)
	a.NotFoundHandling = c.oneOf(n.field("not_found_handling"), keyPath(key, "not_found_handling"), notFoundValues)
	if r := n.field("run_worker_first"); r != nil {
		rk := keyPath(key, "run_worker_first")
		switch r.kind {
		case kBool:
			a.RunWorkerFirst = r.b
		case kArray:
			a.RunWorkerFirstRoutes = c.strings(r, rk, `run_worker_first = ["/api/*"]`)
			c.runWorkerFirst(r.line, rk, a.RunWorkerFirstRoutes)
		default:
			c.errorf(r.line, rk, c.example(`run_worker_first = ["/api/*", "!/api/docs/*"]`),
				"%s must be an array of strings or a boolean (got %s)", rk, c.describe(r))
		}
	}
	return a
}

// oneOf checks an optional string key against its allowed values.
func (c *checker) oneOf(n *node, key string, allowed []string) string {
	if n == nil {
		return ""
	}
	s, ok := c.str(n, key, false)
	if !ok {
		return ""
	}
	for _, v := range allowed {
		if s == v {
			return s
		}
	}
	hint := ""
	if sg := suggest(s, set(allowed...)); sg != "" {
		hint = fmt.Sprintf("did you mean %q?", sg)
	}
	c.errorf(n.line, key, hint, "%s must be one of %s (got %q)", key, strings.Join(quoteAll(allowed), ", "), s)
	return ""
}

func quoteAll(vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = fmt.Sprintf("%q", v)
	}
	return out
}

// runWorkerFirst checks the rules as the platform's parseStaticRouting does,
// with its messages.
func (c *checker) runWorkerFirst(line int, key string, rules []string) {
	if len(rules) == 0 {
		c.errorf(line, key, "", "No `run_worker_first` rules were provided; must provide at least 1 rule.")
		return
	}
	if len(rules) > MaxRunWorkerFirstRules {
		c.errorf(line, key, "", "Too many `run_worker_first` rules were provided; %d rules provided exceeds max of %d.", len(rules), MaxRunWorkerFirstRules)
		return
	}
	var assetRules, workerRules, invalid []string
	for _, r := range rules {
		switch {
		case strings.HasPrefix(r, "!/"):
			assetRules = append(assetRules, r)
		case strings.HasPrefix(r, "/"):
			workerRules = append(workerRules, r)
		case strings.HasPrefix(r, "!"):
			invalid = append(invalid, fmt.Sprintf("'%s': negative rules must start with '!/'", r))
		default:
			invalid = append(invalid, fmt.Sprintf("'%s': rules must start with '/' or '!/'", r))
		}
	}
	if len(assetRules) > 0 && len(workerRules) == 0 {
		c.errorf(line, key, "", "Only negative `run_worker_first` rules were provided; must provide at least 1 non-negative rule")
		return
	}
	invalid = append(invalid, invalidRoutes(workerRules)...)
	invalid = append(invalid, invalidRoutes(assetRules)...)
	if len(invalid) > 0 {
		c.errorf(line, key, "", "Invalid routes in `run_worker_first`:\n      %s", strings.Join(invalid, "\n      "))
	}
}

func invalidRoutes(rules []string) []string {
	var invalid []string
	seen := map[string]bool{}
	for _, r := range rules {
		if len(r) > MaxRunWorkerFirstRuleLength {
			invalid = append(invalid, fmt.Sprintf("'%s': all rules must be less than %d characters in length", r, MaxRunWorkerFirstRuleLength))
		}
		if seen[r] {
			invalid = append(invalid, fmt.Sprintf("'%s': rule is a duplicate; rules must be unique", r))
		}
		if strings.HasSuffix(r, "*") {
			for _, o := range rules {
				if o != r && strings.HasPrefix(o, r[:len(r)-1]) {
					invalid = append(invalid, fmt.Sprintf("'%s': rule '%s' makes it redundant", o, r))
				}
			}
		}
		seen[r] = true
	}
	return invalid
}
