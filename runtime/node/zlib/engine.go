package zlib

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"hash/adler32"
	"io"
	"sync"

	"github.com/andybalholm/brotli"
)

// Modes, as zlib.constants numbers them.
const (
	modeDeflate    = 1
	modeInflate    = 2
	modeGzip       = 3
	modeGunzip     = 4
	modeDeflateRaw = 5
	modeInflateRaw = 6
	modeUnzip      = 7
	modeBrotliDec  = 8
	modeBrotliEnc  = 9
)

// options are the zlib and brotli options a codec reads.
type options struct {
	level      int // -1..9; brotli: quality 0..11
	windowBits int
	dictionary []byte
	brotliMode int
	sizeHint   int
}

func compressing(mode int) bool {
	return mode == modeDeflate || mode == modeGzip || mode == modeDeflateRaw || mode == modeBrotliEnc
}

// newWriter is the compressor of mode writing into w.
func newWriter(mode int, o options, w io.Writer) (io.WriteCloser, error) {
	switch mode {
	case modeGzip:
		g, err := gzip.NewWriterLevel(w, o.level)
		if err != nil {
			return nil, err
		}
		g.OS = 3 // zlib writes "Unix"
		return g, nil
	case modeDeflate:
		if o.dictionary != nil {
			return zlib.NewWriterLevelDict(w, o.level, o.dictionary)
		}
		return zlib.NewWriterLevel(w, o.level)
	case modeDeflateRaw:
		if o.dictionary != nil {
			return flate.NewWriterDict(w, o.level, o.dictionary)
		}
		return flate.NewWriter(w, o.level)
	case modeBrotliEnc:
		lgwin := o.windowBits
		if lgwin == 0 {
			lgwin = 22
		}
		return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: o.level, LGWin: lgwin}), nil
	}
	return nil, errors.New("not a compression mode")
}

