package bundler

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/evanw/esbuild/pkg/api"
)

// GlobalName is the global variable the bundle assigns the entry's exports to.
const GlobalName = "__edgedev_worker"

// Filename is the name the runtime should compile Result.Script under. It is
// relative on purpose: goja resolves source-map paths against it, so frames
// come out as "src/index.ts:3:7" rather than as absolute paths.
const Filename = "worker.js"

// ErrClosed is returned by Build after Close.
var ErrClosed = errors.New("bundler is closed")

// Options say what to bundle.
type Options struct {
	// Entry is the absolute path of the worker's entry file (.ts, .js, ...).
	Entry string
	// Dir is the absolute project root. Diagnostics and source-map paths are
	// relative to it, and node_modules is searched from the entry's directory
	// upward, as Node does.
	Dir string
	// Define replaces global identifiers or member chains with JS
	// expressions, e.g. {"DEBUG": "false"}; optional.
	Define map[string]string
	// Minify shortens the output. Source maps still point at the originals.
	Minify bool
	// NodeCompat is the worker's Node.js compatibility (config.Node's
	// Mode): NodeOff, NodeALS, NodeV1 or NodeV2. It decides which node:
	// imports are left to the runtime and which fail the build (node.go).
	NodeCompat string
	// ConfigName is the config file's base name ("wrangler.toml"), for
	// the hint of a build error that needs a flag added; optional.
	ConfigName string
}

// Result is one successful build.
type Result struct {
	// Script is the bundle, ending with an inline
	// "//# sourceMappingURL=data:..." comment.
	Script string
	// Filename is the name to compile Script under (see the Filename const).
	Filename string
	// GlobalName is the global that holds the entry's exports after Script
	// has run (see the GlobalName const).
	GlobalName string
	// Inputs are the absolute paths of every file the bundle was built from,
	// node_modules included, sorted. The hot-reload loop watches these.
	Inputs []string
	// Warnings are esbuild's warnings, plus edgedev's notes on code that
	// bundles but behaves differently under goja (import.meta, and the
	// bundle lint's findings: see lint.go).
	Warnings []Message
	// Took is how long the build ran.
	Took time.Duration
}

// Bundler holds one esbuild build context for an entry; Build reuses it, so
// rebuilds after an edit are incremental.
type Bundler struct {
	opts Options

	mu     sync.Mutex // serialises Build and Close
	ctx    api.BuildContext
	closed bool
	// uctx is the build that also lowers every /u regex literal to a
	// new RegExp(...) call; made, and used from then on, once a bundle
	// keeps a \p{...} that esbuild did not lower (see classEscape).
	uctx atomic.Pointer[api.BuildContext]
}

// New checks the options and prepares an esbuild build context; nothing is
// read from disk until the first Build. Call Close when done.
func New(opts Options) (*Bundler, error) {
	if !filepath.IsAbs(opts.Dir) {
		return nil, fmt.Errorf("bundler: project directory must be an absolute path (got %q)", opts.Dir)
	}
	if !filepath.IsAbs(opts.Entry) {
		return nil, fmt.Errorf("bundler: entry must be an absolute path (got %q)", opts.Entry)
	}
	opts.Dir = filepath.Clean(opts.Dir)
	opts.Entry = filepath.Clean(opts.Entry)

	ctx, cerr := api.Context(buildOptions(opts, false))
	if cerr != nil {
		return nil, &BuildError{Messages: convertMessages(cerr.Errors, "error")}
	}
	return &Bundler{opts: opts, ctx: ctx}, nil
}

// buildOptions is the one place the esbuild recipe lives; the reasons for each
// setting are in reference/goja-notes.md section 1.
//
// lowerUnicode lowers every regex literal with the u flag, not only those
// esbuild sees a \p{...} in: esbuild's check skips character classes, so
// /[$\p{ID_Start}]/u stays a literal, which goja's own RegExp misreads.
func buildOptions(opts Options, lowerUnicode bool) api.BuildOptions {
	o := api.BuildOptions{
		EntryPoints:   []string{opts.Entry},
		AbsWorkingDir: opts.Dir,
		Bundle:        true,
		Write:         false,
		// Never written; it fixes the directory source-map paths are relative
		// to (Dir), matching the relative Filename the runtime compiles under.
		Outfile:    filepath.Join(opts.Dir, Filename),
		Format:     api.FormatIIFE,
		GlobalName: GlobalName,
		Platform:   api.PlatformNeutral,
		MainFields: []string{"browser", "module", "main"},
		Conditions: []string{"workerd", "worker", "browser"},
		Target:     api.ES2022,
		Supported: map[string]bool{
			// goja: "Async generators are not supported yet".
			"async-generator": false,
			"for-await":       false,
			// goja's parser rejects a class field named get/set/async with
			// an initializer; hono's Context has one.
			"class-field": false,
			// A non-literal import(x) would be left as-is and fail to parse
			// in goja, breaking the whole script; lowered, it only throws
			// when that line runs.
			"dynamic-import": false,
			// goja reads /\p{L}/u as the text "p{L}" and rejects the "d"
			// and "v" flags; as unsupported features, esbuild turns such
			// literals into new RegExp(...) calls, which edgedev's RegExp
			// rewrites or rejects with a clear error (runtime/engine/regexp.go).
			"regexp-unicode-property-escapes": false,
			"regexp-match-indices":            false,
			"regexp-set-notation":             false,
			"regexp-sticky-and-unicode-flags": !lowerUnicode,
		},
		// wrangler's default module rules bundle these as strings.
		Loader: map[string]api.Loader{
			".txt":  api.LoaderText,
			".html": api.LoaderText,
			".sql":  api.LoaderText,
		},
		Plugins:        []api.Plugin{builtinsPlugin(opts)},
		Define:         opts.Define,
		Sourcemap:      api.SourceMapInline,
		SourcesContent: api.SourcesContentExclude,
		Metafile:       true,
		LogLevel:       api.LogLevelSilent,
	}
	if opts.Minify {
		o.MinifyWhitespace = true
		o.MinifyIdentifiers = true
		o.MinifySyntax = true
	}
	return o
}

