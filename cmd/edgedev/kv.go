package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"edgedev/bindings/kv"
	"edgedev/config"
	"edgedev/hint"
	"edgedev/persist"
)

// `edgedev kv ...` mirrors wrangler 4's local KV commands (reference section
// 4.1): the same subcommands, flags, JSON formats and messages, on the store
// `edgedev dev` uses. The one deliberate difference: --binding always means
// the namespace `edgedev dev` binds (preview_id, else id, else the binding
// name; config.KVNamespace.LocalID), so what this command writes is what the
// worker reads. Operations go through bindings/kv, either on the store file
// or, while a dev server holds it, through that server (kvstore.go).

const kvUsage = `Usage: edgedev kv <namespace|key|bulk> <command> [flags]

Manage the local KV store that edgedev dev uses, with wrangler's kv commands:

  kv namespace create <NAME> [--preview]
  kv namespace list
  kv namespace delete [NAME] [--binding B | --namespace-id ID] [-y]
  kv key put <KEY> [VALUE] {--binding B | --namespace-id ID} [--path FILE]
                           [--ttl N] [--expiration EPOCH] [--metadata JSON]
  kv key get <KEY> {--binding B | --namespace-id ID} [--text]
  kv key list {--binding B | --namespace-id ID} [--prefix P]
  kv key delete <KEY> {--binding B | --namespace-id ID}
  kv bulk put <FILE.json> {--binding B | --namespace-id ID}
  kv bulk get <FILE.json> {--binding B | --namespace-id ID}
  kv bulk delete <FILE.json> {--binding B | --namespace-id ID} [--force]

Every command also takes --config FILE, --env NAME and --persist-to DIR. The
store is .edgedev/state/kv.db next to the wrangler config (or --persist-to
DIR). While an edgedev dev server holds that store, these commands go through
it; otherwise they open the file. --binding B means the namespace edgedev dev
binds to B: its preview_id, else its id, else B itself. The old spellings
kv:namespace, kv:key and kv:bulk work too.

Run 'edgedev kv <group> <command> --help' for a command's flags.
`

// kvCommand is one `edgedev kv <group> <name>` command.
type kvCommand struct {
	name     string // "key put"
	args     string // positional arguments for the usage line
	short    string
	min, max int  // positional argument counts
	target   bool // takes --binding / --namespace-id
	flags    func(fs *flag.FlagSet, c *kvCall)
	run      func(st *state, c *kvCall) error
}

var kvCommands = []*kvCommand{
	{name: "namespace create", args: "<NAME>", short: "create a new namespace and print its config snippet", min: 1, max: 1,
		flags: func(fs *flag.FlagSet, c *kvCall) {
			fs.Var(&c.preview, "preview", "print the snippet with preview_id instead of id")
		},
		run: kvNamespaceCreate},
	{name: "namespace list", short: "print every namespace of the store as JSON", run: kvNamespaceList},
	{name: "namespace delete", args: "[NAME]", short: "delete a namespace and every key in it", max: 1, target: true,
		flags: func(fs *flag.FlagSet, c *kvCall) {
			fs.BoolVar(&c.force, "skip-confirmation", false, "do not ask before deleting")
			fs.BoolVar(&c.force, "y", false, "short for --skip-confirmation")
		},
		run: kvNamespaceDelete},
	{name: "key put", args: "<KEY> [VALUE]", short: "write one key (the value, or the contents of --path)", min: 1, max: 2, target: true,
		flags: func(fs *flag.FlagSet, c *kvCall) {
			fs.StringVar(&c.path, "path", "", "read the value from `FILE`")
			putFlags(fs, c)
		},
		run: kvKeyPut},
	{name: "key get", args: "<KEY>", short: "print one key's value (raw bytes unless --text)", min: 1, max: 1, target: true,
		flags: func(fs *flag.FlagSet, c *kvCall) {
			fs.BoolVar(&c.text, "text", false, "decode the value as UTF-8 text and end it with a newline")
		},
		run: kvKeyGet},
	{name: "key list", short: "print the keys of a namespace as JSON", target: true,
		flags: func(fs *flag.FlagSet, c *kvCall) {
			fs.StringVar(&c.prefix, "prefix", "", "only keys starting with `P`")
		},
		run: kvKeyList},
	{name: "key delete", args: "<KEY>", short: "delete one key", min: 1, max: 1, target: true, run: kvKeyDelete},
	{name: "bulk put", args: "<FILE.json>", short: "write the key-value objects of a JSON file (all or nothing)", min: 1, max: 1, target: true,
		flags: putFlags, run: kvBulkPut},
	{name: "bulk get", args: "<FILE.json>", short: "print the values of the keys listed in a JSON file", min: 1, max: 1, target: true,
		run: kvBulkGet},
	{name: "bulk delete", args: "<FILE.json>", short: "delete the keys listed in a JSON file", min: 1, max: 1, target: true,
		flags: func(fs *flag.FlagSet, c *kvCall) {
			fs.BoolVar(&c.force, "force", false, "do not ask before deleting")
			fs.BoolVar(&c.force, "f", false, "short for --force")
		},
		run: kvBulkDelete},
}

