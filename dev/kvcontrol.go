package dev

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"edgedev/bindings/kv"
	"edgedev/persist"
)

// This file lets `edgedev kv` reach a store that a running dev server holds.
// bbolt locks the store file, so while `edgedev dev` runs, the CLI cannot open
// it; instead the server announces itself in server.json next to the store
// and answers KV operations on loopback under /cdn-cgi/edgedev/kv/. The
// server runs them through the same bindings/kv API as the CLI would, on its
// own open store and with its own clock, so a value written either way is
// what the worker reads.
//
// server.json exists exactly while a server holds the store: written once the
// server listens (or when a config reload first opens the store), removed
// before the store is closed. A server killed with -9 leaves it behind; the
// CLI recognises that (nobody answers, and the file lock is free) and removes
// it once it holds the lock itself.

// ServerFileName is the file a dev server keeps next to the store it holds.
const ServerFileName = "server.json"

// ServerInfo is the content of server.json.
type ServerInfo struct {
	URL   string    `json:"url"`   // loopback base URL of the control API, e.g. http://127.0.0.1:8787
	PID   int       `json:"pid"`   // the dev server's process id
	Store string    `json:"store"` // absolute path of the store file it holds
	Since time.Time `json:"since"` // when it announced itself
}

// ServerFile returns the path of server.json for the store at storePath.
func ServerFile(storePath string) string {
	return filepath.Join(filepath.Dir(storePath), ServerFileName)
}

// ReadServerInfo reads the server.json next to storePath. It returns nil and
// no error when there is none.
func ReadServerInfo(storePath string) (*ServerInfo, error) {
	b, err := os.ReadFile(ServerFile(storePath))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var info ServerInfo
	if err := json.Unmarshal(b, &info); err != nil {
		return nil, fmt.Errorf("%s: %w", ServerFile(storePath), err)
	}
	return &info, nil
}

// announce is announceStore for callers that do not hold mu (Start).
func (s *Server) announce() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.announceStore()
}

// announceStore writes server.json once the server both listens and holds
// the store. The caller holds mu, or is New (before Start, when it does
// nothing). A failure only costs the CLI its way in, so it is a warning.
func (s *Server) announceStore() {
	if s.store == nil || s.ln == nil {
		return
	}
	info := ServerInfo{URL: loopbackURL(s.ln.Addr()), PID: os.Getpid(), Store: s.store.Path(), Since: time.Now().UTC()}
	b, _ := json.MarshalIndent(info, "", "  ")
	path := ServerFile(info.Store)
	tmp := fmt.Sprintf("%s.%d.tmp", path, info.PID)
	err := os.WriteFile(tmp, append(b, '\n'), 0o644)
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		s.log.warn(fmt.Sprintf("could not write %s, so `edgedev kv` cannot reach this server's KV store while it runs: %v", path, err))
	}
}

// retractStore removes server.json before the store is closed, if it is
// still this process's.
func (s *Server) retractStore() {
	if s.store == nil {
		return
	}
	if info, err := ReadServerInfo(s.store.Path()); err == nil && info != nil && info.PID == os.Getpid() {
		_ = os.Remove(ServerFile(s.store.Path()))
	}
}

// loopbackURL is the base URL a local client uses to reach a listener:
// 127.0.0.1 (or ::1) when it listens on every address.
func loopbackURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String()
	}
	ip := tcp.IP
	switch {
	case ip == nil || ip.Equal(net.IPv4zero):
		ip = net.IPv4(127, 0, 0, 1)
	case ip.Equal(net.IPv6unspecified):
		ip = net.IPv6loopback
	}
	return "http://" + net.JoinHostPort(ip.String(), fmt.Sprint(tcp.Port))
}

// The wire format. One JSON request and one JSON response per operation;
// values travel as base64 (encoding/json's []byte). Fields are named
// explicitly so that a nil metadata stays absent rather than becoming the
// JSON text null.

type kvRequest struct {
	Store     string         `json:"store"` // the store the client means; the server refuses if it holds another
	Namespace string         `json:"namespace,omitempty"`
	Key       string         `json:"key,omitempty"`
	Keys      []string       `json:"keys,omitempty"`
	Value     []byte         `json:"value,omitempty"`
	Put       wirePutOptions `json:"put,omitzero"`
	Writes    []wireWrite    `json:"writes,omitempty"`
	Prefix    string         `json:"prefix,omitempty"`
	Limit     int            `json:"limit,omitempty"`
	Cursor    string         `json:"cursor,omitempty"`
	Type      string         `json:"type,omitempty"`
	CacheTTL  *int64         `json:"cacheTtl,omitempty"`
	Title     string         `json:"title,omitempty"`
}

