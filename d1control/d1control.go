package d1control

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"edgedev/bindings/d1"
	"edgedev/kvcontrol"
)

// Pattern is the route Serve answers, for an http.ServeMux.
const Pattern = "POST /cdn-cgi/edgedev/d1/run"

// ServerInfo is the content of <state>/d1/server.json.
type ServerInfo struct {
	URL   string    `json:"url"`
	PID   int       `json:"pid"`
	State string    `json:"state"` // the state directory
	Since time.Time `json:"since"`
}

// ServerFile is the announcement's path for stateDir.
func ServerFile(stateDir string) string { return filepath.Join(stateDir, d1.Dir, "server.json") }

// Announce writes info (atomically) to its state directory's server.json.
func Announce(info ServerInfo) error {
	path := ServerFile(info.State)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	b, _ := json.MarshalIndent(info, "", "  ")
	tmp := fmt.Sprintf("%s.%d.tmp", path, info.PID)
	err := os.WriteFile(tmp, append(b, '\n'), 0o644)
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}

// ReadServerInfo reads stateDir's announcement; nil when there is none.
func ReadServerInfo(stateDir string) (*ServerInfo, error) {
	b, err := os.ReadFile(ServerFile(stateDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var info ServerInfo
	if err := json.Unmarshal(b, &info); err != nil {
		return nil, fmt.Errorf("%s: %w", ServerFile(stateDir), err)
	}
	return &info, nil
}

// Retract removes stateDir's announcement if process pid wrote it.
func Retract(stateDir string, pid int) {
	if info, err := ReadServerInfo(stateDir); err == nil && info != nil && info.PID == pid {
		_ = os.Remove(ServerFile(stateDir))
	}
}

// wire types

type wireQuery struct {
	SQL    string `json:"sql"`
	Params []any  `json:"params,omitempty"`
}

type runRequest struct {
	ID      string      `json:"id"`
	Queries []wireQuery `json:"queries"`
}

type wireResult struct {
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"rows"`
	Meta    d1.Meta  `json:"meta"`
}

type runResponse struct {
	Results []wireResult `json:"results,omitempty"`
	Error   string       `json:"error,omitempty"`
	Gone    bool         `json:"gone,omitempty"` // the server cannot serve this database
}

// blob is how a BLOB travels: {"$blob": base64}.
type blob struct {
	B64 string `json:"$blob"`
}

func toWire(v any) any {
	switch x := v.(type) {
	case []byte:
		return blob{base64.StdEncoding.EncodeToString(x)}
	}
	return v
}

func fromWire(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if s, ok := x["$blob"].(string); ok {
			b, _ := base64.StdEncoding.DecodeString(s)
			return b
		}
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	}
	return v
}

// Opener gives the server's database with a local id, opening it if need
// be (the dev session's d1.OpenDatabase).
type Opener func(id string) (*d1.Database, error)

// Serve answers one run request. The caller has checked the client and
// its token.
func Serve(rw http.ResponseWriter, r *http.Request, open Opener) {
	var req runRequest
	dec := json.NewDecoder(http.MaxBytesReader(rw, r.Body, 1<<30))
	dec.UseNumber()
	if err := dec.Decode(&req); err != nil {
		write(rw, http.StatusBadRequest, &runResponse{Error: "bad D1 control request: " + err.Error()})
		return
	}
	if open == nil {
		write(rw, http.StatusConflict, &runResponse{Error: "this dev server has no D1 databases", Gone: true})
		return
	}
	db, err := open(req.ID)
	if err != nil {
		write(rw, http.StatusConflict, &runResponse{Error: err.Error(), Gone: true})
		return
	}
	qs := make([]d1.Query, len(req.Queries))
	for i, q := range req.Queries {
		ps := make([]any, len(q.Params))
		for j, p := range q.Params {
			ps[j] = fromWire(p)
		}
		qs[i] = d1.Query{SQL: q.SQL, Params: ps}
	}
	a := db.RunSync(r.Context(), qs)
	if a.Err != nil {
		write(rw, http.StatusOK, &runResponse{Error: a.Err.Error()})
		return
	}
	res := &runResponse{Results: make([]wireResult, len(a.Results))}
	for i, x := range a.Results {
		rows := make([][]any, len(x.Rows))
		for j, row := range x.Rows {
			cells := make([]any, len(row))
			for k, c := range row {
				cells[k] = toWire(c)
			}
			rows[j] = cells
		}
		res.Results[i] = wireResult{Columns: x.Columns, Rows: rows, Meta: x.Meta}
	}
	write(rw, http.StatusOK, res)
}

func write(rw http.ResponseWriter, status int, res *runResponse) {
	rw.Header().Set("Content-Type", "application/json")
	rw.WriteHeader(status)
	_ = json.NewEncoder(rw).Encode(res)
}

// ErrServerGone means the announced server did not answer for the state
// directory; the caller may open the database file itself.
var ErrServerGone = errors.New("no dev server answers for this state directory")

// Client runs queries through a dev server.
type Client struct {
	info  ServerInfo
	token string
	base  *url.URL
	http  *http.Client
}

// NewClient returns a client for the server info names.
func NewClient(info *ServerInfo) (*Client, error) {
	u, err := url.Parse(info.URL)
	if err != nil || u.Scheme != "http" {
		return nil, fmt.Errorf("%s names the URL %q, which is not an http:// URL", ServerFile(info.State), info.URL)
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("%s names %s, which is not a loopback address", ServerFile(info.State), info.URL)
	}
	token, err := kvcontrol.ReadToken(info.State)
	if err != nil {
		return nil, fmt.Errorf("read the dev server's control token: %w", err)
	}
	tr := &http.Transport{DialContext: (&net.Dialer{Timeout: time.Second}).DialContext, Proxy: nil}
	return &Client{info: *info, token: token, base: u, http: &http.Client{Transport: tr}}, nil
}

// Info is the server the client talks to.
func (c *Client) Info() ServerInfo { return c.info }

// Run runs queries as one transaction on the database with local id id.
// The answer's Err is a *d1.Error for an SQL failure; an error that means
// the server cannot be used wraps ErrServerGone.
func (c *Client) Run(ctx context.Context, id string, queries []d1.Query) d1.Answer {
	req := runRequest{ID: id, Queries: make([]wireQuery, len(queries))}
	for i, q := range queries {
		ps := make([]any, len(q.Params))
		for j, p := range q.Params {
			ps[j] = toWire(p)
		}
		req.Queries[i] = wireQuery{SQL: q.SQL, Params: ps}
	}
	body, _ := json.Marshal(req)
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base.JoinPath("/cdn-cgi/edgedev/d1/run").String(), bytes.NewReader(body))
	if err != nil {
		return d1.Answer{Err: err}
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set(kvcontrol.TokenHeader, c.token)
	resp, err := c.http.Do(hreq)
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) && op.Op == "dial" {
			return d1.Answer{Err: fmt.Errorf("%w (pid %d at %s: %v)", ErrServerGone, c.info.PID, c.info.URL, op.Err)}
		}
		return d1.Answer{Err: fmt.Errorf("the dev server (pid %d at %s) did not answer: %w", c.info.PID, c.info.URL, err)}
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusNotFound {
		return d1.Answer{Err: fmt.Errorf("%w (%s answered %s: it is not the dev server of this state directory)", ErrServerGone, c.info.URL, resp.Status)}
	}
	var res runResponse
	dec := json.NewDecoder(resp.Body)
	dec.UseNumber()
	if err := dec.Decode(&res); err != nil {
		return d1.Answer{Err: fmt.Errorf("%w (%s answered %s, not as an edgedev dev server)", ErrServerGone, c.info.URL, resp.Status)}
	}
	if res.Gone {
		return d1.Answer{Err: fmt.Errorf("%w (%s)", ErrServerGone, res.Error)}
	}
	if res.Error != "" {
		return d1.Answer{Err: &d1.Error{Message: res.Error}}
	}
	out := d1.Answer{Results: make([]d1.Result, len(res.Results))}
	for i, r := range res.Results {
		rows := make([][]any, len(r.Rows))
		for j, row := range r.Rows {
			for k := range row {
				row[k] = fromWire(row[k])
			}
			rows[j] = row
		}
		out.Results[i] = d1.Result{Columns: r.Columns, Rows: rows, Meta: r.Meta}
	}
	return out
}