// putFlags are the write options of key put and bulk put (for bulk put they
// are defaults for items that do not set their own).
func putFlags(fs *flag.FlagSet, c *kvCall) {
	fs.Int64Var(&c.ttl, "ttl", 0, "expire `N` seconds from now (at least 60; wins over --expiration)")
	fs.Int64Var(&c.expiration, "expiration", 0, "expire at `EPOCH` seconds (at least 60 s ahead)")
	fs.StringVar(&c.metadata, "metadata", "", "attach a JSON object as the key's metadata")
}

// kvCall is one parsed invocation.
type kvCall struct {
	cmd *kvCommand
	pos []string
	set map[string]bool // flags given on the command line

	binding, namespaceID, configPath, env, persistTo string
	preview                                          optBool
	local, remote                                    bool

	ttl, expiration int64
	metadata, path  string
	prefix          string
	text, force     bool
}

// optBool is a bool flag that knows whether it was given, for wrangler's
// --preview / --preview false.
type optBool struct{ set, val bool }

func (b *optBool) String() string   { return strconv.FormatBool(b.val) }
func (b *optBool) IsBoolFlag() bool { return true }
func (b *optBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	b.set, b.val = true, v
	return nil
}

// runKV dispatches `edgedev kv <group> <command>`.
func runKV(st *state, args []string) error {
	if len(args) == 0 {
		return usagef("kv needs a command group: namespace, key or bulk (see 'edgedev kv --help')")
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(st.stdout, kvUsage)
		return flag.ErrHelp
	case "namespace", "key", "bulk":
	default:
		return usagef("unknown kv command group %q; want namespace, key or bulk (see 'edgedev kv --help')", args[0])
	}
	group := args[0]
	var names []string
	for _, c := range kvCommands {
		g, name, _ := strings.Cut(c.name, " ")
		if g != group {
			continue
		}
		names = append(names, name)
		if len(args) > 1 && args[1] == name {
			return c.invoke(st, args[2:])
		}
	}
	if len(args) > 1 && args[1] != "-h" && args[1] != "--help" && args[1] != "help" {
		return usagef("unknown command \"kv %s %s\"; want one of: %s", group, args[1], strings.Join(names, ", "))
	}
	if len(args) > 1 {
		fmt.Fprint(st.stdout, kvUsage)
		return flag.ErrHelp
	}
	return usagef("kv %s needs a command: %s (see 'edgedev kv --help')", group, strings.Join(names, ", "))
}