type wirePutOptions struct {
	Expiration    *int64          `json:"expiration,omitempty"`
	ExpirationTTL *int64          `json:"expirationTtl,omitempty"`
	Metadata      json.RawMessage `json:"metadata,omitempty"`
}

type wireWrite struct {
	Key     string         `json:"key"`
	Value   []byte         `json:"value"`
	Options wirePutOptions `json:"options,omitzero"`
}

type wireEntry struct {
	Value      []byte          `json:"value"`
	Metadata   json.RawMessage `json:"metadata,omitempty"`
	Expiration int64           `json:"expiration,omitempty"`
}

type wireList struct {
	Keys         []wireEntryKey `json:"keys"`
	ListComplete bool           `json:"list_complete"`
	Cursor       string         `json:"cursor,omitempty"`
}

type wireEntryKey struct {
	Name       string          `json:"name"`
	Expiration int64           `json:"expiration,omitempty"`
	Metadata   json.RawMessage `json:"metadata,omitempty"`
}

type kvResponse struct {
	Entry      *wireEntry         `json:"entry,omitempty"`
	Entries    []*wireEntry       `json:"entries,omitempty"`
	List       *wireList          `json:"list,omitempty"`
	Namespace  *kv.NamespaceInfo  `json:"namespace,omitempty"`
	Namespaces []kv.NamespaceInfo `json:"namespaces,omitempty"`
	Error      *wireError         `json:"error,omitempty"`
}

// wireError carries a *kv.Error (Text set), a *kv.BulkError (Bulk set) or
// any other error (Message, and Kind when it wraps a kv sentinel).
type wireError struct {
	Message string         `json:"message"`
	Kind    string         `json:"kind,omitempty"`
	Hint    string         `json:"hint,omitempty"`
	Class   string         `json:"class,omitempty"`
	Op      string         `json:"op,omitempty"`
	Status  int            `json:"status,omitempty"`
	Text    string         `json:"text,omitempty"`
	Bulk    []wireBulkItem `json:"bulk,omitempty"`
}

type wireBulkItem struct {
	Index int       `json:"index"`
	Key   string    `json:"key"`
	Error wireError `json:"error"`
}

func (o wirePutOptions) options() kv.PutOptions {
	return kv.PutOptions{Expiration: o.Expiration, ExpirationTTL: o.ExpirationTTL, Metadata: o.Metadata}
}

func toWirePut(o kv.PutOptions) wirePutOptions {
	return wirePutOptions{Expiration: o.Expiration, ExpirationTTL: o.ExpirationTTL, Metadata: o.Metadata}
}

func toWireError(err error) *wireError {
	var ke *kv.Error
	var be *kv.BulkError
	switch {
	case errors.As(err, &be):
		w := &wireError{Message: be.Error()}
		for _, it := range be.Items {
			w.Bulk = append(w.Bulk, wireBulkItem{Index: it.Index, Key: it.Key, Error: *toWireError(it.Err)})
		}
		return w
	case errors.As(err, &ke):
		w := &wireError{Message: ke.Error(), Hint: ke.Hint, Class: ke.Class.String(), Op: ke.Op, Status: ke.Status, Text: ke.Text}
		if ke.Kind != nil {
			w.Kind = ke.Kind.Error()
		}
		return w
	}
	w := &wireError{Message: err.Error()}
	for _, k := range []error{kv.ErrNamespaceTitle, kv.ErrNamespaceTitleTaken, kv.ErrNoNamespace} {
		if errors.Is(err, k) {
			w.Kind = k.Error()
		}
	}
	return w
}

// remoteError is a plain error the server reported; it unwraps to the kv
// sentinel it carried, if any.
type remoteError struct {
	msg  string
	kind error
}

func (e *remoteError) Error() string { return e.msg }
func (e *remoteError) Unwrap() error { return e.kind }

func (w *wireError) err() error {
	switch {
	case w.Bulk != nil:
		be := &kv.BulkError{}
		for _, it := range w.Bulk {
			ke, _ := it.Error.err().(*kv.Error)
			if ke == nil {
				ke = &kv.Error{Class: kv.ClassTypeError, Text: it.Error.Message}
			}
			be.Items = append(be.Items, kv.BulkItemError{Index: it.Index, Key: it.Key, Err: ke})
		}
		return be
	case w.Text != "":
		class := kv.ClassError
		if w.Class == kv.ClassTypeError.String() {
			class = kv.ClassTypeError
		}
		return &kv.Error{Class: class, Op: w.Op, Status: w.Status, Text: w.Text, Kind: kv.KindByName(w.Kind), Hint: w.Hint}
	}
	return &remoteError{msg: w.Message, kind: kv.KindByName(w.Kind)}
}