// Build bundles the entry: the first call is a full build, later calls are
// incremental rebuilds that see every file change since the previous one.
// A failed build returns a *BuildError and leaves the Bundler usable, so the
// next Build after a fix succeeds. After Close it returns ErrClosed.
func (b *Bundler) Build() (*Result, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, ErrClosed
	}
	start := time.Now()

	// esbuild reports a missing entry as `Could not resolve "/abs/path"`
	// with no location; say it in the user's terms instead.
	if _, err := os.Stat(b.opts.Entry); err != nil {
		return nil, &BuildError{Messages: []Message{{
			Kind: "error",
			Text: fmt.Sprintf("entry point %s does not exist", b.rel(b.opts.Entry)),
			Hint: "check the path of the worker's entry (main in wrangler.toml)",
		}}}
	}

	ctx := b.ctx
	if u := b.uctx.Load(); u != nil {
		ctx = *u
	}
	r := ctx.Rebuild()
	if len(r.Errors) > 0 {
		return nil, &BuildError{Messages: convertMessages(r.Errors, "error")}
	}
	if b.uctx.Load() == nil && len(r.OutputFiles) == 1 && classEscape.Match(r.OutputFiles[0].Contents) {
		uctx, cerr := api.Context(buildOptions(b.opts, true))
		if cerr != nil {
			return nil, &BuildError{Messages: convertMessages(cerr.Errors, "error")}
		}
		b.uctx.Store(&uctx)
		if r = uctx.Rebuild(); len(r.Errors) > 0 {
			return nil, &BuildError{Messages: convertMessages(r.Errors, "error")}
		}
	}
	if len(r.OutputFiles) != 1 {
		return nil, fmt.Errorf("bundler: esbuild produced %d output files, want 1", len(r.OutputFiles))
	}
	inputs, err := b.inputs(r.Metafile)
	if err != nil {
		return nil, err
	}
	return &Result{
		Script:     string(r.OutputFiles[0].Contents),
		Filename:   Filename,
		GlobalName: GlobalName,
		Inputs:     inputs,
		Warnings:   append(convertMessages(r.Warnings, "warning"), lint(string(r.OutputFiles[0].Contents), b.opts.Dir)...),
		Took:       time.Since(start),
	}, nil
}

// classEscape finds a \p{ or \P{ left in a bundle: an odd run of
// backslashes before it, so it is not the "\\p{" of a lowered pattern's
// string. It is a regex literal esbuild did not lower (or, rarely, a
// comment, which costs one needless rebuild).
var classEscape = regexp.MustCompile(`(?:^|[^\\])(?:\\\\)*\\[pP]\{`)

// Close releases the build context. A Build in progress is cancelled first.
// Close is idempotent.
func (b *Bundler) Close() {
	b.ctx.Cancel() // safe from any goroutine; makes a running Rebuild return early
	u := b.uctx.Load()
	if u != nil {
		(*u).Cancel()
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	b.ctx.Dispose()
	if u := b.uctx.Load(); u != nil {
		(*u).Dispose()
	}
}

// inputs lists the metafile's input files as sorted absolute paths. Keys are
// paths relative to Dir; inputs from other esbuild namespaces (for example
// "(disabled):..." for modules a package's browser field turns off) are not
// files on disk and are left out.
func (b *Bundler) inputs(metafile string) ([]string, error) {
	var meta struct {
		Inputs map[string]json.RawMessage `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(metafile), &meta); err != nil {
		return nil, fmt.Errorf("bundler: read esbuild metafile: %w", err)
	}
	out := make([]string, 0, len(meta.Inputs))
	for key := range meta.Inputs {
		if hasNamespace(key) {
			continue
		}
		p := filepath.FromSlash(key)
		if !filepath.IsAbs(p) {
			p = filepath.Join(b.opts.Dir, p)
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}

// hasNamespace reports whether a metafile key is "namespace:path" rather than
// a file path. Namespaces are lowercase words or "(disabled)"; a Windows
// drive letter ("C:\...") is a path, not a namespace.
func hasNamespace(key string) bool {
	i := strings.IndexByte(key, ':')
	if i <= 0 {
		return false
	}
	if i == 1 && filepath.VolumeName(key) != "" {
		return false
	}
	return !strings.ContainsAny(key[:i], `/\`)
}

// rel renders path relative to Dir when it is inside it.
func (b *Bundler) rel(path string) string {
	if r, err := filepath.Rel(b.opts.Dir, path); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return path
}