// invoke parses the flags and runs the command.
func (cmd *kvCommand) invoke(st *state, args []string) error {
	c := &kvCall{cmd: cmd, set: map[string]bool{}}
	fs := flag.NewFlagSet("kv "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if cmd.target {
		fs.StringVar(&c.binding, "binding", "", "the namespace edgedev dev binds as `B` in the config")
		fs.StringVar(&c.namespaceID, "namespace-id", "", "the namespace with this `ID`")
		if cmd.name != "namespace create" {
			fs.Var(&c.preview, "preview", "accepted for wrangler compatibility; --binding always means the namespace edgedev dev binds")
		}
	}
	if cmd.flags != nil {
		cmd.flags(fs, c)
	}
	fs.StringVar(&c.configPath, "config", "", "the wrangler config `FILE` (default: searched upward from here)")
	fs.StringVar(&c.configPath, "c", "", "short for --config")
	fs.StringVar(&c.env, "env", "", "use [env.`NAME`] of the config")
	fs.StringVar(&c.env, "e", "", "short for --env")
	fs.StringVar(&c.persistTo, "persist-to", "", "`DIR` of the local store (default .edgedev/state next to the config)")
	fs.BoolVar(&c.local, "local", false, "use the local store (the only one edgedev has; accepted for wrangler compatibility)")
	fs.BoolVar(&c.remote, "remote", false, "not supported: edgedev has no remote storage")

	pos, err := parseKVArgs(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		cmd.printHelp(st, fs)
		return err
	}
	if err != nil {
		return usagef("%v\nrun 'edgedev kv %s --help' for its flags", err, cmd.name)
	}
	fs.Visit(func(f *flag.Flag) { c.set[f.Name] = true })
	c.pos = pos
	if c.remote {
		return usagef("--remote reaches Cloudflare's KV through wrangler; edgedev only has the local store, so drop --remote")
	}
	if len(pos) < cmd.min {
		return usagef("Not enough non-option arguments: got %d, need at least %d", len(pos), cmd.min)
	}
	if len(pos) > cmd.max {
		extra := pos[cmd.max:]
		if len(extra) == 1 {
			return usagef("Unknown argument: %s", extra[0])
		}
		return usagef("Unknown arguments: %s", strings.Join(extra, ", "))
	}
	for _, name := range []string{"binding", "namespace-id", "path", "config", "c", "persist-to"} {
		if c.set[name] && fs.Lookup(name).Value.String() == "" {
			return usagef("--%s needs a value", name)
		}
	}
	if cmd.target && cmd.name != "namespace delete" {
		if c.binding == "" && c.namespaceID == "" {
			return usagef("Missing required option: exactly one of --binding and --namespace-id must be provided")
		}
		if c.binding != "" && c.namespaceID != "" {
			return usagef("Conflicting options: --binding and --namespace-id cannot be used together. Please provide only one.")
		}
	}
	return cmd.run(st, c)
}

func (cmd *kvCommand) printHelp(st *state, fs *flag.FlagSet) {
	fmt.Fprintf(st.stdout, "Usage: edgedev kv %s", cmd.name)
	if cmd.args != "" {
		fmt.Fprintf(st.stdout, " %s", cmd.args)
	}
	if cmd.target {
		fmt.Fprint(st.stdout, " {--binding B | --namespace-id ID}")
	}
	fmt.Fprintf(st.stdout, " [flags]\n\n%s.\n\nFlags:\n", strings.ToUpper(cmd.short[:1])+cmd.short[1:])
	fs.SetOutput(st.stdout)
	fs.PrintDefaults()
}

// parseKVArgs is parseInterspersed, except that wrangler's "--preview
// false" (a boolean flag followed by its value) is read as --preview=false.
func parseKVArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var joined []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if (a == "--preview" || a == "-preview") && i+1 < len(args) && (args[i+1] == "true" || args[i+1] == "false") {
			joined = append(joined, a+"="+args[i+1])
			i++
			continue
		}
		joined = append(joined, a)
	}
	return parseInterspersed(fs, joined)
}

// kvProject is what a command knows about the project: its config (nil
// when there is none) and its store file.
type kvProject struct {
	cfg   *config.Config
	store string
}

func (c *kvCall) project(st *state) (*kvProject, error) {
	path := st.abs(c.configPath)
	if path == "" {
		p, err := config.Find(st.wd)
		if err != nil && !errors.Is(err, config.ErrNotFound) {
			return nil, err
		}
		path = p
	}
	p := &kvProject{}
	dir := st.wd
	if path != "" {
		cfg, warnings, err := config.Load(path, c.env)
		for _, w := range warnings {
			fmt.Fprintf(st.stderr, "warning: %s\n", w)
			if w.Hint != "" {
				fmt.Fprintf(st.stderr, "hint: %s\n", w.Hint)
			}
		}
		if err != nil {
			return nil, err
		}
		p.cfg, dir = cfg, cfg.Dir
	}
	p.store = persist.Locate(st.abs(c.persistTo), dir)
	return p, nil
}