// The server side.

// maxKVRequestBytes bounds one control request: a bulk put of wrangler's
// largest REST batch (100 MB) grows by a third as base64.
const maxKVRequestBytes = 256 << 20

// routeKV registers the KV control endpoints.
func (s *Server) routeKV() {
	s.control.HandleFunc("POST /cdn-cgi/edgedev/kv/{op}", s.serveKV)
}

// kvStore returns the store the server holds, or nil.
func (s *Server) kvStore() *persist.Store {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.store
}

func (s *Server) serveKV(rw http.ResponseWriter, r *http.Request) {
	var req kvRequest
	if err := json.NewDecoder(http.MaxBytesReader(rw, r.Body, maxKVRequestBytes)).Decode(&req); err != nil {
		writeKV(rw, http.StatusBadRequest, &kvResponse{Error: &wireError{Message: "bad KV control request: " + err.Error()}})
		return
	}
	store := s.kvStore()
	if store == nil {
		writeKV(rw, http.StatusConflict, &kvResponse{Error: &wireError{Message: "this dev server has no KV store open (its config has no kv_namespaces)"}})
		return
	}
	if !sameFile(req.Store, store.Path()) {
		writeKV(rw, http.StatusConflict, &kvResponse{Error: &wireError{Message: fmt.Sprintf("this dev server holds the KV store %s, not %s", store.Path(), req.Store)}})
		return
	}
	// Through the session's consistency simulation, if on: a CLI write is
	// a central write the simulated locations learn about like any other,
	// and CLI reads see central, as wrangler's do.
	res, err := runKV(r.Context(), store, s.opts.Now, r.PathValue("op"), &req, s.kvOptions()...)
	if err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, kv.ErrStorage) || errors.Is(err, errUnknownOp) {
			status = http.StatusInternalServerError
		}
		writeKV(rw, status, &kvResponse{Error: toWireError(err)})
		return
	}
	writeKV(rw, http.StatusOK, res)
}

var errUnknownOp = errors.New("unknown KV control operation")

// runKV performs one operation through the bindings/kv API. opts are
// passed to every kv.New.
func runKV(ctx context.Context, store *persist.Store, now func() time.Time, op string, req *kvRequest, opts ...kv.Option) (*kvResponse, error) {
	ns := func() *kv.Namespace { return kv.New(store, req.Namespace, now, opts...) }
	if op != "namespace-create" && op != "namespace-list" && req.Namespace == "" {
		return nil, errors.New("bad KV control request: no namespace")
	}
	switch op {
	case "get":
		e, err := ns().Get(ctx, req.Key, kv.GetOptions{CacheTTL: req.CacheTTL})
		if err != nil || e == nil {
			return &kvResponse{}, err
		}
		return &kvResponse{Entry: &wireEntry{Value: e.Value, Metadata: e.Metadata, Expiration: e.Expiration}}, nil
	case "put":
		return &kvResponse{}, ns().Put(ctx, req.Key, req.Value, req.Put.options())
	case "delete":
		return &kvResponse{}, ns().Delete(ctx, req.Key)
	case "list":
		l, err := ns().List(ctx, kv.ListOptions{Prefix: req.Prefix, Limit: req.Limit, Cursor: req.Cursor})
		if err != nil {
			return nil, err
		}
		wl := &wireList{Keys: make([]wireEntryKey, len(l.Keys)), ListComplete: l.ListComplete, Cursor: l.Cursor}
		for i, k := range l.Keys {
			wl.Keys[i] = wireEntryKey{Name: k.Name, Expiration: k.Expiration, Metadata: k.Metadata}
		}
		return &kvResponse{List: wl}, nil
	case "bulk-get":
		es, err := ns().GetBulk(ctx, req.Keys, kv.BulkGetOptions{Type: req.Type, CacheTTL: req.CacheTTL})
		if err != nil {
			return nil, err
		}
		res := &kvResponse{Entries: make([]*wireEntry, len(es))}
		for i, e := range es {
			if e != nil {
				res.Entries[i] = &wireEntry{Value: e.Value, Metadata: e.Metadata, Expiration: e.Expiration}
			}
		}
		return res, nil
	case "bulk-put":
		ws := make([]kv.Write, len(req.Writes))
		for i, w := range req.Writes {
			ws[i] = kv.Write{Key: w.Key, Value: w.Value, Options: w.Options.options()}
		}
		return &kvResponse{}, ns().PutBulk(ctx, ws)
	case "bulk-delete":
		return &kvResponse{}, ns().DeleteBulk(ctx, req.Keys)
	case "namespace-create":
		info, err := kv.CreateNamespace(store, req.Title)
		if err != nil {
			return nil, err
		}
		return &kvResponse{Namespace: &info}, nil
	case "namespace-list":
		all, err := kv.ListNamespaces(store)
		if err != nil {
			return nil, err
		}
		return &kvResponse{Namespaces: all}, nil
	case "namespace-delete":
		return &kvResponse{}, kv.DeleteNamespace(store, req.Namespace)
	}
	return nil, fmt.Errorf("%w %q", errUnknownOp, op)
}