// newReader is the decompressor of mode reading r.
func newReader(mode int, o options, r io.Reader) (io.Reader, error) {
	switch mode {
	case modeGunzip:
		return gunzipReader(r)
	case modeInflate:
		if o.dictionary != nil {
			return zlib.NewReaderDict(r, o.dictionary)
		}
		return zlib.NewReader(r)
	case modeInflateRaw:
		if o.dictionary != nil {
			return flate.NewReaderDict(r, o.dictionary), nil
		}
		return flate.NewReader(r), nil
	case modeUnzip:
		// unzip detects gzip or zlib by the first two bytes, as zlib's
		// inflateInit2 with windowBits 15+32 does.
		br := bufio.NewReader(r)
		head, err := br.Peek(2)
		if err != nil {
			if err == io.EOF && len(head) > 0 {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if head[0] == 0x1f && head[1] == 0x8b {
			return gunzipReader(br)
		}
		return zlib.NewReader(br)
	case modeBrotliDec:
		return brotli.NewReader(r), nil
	}
	return nil, errors.New("not a decompression mode")
}

// gunzipReader reads gzip members one after another, as zlib's gunzip
// does, and checks each member's magic bytes before anything else: "hello"
// and junk after a member are bad headers, not short ones.
func gunzipReader(r io.Reader) (io.Reader, error) {
	// A bufio.Reader is an io.ByteReader, so gzip reads it without a
	// buffer of its own and leaves what follows a member where Peek sees it.
	pr, ok := r.(*bufio.Reader)
	if !ok {
		pr = bufio.NewReader(r)
	}
	if err := checkMagic(pr, false); err != nil {
		return nil, err
	}
	g, err := gzip.NewReader(pr)
	if err != nil {
		return nil, err
	}
	g.Multistream(false)
	return &members{pr: pr, g: g}, nil
}

// checkMagic reads the next member's first bytes: io.EOF when there is
// none and more is allowed, gzip.ErrHeader when they are not gzip's.
func checkMagic(pr *bufio.Reader, more bool) error {
	head, err := pr.Peek(2)
	if more && len(head) == 0 {
		return io.EOF
	}
	if err == io.EOF && len(head) > 0 {
		err = io.ErrUnexpectedEOF
	}
	if (len(head) > 0 && head[0] != 0x1f) || (len(head) > 1 && head[1] != 0x8b) {
		return gzip.ErrHeader
	}
	return err
}

type members struct {
	pr *bufio.Reader
	g  *gzip.Reader
}

func (m *members) Read(p []byte) (int, error) {
	for {
		n, err := m.g.Read(p)
		if err != io.EOF {
			return n, err
		}
		if n > 0 {
			return n, nil
		}
		if err := checkMagic(m.pr, true); err != nil {
			return 0, err
		}
		if err := m.g.Reset(m.pr); err != nil {
			return 0, err
		}
		m.g.Multistream(false)
	}
}

// zlibMessage is the message zlib (or brotli's decoder) gives for what Go
// reports, so a worker sees the text it sees under workerd.
func zlibMessage(mode int, err error) string {
	var corrupt flate.CorruptInputError
	switch {
	case mode == modeBrotliDec && (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)):
		return "Unexpected end of file"
	case mode == modeBrotliDec:
		return "Decompression failed"
	case errors.Is(err, zlib.ErrHeader), errors.Is(err, gzip.ErrHeader):
		return "incorrect header check"
	case errors.Is(err, zlib.ErrChecksum), errors.Is(err, gzip.ErrChecksum):
		return "incorrect data check"
	case errors.Is(err, zlib.ErrDictionary):
		return "Missing dictionary"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "unexpected end of file"
	case errors.As(err, &corrupt):
		return "invalid block type"
	}
	return err.Error()
}

// process runs a whole buffer through mode at once (the Sync functions).
func process(mode int, o options, in []byte, maxOut int) ([]byte, error) {
	if compressing(mode) {
		var buf bytes.Buffer
		w, err := newWriter(mode, o, &buf)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(in); err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	if len(in) == 0 && mode != modeBrotliDec {
		return nil, errors.New("unexpected end of file")
	}
	r, err := newReader(mode, o, bytes.NewReader(in))
	if err != nil {
		return nil, errors.New(zlibMessage(mode, err))
	}
	var out bytes.Buffer
	lim := io.Reader(r)
	if maxOut > 0 {
		lim = io.LimitReader(r, int64(maxOut)+1)
	}
	if _, err := out.ReadFrom(lim); err != nil {
		return nil, errors.New(zlibMessage(mode, err))
	}
	if maxOut > 0 && out.Len() > maxOut {
		return nil, errTooLarge
	}
	return out.Bytes(), nil
}

var errTooLarge = errors.New("Memory limit exceeded") // workerd's, a RangeError

// adler is zlib's checksum, exposed for tests.
var adler = adler32.Checksum

// stream is one zlib stream object (createGzip, ...): a compressor writes
// into buf as chunks arrive; a decompressor runs its Go reader on its own
// goroutine, fed through in, because Go's readers pull their input.
type stream struct {
	mode int
	// compressing
	buf bytes.Buffer
	w   io.WriteCloser
	// decompressing
	in   *feeder
	mu   sync.Mutex
	out  []byte
	err  error
	done bool // the reader reached the end of the compressed data
}

func newStream(mode int, o options) (*stream, error) {
	s := &stream{mode: mode}
	if compressing(mode) {
		w, err := newWriter(mode, o, &s.buf)
		if err != nil {
			return nil, err
		}
		s.w = w
		return s, nil
	}
	s.in = newFeeder()
	go s.run(o)
	return s, nil
}

func (s *stream) run(o options) {
	r, err := newReader(s.mode, o, s.in)
	if err == nil {
		b := make([]byte, 32<<10)
		for {
			var n int
			n, err = r.Read(b)
			if n > 0 {
				s.mu.Lock()
				s.out = append(s.out, b[:n]...)
				s.mu.Unlock()
			}
			if err != nil {
				break
			}
		}
	}
	s.mu.Lock()
	if err == io.EOF {
		err = nil
	}
	s.err, s.done = err, true
	s.mu.Unlock()
	s.in.finish()
}

// take hands over what the decompressor produced so far.
func (s *stream) take() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.out
	s.out = nil
	return out, s.err
}

// feeder is the decompressor's input: chunks written by the loop, read by
// the reader goroutine; idle says the reader has used up every chunk (or
// stopped), which is when a write's output is complete.
type feeder struct {
	mu      sync.Mutex
	cond    *sync.Cond
	chunks  [][]byte
	eof     bool
	stopped bool
	waiting bool
	idle    chan struct{} // receives when the reader waits with nothing left, or stops
}

func newFeeder() *feeder {
	f := &feeder{idle: make(chan struct{}, 1)}
	f.cond = sync.NewCond(&f.mu)
	return f
}

func (f *feeder) Read(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(f.chunks) == 0 && !f.eof {
		f.signal()
		f.waiting = true
		f.cond.Wait()
		f.waiting = false
	}
	if len(f.chunks) == 0 {
		return 0, io.EOF // the decompressor turns an early end into ErrUnexpectedEOF
	}
	n := copy(p, f.chunks[0])
	if n == len(f.chunks[0]) {
		f.chunks = f.chunks[1:]
	} else {
		f.chunks[0] = f.chunks[0][n:]
	}
	return n, nil
}

func (f *feeder) signal() {
	select {
	case f.idle <- struct{}{}:
	default:
	}
}

// write adds a chunk (nil with end for the end of the input) and waits until
// the reader has consumed everything so far or stopped.
func (f *feeder) write(b []byte, end bool) {
	f.mu.Lock()
	if f.stopped {
		f.mu.Unlock()
		return
	}
	select { // a stale idle signal from before this chunk
	case <-f.idle:
	default:
	}
	if len(b) > 0 {
		f.chunks = append(f.chunks, b)
	}
	if end {
		f.eof = true
	}
	f.cond.Broadcast()
	f.mu.Unlock()
	<-f.idle
}

func (f *feeder) finish() {
	f.mu.Lock()
	f.stopped = true
	f.mu.Unlock()
	f.signal()
}

var errUnexpectedEnd = errors.New("unexpected end of file")