// namespace resolves --binding or --namespace-id to a namespace id, and the
// words wrangler uses for it in messages.
func (p *kvProject) namespace(st *state, c *kvCall) (id, label string, err error) {
	if c.namespaceID != "" {
		return c.namespaceID, fmt.Sprintf(`id: "%s"`, c.namespaceID), nil
	}
	b := c.binding
	if p.cfg == nil {
		return "", "", fmt.Errorf("No wrangler config file found. Use `--namespace-id` to name the namespace instead of `--binding %s`, or run the command in (or pass --config to) a project with a wrangler.json, wrangler.jsonc or wrangler.toml", b)
	}
	where := filepath.Base(p.cfg.Path)
	if p.cfg.Env != "" {
		where += " [env." + p.cfg.Env + "]"
	}
	if len(p.cfg.KVNamespaces) == 0 {
		return "", "", fmt.Errorf("No KV namespaces are configured in your wrangler config file (%s). Add a [[kv_namespaces]] entry with binding = %q, or use `--namespace-id` instead", where, b)
	}
	var names []string
	for _, ns := range p.cfg.KVNamespaces {
		if ns.Binding != b {
			names = append(names, ns.Binding)
			continue
		}
		id = ns.LocalID()
		if c.preview.set {
			wranglerPick := ns.ID
			if c.preview.val {
				wranglerPick = ns.PreviewID
			}
			if wranglerPick != "" && wranglerPick != id {
				fmt.Fprintf(st.stderr, "note: edgedev dev reads binding %q from namespace %q (preview_id, else id, else the binding name), so this command uses %q too and --preview=%v changes nothing; use --namespace-id %s to reach %q\n",
					b, id, id, c.preview.val, wranglerPick, wranglerPick)
			}
		}
		return id, fmt.Sprintf(`binding: "%s" (id: "%s")`, b, id), nil
	}
	return "", "", hint.With(fmt.Errorf("No KV namespace with binding %q was found in the \"kv_namespaces\" section of your wrangler config. Check the binding name is correct, or use `--namespace-id` instead.", b),
		fmt.Sprintf("%s binds %s", where, strings.Join(names, ", ")))
}

// target loads the project, resolves the namespace and reaches the store.
func (c *kvCall) target(st *state) (b kvBackend, ns, label string, done func() error, err error) {
	p, err := c.project(st)
	if err != nil {
		return nil, "", "", nil, err
	}
	if ns, label, err = p.namespace(st, c); err != nil {
		return nil, "", "", nil, err
	}
	if b, done, err = openKV(st.ctx, p.store); err != nil {
		return nil, "", "", nil, err
	}
	return b, ns, label, done, nil
}

// store loads the project and reaches the store, for namespace commands.
func (c *kvCall) store(st *state) (*kvProject, kvBackend, func() error, error) {
	p, err := c.project(st)
	if err != nil {
		return nil, nil, nil, err
	}
	b, done, err := openKV(st.ctx, p.store)
	if err != nil {
		return nil, nil, nil, err
	}
	return p, b, done, nil
}

// The namespace commands.

func kvNamespaceCreate(st *state, c *kvCall) error {
	p, b, done, err := c.store(st)
	if err != nil {
		return err
	}
	defer done()
	title := c.pos[0]
	if c.env != "" {
		title = c.env + "-" + title
	}
	if c.preview.val {
		title += "_preview"
	}
	fmt.Fprintf(st.stdout, "Creating namespace with title %q\n", title)
	info, err := b.CreateNamespace(st.ctx, title)
	if err != nil {
		return err
	}
	fmt.Fprintln(st.stdout, "Success!")
	under := ""
	if c.env != "" {
		under = fmt.Sprintf(" under [env.%s]", c.env)
	}
	fmt.Fprintf(st.stdout, "Add the following to your configuration file in your kv_namespaces array%s:\n", under)
	idKey := "id"
	if c.preview.val {
		idKey = "preview_id"
	}
	binding := validBindingName(c.pos[0])
	if p.cfg != nil && (strings.HasSuffix(p.cfg.Path, ".json") || strings.HasSuffix(p.cfg.Path, ".jsonc")) {
		fmt.Fprintf(st.stdout, "{\n  \"kv_namespaces\": [\n    {\n      \"binding\": %s,\n      %q: %s\n    }\n  ]\n}\n",
			jsonString(binding), idKey, jsonString(info.ID))
		return nil
	}
	fmt.Fprintf(st.stdout, "[[kv_namespaces]]\nbinding = %s\n%s = %s\n", jsonString(binding), idKey, jsonString(info.ID))
	return nil
}