func writeKV(rw http.ResponseWriter, status int, res *kvResponse) {
	rw.Header().Set("Content-Type", "application/json")
	rw.WriteHeader(status)
	_ = json.NewEncoder(rw).Encode(res)
}

// sameFile reports whether two paths name one file (so a symlinked or
// differently spelled path still matches).
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// The client side, for `edgedev kv`.

// ErrServerGone means nobody answered at the URL in server.json (the server
// has exited, or the file is left over from one killed with -9), or the
// process answering there holds another store. The request was not carried
// out; the caller may open the store file itself.
var ErrServerGone = errors.New("no dev server answers for this store")

// KVClient performs KV operations through a running dev server's control
// API. Its methods mirror bindings/kv's and return the same error values
// (*kv.Error, *kv.BulkError, kv sentinels). It is safe for concurrent use.
type KVClient struct {
	info ServerInfo
	base *url.URL
	http *http.Client
}

// NewKVClient returns a client for the server that info describes. The URL
// must be a loopback one: control endpoints answer nobody else.
func NewKVClient(info *ServerInfo) (*KVClient, error) {
	u, err := url.Parse(info.URL)
	if err != nil || u.Scheme != "http" {
		return nil, fmt.Errorf("%s names the URL %q, which is not an http:// URL", ServerFile(info.Store), info.URL)
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("%s names %s, which is not a loopback address; edgedev kv only talks to a dev server on this machine's loopback", ServerFile(info.Store), info.URL)
	}
	tr := &http.Transport{
		// Never wait long for a server that is gone; give a live one
		// time to fsync a large bulk write.
		DialContext:           (&net.Dialer{Timeout: time.Second}).DialContext,
		ResponseHeaderTimeout: 60 * time.Second,
		Proxy:                 nil,
	}
	return &KVClient{info: *info, base: u, http: &http.Client{Transport: tr}}, nil
}

// Info returns the server the client talks to.
func (c *KVClient) Info() ServerInfo { return c.info }

func (c *KVClient) call(ctx context.Context, op string, req *kvRequest) (*kvResponse, error) {
	req.Store = c.info.Store
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base.JoinPath("/cdn-cgi/edgedev/kv", op).String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(hreq)
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) && op.Op == "dial" {
			return nil, fmt.Errorf("%w (pid %d at %s: %v)", ErrServerGone, c.info.PID, c.info.URL, op.Err)
		}
		return nil, fmt.Errorf("the dev server (pid %d at %s) did not answer: %w", c.info.PID, c.info.URL, err)
	}
	defer resp.Body.Close()
	var res kvResponse
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		// Something else listens there now (the port was reused).
		return nil, fmt.Errorf("%w (%s answered %s, not as an edgedev dev server)", ErrServerGone, c.info.URL, resp.Status)
	}
	if resp.StatusCode == http.StatusConflict && res.Error != nil {
		return nil, fmt.Errorf("%w (%s)", ErrServerGone, res.Error.Message)
	}
	if res.Error != nil {
		return nil, res.Error.err()
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("the dev server at %s answered %s", c.info.URL, resp.Status)
	}
	return &res, nil
}

// Get is kv.Namespace.Get on namespace ns.
func (c *KVClient) Get(ctx context.Context, ns, key string) (*kv.Entry, error) {
	res, err := c.call(ctx, "get", &kvRequest{Namespace: ns, Key: key})
	if err != nil || res.Entry == nil {
		return nil, err
	}
	return entryOf(res.Entry), nil
}

