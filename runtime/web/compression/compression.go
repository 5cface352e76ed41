// The Go half of CompressionStream/DecompressionStream (compression.js).
// Compression writes into a buffer and hands over what each chunk produced.
// Decompression runs the Go reader on its own goroutine behind a pipe, so
// output streams chunk by chunk with bounded memory; a write returns once the
// reader has taken the chunk, which it does at once.

package compression

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	_ "embed"
	"errors"
	"io"
	"sync"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/webidl"
)

//go:embed compression.js
var compressionJS string

var compressionFile = module.NewJSFile("edgedev:compression.js", compressionJS)

// codec is one compression or decompression in progress. Loop goroutine
// only (the decompressor's reader goroutine touches only its own fields
// under mu).
type codec interface {
	write(p []byte) ([]byte, error)
	close() ([]byte, error)
}

type compressor struct {
	buf bytes.Buffer
	w   io.WriteCloser
}

func newCompressor(format string) *compressor {
	c := &compressor{}
	switch format {
	case "gzip":
		c.w = gzip.NewWriter(&c.buf)
	case "deflate":
		c.w = zlib.NewWriter(&c.buf)
	default: // "deflate-raw"; compression.js checked the name
		c.w, _ = flate.NewWriter(&c.buf, flate.DefaultCompression)
	}
	return c
}

func (c *compressor) take() []byte {
	if c.buf.Len() == 0 {
		return nil
	}
	out := bytes.Clone(c.buf.Bytes())
	c.buf.Reset()
	return out
}

func (c *compressor) write(p []byte) ([]byte, error) {
	if _, err := c.w.Write(p); err != nil {
		return nil, err
	}
	return c.take(), nil
}

func (c *compressor) close() ([]byte, error) {
	if err := c.w.Close(); err != nil {
		return nil, err
	}
	return c.take(), nil
}

type decompressor struct {
	pw   *io.PipeWriter
	done chan struct{}

	mu  sync.Mutex
	out bytes.Buffer
	err error
}

func newDecompressor(ctx context.Context, format string) *decompressor {
	pr, pw := io.Pipe()
	d := &decompressor{pw: pw, done: make(chan struct{})}
	// A stream the worker abandons would leave the reader waiting; the
	// instance's retirement ends it.
	go func() {
		select {
		case <-ctx.Done():
			_ = pw.CloseWithError(ctx.Err())
		case <-d.done:
		}
	}()
	go func() {
		defer close(d.done)
		var r io.Reader
		var err error
		switch format {
		case "gzip":
			r, err = gzip.NewReader(pr)
		case "deflate":
			r, err = zlib.NewReader(pr)
		default:
			r = flate.NewReader(pr)
		}
		buf := make([]byte, 32<<10)
		for err == nil {
			var n int
			n, err = r.Read(buf)
			d.mu.Lock()
			d.out.Write(buf[:n])
			d.mu.Unlock()
		}
		if err == io.EOF {
			err = nil
		}
		d.mu.Lock()
		d.err = err
		d.mu.Unlock()
		// Unblock a writer if the data ended early or was corrupt.
		pr.CloseWithError(errors.Join(err, errDecompressDone))
	}()
	return d
}

var errDecompressDone = errors.New("the compressed data ended")

func (d *decompressor) take() ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return nil, d.err
	}
	if d.out.Len() == 0 {
		return nil, nil
	}
	out := bytes.Clone(d.out.Bytes())
	d.out.Reset()
	return out, nil
}

func (d *decompressor) write(p []byte) ([]byte, error) {
	if _, err := d.pw.Write(p); err != nil {
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.err != nil {
			return nil, d.err
		}
		return nil, errors.New("trailing bytes after the end of the compressed data")
	}
	return d.take()
}

func (d *decompressor) close() ([]byte, error) {
	_ = d.pw.Close()
	<-d.done
	d.mu.Lock()
	err := d.err
	d.mu.Unlock()
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, errors.New("the compressed data ended too early")
	}
	return d.take()
}

// Install defines CompressionStream and DecompressionStream. They build on
// the TransformStream global (package streams), which they look up when
// constructed. A decompression in progress ends when the instance's context
// does.
func Install(h module.Host) error {
	vm := h.VM()
	// A decompression's reader goroutine ends with the instance (or when
	// the stream closes), not with the request that made it.
	instance := h.Context()
	idl, err := webidl.Of(vm)
	if err != nil {
		return err
	}
	install, err := compressionFile.Load(vm)
	if err != nil {
		return err
	}
	n := module.NewNatives(vm)
	codecOf := func(v goja.Value) codec {
		c, ok := v.Export().(codec)
		if !ok {
			panic(vm.NewTypeError("Illegal invocation"))
		}
		return c
	}
	result := func(out []byte, err error) goja.Value {
		if err != nil {
			panic(vm.NewTypeError("%s", "Decompression failed: "+err.Error()))
		}
		if out == nil {
			return goja.Null()
		}
		return idl.Uint8Array(out)
	}
	for name, fn := range map[string]func(goja.FunctionCall) goja.Value{
		"compressor": func(c goja.FunctionCall) goja.Value { return vm.ToValue(codec(newCompressor(c.Argument(0).String()))) },
		"decompressor": func(c goja.FunctionCall) goja.Value {
			return vm.ToValue(codec(newDecompressor(instance, c.Argument(0).String())))
		},
		"write": func(c goja.FunctionCall) goja.Value {
			b, ok := idl.Bytes(c.Argument(1))
			if !ok {
				panic(vm.NewTypeError("expected bytes"))
			}
			return result(codecOf(c.Argument(0)).write(b))
		},
		"close": func(c goja.FunctionCall) goja.Value { return result(codecOf(c.Argument(0)).close()) },
	} {
		n.Func(name, fn)
	}
	_, err = install(goja.Undefined(), n.Object())
	return err
}
