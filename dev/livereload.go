package dev

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// broadcaster fans reload notices out to the browsers connected to
// /cdn-cgi/edgedev/live-reload (server-sent events).
type broadcaster struct {
	mu     sync.Mutex
	subs   map[chan string]struct{}
	closed bool
}

func newBroadcaster() *broadcaster { return &broadcaster{subs: map[chan string]struct{}{}} }

// send delivers one event to every subscriber; a subscriber that is behind
// misses it rather than blocking the reload.
func (b *broadcaster) send(event, data string) {
	d, _ := json.Marshal(data)
	msg := fmt.Sprintf("event: %s\ndata: %s\n\n", event, d)
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- msg:
		default:
		}
	}
}

func (b *broadcaster) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.closed = true
	for ch := range b.subs {
		close(ch)
	}
	b.subs = nil
}

func (b *broadcaster) serve(rw http.ResponseWriter, r *http.Request) {
	fl, ok := rw.(http.Flusher)
	if !ok {
		http.Error(rw, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan string, 4)
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		http.Error(rw, "shutting down", http.StatusServiceUnavailable)
		return
	}
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		if !b.closed {
			delete(b.subs, ch)
		}
		b.mu.Unlock()
	}()
	rw.Header().Set("Content-Type", "text/event-stream")
	rw.Header().Set("Cache-Control", "no-store")
	rw.WriteHeader(http.StatusOK)
	fmt.Fprint(rw, ": connected\n\n")
	fl.Flush()
	for {
		select {
		case msg, ok := <-ch:
			if !ok {
				return
			}
			fmt.Fprint(rw, msg)
			fl.Flush()
		case <-r.Context().Done():
			return
		}
	}
}

// liveReloadScript reloads the page after a successful rebuild and shows a
// failed build as an overlay until the next good one.
const liveReloadScript = `<script>(() => {
  const es = new EventSource("/cdn-cgi/edgedev/live-reload");
  es.addEventListener("reload", () => location.reload());
  es.addEventListener("build-error", (e) => {
    let o = document.getElementById("__edgedev_overlay");
    if (!o) {
      o = document.createElement("pre");
      o.id = "__edgedev_overlay";
      o.style.cssText = "position:fixed;inset:0;margin:0;padding:2rem;background:rgba(20,0,0,.92);color:#fdd;font:14px/1.5 monospace;white-space:pre-wrap;z-index:2147483647;overflow:auto";
      document.body.appendChild(o);
    }
    o.textContent = "edgedev: the last change failed to build; the previous version is still running.\n\n" + JSON.parse(e.data);
  });
})();</script>`

// liveReloadWriter appends the live-reload script to HTML responses.
type liveReloadWriter struct {
	http.ResponseWriter
	html bool
}

func (w *liveReloadWriter) WriteHeader(code int) {
	h := w.Header()
	if strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		w.html = true
		h.Del("Content-Length")
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *liveReloadWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *liveReloadWriter) finish() {
	if w.html {
		_, _ = w.ResponseWriter.Write([]byte(liveReloadScript))
	}
}