var (
	spaceOrDash = regexp.MustCompile(`[\s-]`)
	notIdent    = regexp.MustCompile(`[^A-Za-z0-9_]`)
	underscores = regexp.MustCompile(`_+`)
)

// validBindingName turns a namespace name into a JS identifier for the
// config snippet, as wrangler does: spaces and dashes become underscores,
// other characters go, a leading digit gets an underscore, and "KV" stands
// in for nothing usable.
func validBindingName(name string) string {
	s := spaceOrDash.ReplaceAllString(name, "_")
	s = notIdent.ReplaceAllString(s, "")
	s = underscores.ReplaceAllString(s, "_")
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		s = "_" + s
	}
	if strings.Trim(s, "_") == "" {
		return "KV"
	}
	return s
}

func kvNamespaceList(st *state, c *kvCall) error {
	_, b, done, err := c.store(st)
	if err != nil {
		return err
	}
	defer done()
	all, err := b.ListNamespaces(st.ctx)
	if err != nil {
		return err
	}
	// wrangler lists by title.
	sort.SliceStable(all, func(i, j int) bool { return all[i].Title < all[j].Title })
	if all == nil {
		all = []kv.NamespaceInfo{}
	}
	return writeJSON(st.stdout, all)
}

func kvNamespaceDelete(st *state, c *kvCall) error {
	given := 0
	for _, ok := range []bool{len(c.pos) == 1, c.binding != "", c.namespaceID != ""} {
		if ok {
			given++
		}
	}
	if given != 1 {
		if given == 0 {
			return usagef("Missing required option: exactly one of <NAME>, --binding and --namespace-id must be provided")
		}
		return usagef("Conflicting options: <NAME>, --binding and --namespace-id cannot be used together. Please provide only one.")
	}
	p, b, done, err := c.store(st)
	if err != nil {
		return err
	}
	defer done()
	var id string
	if len(c.pos) == 1 {
		all, err := b.ListNamespaces(st.ctx)
		if err != nil {
			return err
		}
		for _, ns := range all {
			if ns.Title == c.pos[0] {
				id = ns.ID
				break
			}
		}
		if id == "" {
			return fmt.Errorf("No namespace found with the name %q. Use --namespace-id instead or check available namespaces with \"edgedev kv namespace list\".", c.pos[0])
		}
	} else if id, _, err = p.namespace(st, c); err != nil {
		return fmt.Errorf("Not able to delete namespace.\n%w", err)
	}
	if !c.force && !confirm(st, fmt.Sprintf("Are you sure you want to delete namespace %s and every key in it?", id), "-y") {
		fmt.Fprintf(st.stdout, "Not deleting namespace %s.\n", id)
		return nil
	}
	fmt.Fprintf(st.stdout, "Deleting KV namespace %s.\n", id)
	if err := b.DeleteNamespace(st.ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(st.stdout, "Deleted KV namespace %s.\n", id)
	return nil
}

// confirm asks a yes/no question and reads the answer from stdin. No answer
// (stdin at its end, as in a script) is a no, with a hint naming the flag
// that skips the question.
func confirm(st *state, question, skipFlag string) bool {
	fmt.Fprintf(st.stdout, "%s [y/n] ", question)
	line, err := bufio.NewReader(st.stdin).ReadString('\n')
	answer := strings.ToLower(strings.TrimSpace(line))
	fmt.Fprintln(st.stdout)
	if answer == "" && err != nil {
		fmt.Fprintf(st.stderr, "hint: no answer on stdin; pass %s to go ahead without asking\n", skipFlag)
		return false
	}
	return answer == "y" || answer == "yes"
}

// The key commands.

func kvKeyPut(st *state, c *kvCall) error {
	if len(c.pos) == 1 && c.path == "" {
		return usagef("Missing required option: exactly one of <value> and --path must be provided")
	}
	if len(c.pos) == 2 && c.path != "" {
		return usagef("Conflicting options: <value> and --path cannot be used together. Please provide only one.")
	}
	opts, metaLog, err := c.putOptions()
	if err != nil {
		return err
	}
	var value []byte
	if c.path != "" {
		if value, err = readInput(st, c.path); err != nil {
			return err
		}
	} else {
		value = []byte(c.pos[1])
	}
	b, ns, label, done, err := c.target(st)
	if err != nil {
		return err
	}
	defer done()
	key := c.pos[0]
	if c.path != "" {
		fmt.Fprintf(st.stdout, "Writing the contents of %s to the key \"%s\" on namespace %s%s.\n", c.path, key, label, metaLog)
	} else {
		fmt.Fprintf(st.stdout, "Writing the value \"%s\" to key \"%s\" on namespace %s%s.\n", value, key, label, metaLog)
	}
	return b.Put(st.ctx, ns, key, value, opts)
}

// putOptions turns --ttl, --expiration and --metadata into put options, and
// returns wrangler's " with metadata ..." words for the message.
func (c *kvCall) putOptions() (opts kv.PutOptions, metaLog string, err error) {
	if c.set["ttl"] {
		opts.ExpirationTTL = &c.ttl
	}
	if c.set["expiration"] {
		opts.Expiration = &c.expiration
	}
	if c.set["metadata"] {
		var v any
		if err := json.Unmarshal([]byte(c.metadata), &v); err != nil {
			return opts, "", usagef("--metadata must be valid JSON. Received: %s", c.metadata)
		}
		if _, ok := v.(map[string]any); !ok {
			return opts, "", usagef("--metadata must be a JSON object. Received: %s", c.metadata)
		}
		var buf bytes.Buffer
		_ = json.Compact(&buf, []byte(c.metadata))
		opts.Metadata = buf.Bytes()
		metaLog = fmt.Sprintf(` with metadata "%s"`, buf.String())
	}
	return opts, metaLog, nil
}

// readInput reads a file named on the command line, relative to the
// working directory.
func readInput(st *state, name string) ([]byte, error) {
	p := st.abs(name)
	b, err := os.ReadFile(p)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot read %q: %v", name, err)
	}
	return b, nil
}

