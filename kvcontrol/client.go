package kvcontrol

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"time"

	"edgedev/bindings/kv"
)

// ErrServerGone means nobody answered at the URL in server.json (the server
// has exited, or the file is left over from one killed with -9), or the
// process answering there holds another store. The request was not carried
// out; the caller may open the store file itself.
var ErrServerGone = errors.New("no dev server answers for this store")

// Client performs KV operations through a running dev server's control
// API. Its methods mirror bindings/kv's and return the same error values
// (*kv.Error, *kv.BulkError, kv sentinels). It is safe for concurrent use.
type Client struct {
	info  ServerInfo
	token string // from the token file next to the store
	base  *url.URL
	http  *http.Client
}

// NewClient returns a client for the server that info describes. The URL
// must be a loopback one: control endpoints answer nobody else.
func NewClient(info *ServerInfo) (*Client, error) {
	u, err := url.Parse(info.URL)
	if err != nil || u.Scheme != "http" {
		return nil, fmt.Errorf("%s names the URL %q, which is not an http:// URL", ServerFile(info.Store), info.URL)
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("%s names %s, which is not a loopback address; edgedev kv only talks to a dev server on this machine's loopback", ServerFile(info.Store), info.URL)
	}
	token, err := ReadToken(filepath.Dir(info.Store))
	if err != nil {
		return nil, fmt.Errorf("read the dev server's control token: %w", err)
	}
	tr := &http.Transport{
		// Never wait long for a server that is gone; give a live one
		// time to fsync a large bulk write.
		DialContext:           (&net.Dialer{Timeout: time.Second}).DialContext,
		ResponseHeaderTimeout: 60 * time.Second,
		Proxy:                 nil,
	}
	return &Client{info: *info, token: token, base: u, http: &http.Client{Transport: tr}}, nil
}

// Info returns the server the client talks to.
func (c *Client) Info() ServerInfo { return c.info }

func (c *Client) call(ctx context.Context, op string, req *kvRequest) (*kvResponse, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base.JoinPath("/cdn-cgi/edgedev/kv", op).String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set(TokenHeader, c.token)
	resp, err := c.http.Do(hreq)
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) && op.Op == "dial" {
			return nil, fmt.Errorf("%w (pid %d at %s: %v)", ErrServerGone, c.info.PID, c.info.URL, op.Err)
		}
		return nil, fmt.Errorf("the dev server (pid %d at %s) did not answer: %w", c.info.PID, c.info.URL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusForbidden {
		// The control token next to the store is not the one of the server
		// answering there: another server (or none) owns that address now.
		return nil, fmt.Errorf("%w (%s refused the control token in %s: it is not the dev server of this store)", ErrServerGone, c.info.URL, TokenFile(filepath.Dir(c.info.Store)))
	}
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
func (c *Client) Get(ctx context.Context, ns, key string) (*kv.Entry, error) {
	res, err := c.call(ctx, "get", &kvRequest{Namespace: ns, Key: key})
	if err != nil || res.Entry == nil {
		return nil, err
	}
	return entryOf(res.Entry), nil
}

// Put is kv.Namespace.Put on namespace ns.
func (c *Client) Put(ctx context.Context, ns, key string, value []byte, opts kv.PutOptions) error {
	if value == nil {
		value = []byte{}
	}
	_, err := c.call(ctx, "put", &kvRequest{Namespace: ns, Key: key, Value: value, Put: toWirePut(opts)})
	return err
}

// Delete is kv.Namespace.Delete on namespace ns.
func (c *Client) Delete(ctx context.Context, ns, key string) error {
	_, err := c.call(ctx, "delete", &kvRequest{Namespace: ns, Key: key})
	return err
}

// List is kv.Namespace.List on namespace ns.
func (c *Client) List(ctx context.Context, ns string, opts kv.ListOptions) (*kv.ListResult, error) {
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
func (c *Client) GetBulk(ctx context.Context, ns string, keys []string, opts kv.BulkGetOptions) ([]*kv.Entry, error) {
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
func (c *Client) PutBulk(ctx context.Context, ns string, writes []kv.Write) error {
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
func (c *Client) DeleteBulk(ctx context.Context, ns string, keys []string) error {
	_, err := c.call(ctx, "bulk-delete", &kvRequest{Namespace: ns, Keys: keys})
	return err
}

// CreateNamespace is kv.CreateNamespace on the server's store.
func (c *Client) CreateNamespace(ctx context.Context, title string) (kv.NamespaceInfo, error) {
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
func (c *Client) ListNamespaces(ctx context.Context) ([]kv.NamespaceInfo, error) {
	res, err := c.call(ctx, "namespace-list", &kvRequest{})
	if err != nil {
		return nil, err
	}
	return res.Namespaces, nil
}

// DeleteNamespace is kv.DeleteNamespace on the server's store.
func (c *Client) DeleteNamespace(ctx context.Context, id string) error {
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
