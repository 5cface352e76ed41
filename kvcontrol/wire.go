package kvcontrol

import (
	"encoding/json"
	"errors"

	"edgedev/bindings/kv"
)

// The wire format. One JSON request and one JSON response per operation;
// values travel as base64 (encoding/json's []byte). Fields are named
// explicitly so that a nil metadata stays absent rather than becoming the
// JSON text null.

type kvRequest struct {
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