// Put is kv.Namespace.Put on namespace ns.
func (c *KVClient) Put(ctx context.Context, ns, key string, value []byte, opts kv.PutOptions) error {
	if value == nil {
		value = []byte{}
	}
	_, err := c.call(ctx, "put", &kvRequest{Namespace: ns, Key: key, Value: value, Put: toWirePut(opts)})
	return err
}

// Delete is kv.Namespace.Delete on namespace ns.
func (c *KVClient) Delete(ctx context.Context, ns, key string) error {
	_, err := c.call(ctx, "delete", &kvRequest{Namespace: ns, Key: key})
	return err
}

// List is kv.Namespace.List on namespace ns.
func (c *KVClient) List(ctx context.Context, ns string, opts kv.ListOptions) (*kv.ListResult, error) {
	res, err := c.call(ctx, "list", &kvRequest{Namespace: ns, Prefix: opts.Prefix, Limit: opts.Limit, Cursor: opts.Cursor})
	if err != nil {
		return nil, err
	}
	if res.List == nil {
		return nil, fmt.Errorf("the dev server at %s sent no list", c.info.URL)
	}
	l := &kv.ListResult{Keys: make([]kv.ListKey, len(res.List.Keys)), ListComplete: res.List.ListComplete, Cursor: res.List.Cursor}
	for i, k := range res.List.Keys {
		l.Keys[i] = kv.ListKey{Name: k.Name, Expiration: k.Expiration, Metadata: k.Metadata}
	}
	return l, nil
}

// GetBulk is kv.Namespace.GetBulk on namespace ns.
func (c *KVClient) GetBulk(ctx context.Context, ns string, keys []string, opts kv.BulkGetOptions) ([]*kv.Entry, error) {
	res, err := c.call(ctx, "bulk-get", &kvRequest{Namespace: ns, Keys: keys, Type: opts.Type, CacheTTL: opts.CacheTTL})
	if err != nil {
		return nil, err
	}
	if len(res.Entries) != len(keys) {
		return nil, fmt.Errorf("the dev server at %s sent %d values for %d keys", c.info.URL, len(res.Entries), len(keys))
	}
	out := make([]*kv.Entry, len(keys))
	for i, e := range res.Entries {
		if e != nil {
			out[i] = entryOf(e)
		}
	}
	return out, nil
}

// PutBulk is kv.Namespace.PutBulk on namespace ns.
func (c *KVClient) PutBulk(ctx context.Context, ns string, writes []kv.Write) error {
	ws := make([]wireWrite, len(writes))
	for i, w := range writes {
		v := w.Value
		if v == nil {
			v = []byte{}
		}
		ws[i] = wireWrite{Key: w.Key, Value: v, Options: toWirePut(w.Options)}
	}
	_, err := c.call(ctx, "bulk-put", &kvRequest{Namespace: ns, Writes: ws})
	return err
}

// DeleteBulk is kv.Namespace.DeleteBulk on namespace ns.
func (c *KVClient) DeleteBulk(ctx context.Context, ns string, keys []string) error {
	_, err := c.call(ctx, "bulk-delete", &kvRequest{Namespace: ns, Keys: keys})
	return err
}

// CreateNamespace is kv.CreateNamespace on the server's store.
func (c *KVClient) CreateNamespace(ctx context.Context, title string) (kv.NamespaceInfo, error) {
	res, err := c.call(ctx, "namespace-create", &kvRequest{Title: title})
	if err != nil {
		return kv.NamespaceInfo{}, err
	}
	if res.Namespace == nil {
		return kv.NamespaceInfo{}, fmt.Errorf("the dev server at %s sent no namespace", c.info.URL)
	}
	return *res.Namespace, nil
}

// ListNamespaces is kv.ListNamespaces on the server's store.
func (c *KVClient) ListNamespaces(ctx context.Context) ([]kv.NamespaceInfo, error) {
	res, err := c.call(ctx, "namespace-list", &kvRequest{})
	if err != nil {
		return nil, err
	}
	return res.Namespaces, nil
}

// DeleteNamespace is kv.DeleteNamespace on the server's store.
func (c *KVClient) DeleteNamespace(ctx context.Context, id string) error {
	_, err := c.call(ctx, "namespace-delete", &kvRequest{Namespace: id})
	return err
}

func entryOf(e *wireEntry) *kv.Entry {
	v := e.Value
	if v == nil {
		v = []byte{}
	}
	return &kv.Entry{Value: v, Metadata: e.Metadata, Expiration: e.Expiration}
}