func kvKeyGet(st *state, c *kvCall) error {
	b, ns, _, done, err := c.target(st)
	if err != nil {
		return err
	}
	defer done()
	e, err := b.Get(st.ctx, ns, c.pos[0])
	if err != nil {
		return err
	}
	if e == nil {
		fmt.Fprintln(st.stdout, "Value not found")
		return nil
	}
	if c.text {
		fmt.Fprintln(st.stdout, decodeText(e.Value))
		return nil
	}
	_, err = st.stdout.Write(e.Value)
	return err
}

// decodeText decodes UTF-8, each invalid byte becoming U+FFFD, as wrangler's
// --text (Node's StringDecoder) does.
func decodeText(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		sb.WriteRune(r) // RuneError for an invalid byte
		b = b[n:]
	}
	return sb.String()
}

// listedKey is one key as `kv key list` prints it.
type listedKey struct {
	Name       string          `json:"name"`
	Expiration int64           `json:"expiration,omitempty"`
	Metadata   json.RawMessage `json:"metadata,omitempty"`
}

func kvKeyList(st *state, c *kvCall) error {
	b, ns, _, done, err := c.target(st)
	if err != nil {
		return err
	}
	defer done()
	out := []listedKey{}
	cursor := ""
	for {
		page, err := b.List(st.ctx, ns, kv.ListOptions{Prefix: c.prefix, Cursor: cursor})
		if err != nil {
			return err
		}
		for _, k := range page.Keys {
			out = append(out, listedKey{Name: k.Name, Expiration: k.Expiration, Metadata: k.Metadata})
		}
		if page.ListComplete {
			break
		}
		cursor = page.Cursor
	}
	return writeJSON(st.stdout, out)
}

func kvKeyDelete(st *state, c *kvCall) error {
	b, ns, label, done, err := c.target(st)
	if err != nil {
		return err
	}
	defer done()
	fmt.Fprintf(st.stdout, "Deleting the key \"%s\" on namespace %s.\n", c.pos[0], label)
	return b.Delete(st.ctx, ns, c.pos[0])
}

// writeJSON prints v as JSON.stringify(v, null, 2) would: two-space
// indent, no HTML escaping, and a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// jsonString quotes s as JSON (and TOML basic strings) do.
func jsonString(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(buf.String(), "\n")
}
