package kvcontrol

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"edgedev/bindings/kv"
	"edgedev/persist"
)

// The server side.

// maxKVRequestBytes bounds one control request: a bulk put of wrangler's
// largest REST batch (100 MB) grows by a third as base64.
const maxKVRequestBytes = 256 << 20

// Pattern is the route Serve answers, for an http.ServeMux.
const Pattern = "POST /cdn-cgi/edgedev/kv/{op}"

// Serve answers one KV control request on store (nil when the server has no
// store open). The operations run through bindings/kv with the server's
// clock and its options (the consistency simulation, if on): a CLI write is
// a central write the simulated locations learn about like any other, and
// CLI reads see central, as wrangler's do. The caller has already checked
// that the client is a loopback one and carries the server's token (which
// is also what tells a client it reached the server of the store it means:
// the token sits next to that store), so a request never names a file.
func Serve(rw http.ResponseWriter, r *http.Request, store *persist.Store, now func() time.Time, opts ...kv.Option) {
	var req kvRequest
	if err := json.NewDecoder(http.MaxBytesReader(rw, r.Body, maxKVRequestBytes)).Decode(&req); err != nil {
		writeKV(rw, http.StatusBadRequest, &kvResponse{Error: &wireError{Message: "bad KV control request: " + err.Error()}})
		return
	}
	if store == nil {
		writeKV(rw, http.StatusConflict, &kvResponse{Error: &wireError{Message: "this dev server has no KV store open (its config has no kv_namespaces)"}})
		return
	}
	res, err := runKV(r.Context(), store, now, r.PathValue("op"), &req, opts...)
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
