// TextEncoder and TextDecoder after the Encoding Standard
// (https://encoding.spec.whatwg.org/#interface-textencoder,
// https://encoding.spec.whatwg.org/#interface-textdecoder), and atob/btoa
// after HTML §8.3 (https://html.spec.whatwg.org/multipage/webappapis.html#atob)
// with workerd's error messages.
//
// Knowingly missing: decoders for legacy encodings other than windows-1252
// (workerd has all of them through ICU; any other label throws the RangeError
// workerd throws for an unknown one), TextEncoderStream and TextDecoderStream
// (streams.js has them), and SharedArrayBuffer inputs (goja has none).

package encoding

import (
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/webidl"
)

// Install defines TextEncoder, TextDecoder, atob and btoa in h's runtime.
// It only needs h.VM: decoding is synchronous.
func Install(h module.Host) error {
	vm := h.VM()
	if err := installTextCoders(vm); err != nil {
		return fmt.Errorf("install TextEncoder/TextDecoder: %w", err)
	}
	if err := installBase64(vm); err != nil {
		return fmt.Errorf("install atob/btoa: %w", err)
	}
	return nil
}

// ---- TextEncoder and TextDecoder -----------------------------------------

type textEncoder struct{}

// encoding is one of the encodings TextDecoder supports.
type encoding int

const (
	encUTF8 encoding = iota
	encUTF16LE
	encUTF16BE
	encWindows1252
)

func (e encoding) String() string {
	return [...]string{"utf-8", "utf-16le", "utf-16be", "windows-1252"}[e]
}

// encodingLabels maps every Encoding Standard label of the supported
// encodings to its encoding (https://encoding.spec.whatwg.org/#names-and-labels).
// Note "latin1", "ascii" and "iso-8859-1" all mean windows-1252 there.
var encodingLabels = map[string]encoding{
	"unicode-1-1-utf-8": encUTF8, "unicode11utf8": encUTF8, "unicode20utf8": encUTF8,
	"utf-8": encUTF8, "utf8": encUTF8, "x-unicode20utf8": encUTF8,

	"csunicode": encUTF16LE, "iso-10646-ucs-2": encUTF16LE, "ucs-2": encUTF16LE,
	"unicode": encUTF16LE, "unicodefeff": encUTF16LE, "utf-16": encUTF16LE, "utf-16le": encUTF16LE,

	"unicodefffe": encUTF16BE, "utf-16be": encUTF16BE,

	"ansi_x3.4-1968": encWindows1252, "ascii": encWindows1252, "cp1252": encWindows1252,
	"cp819": encWindows1252, "csisolatin1": encWindows1252, "ibm819": encWindows1252,
	"iso-8859-1": encWindows1252, "iso-ir-100": encWindows1252, "iso8859-1": encWindows1252,
	"iso88591": encWindows1252, "iso_8859-1": encWindows1252, "iso_8859-1:1987": encWindows1252,
	"l1": encWindows1252, "latin1": encWindows1252, "us-ascii": encWindows1252,
	"windows-1252": encWindows1252, "x-cp1252": encWindows1252,
}

// textDecoder is the state of one JS TextDecoder.
type textDecoder struct {
	enc       encoding
	fatal     bool
	ignoreBOM bool

	doNotFlush bool
	bomSeen    bool
	pend       [3]byte // utf-8: a valid but incomplete sequence; utf-16: an odd byte
	npend      int
	lead       uint16 // utf-16: a lead surrogate waiting for its trail, or 0
}

func installTextCoders(vm *goja.Runtime) error {
	views, err := webidl.Of(vm)
	if err != nil {
		return err
	}

	enc := webidl.NewClass(vm, "TextEncoder", 0, func(goja.FunctionCall) any { return &textEncoder{} })
	enc.Getter("encoding", func(call goja.FunctionCall) goja.Value {
		webidl.This[*textEncoder](vm, call, "TextEncoder", "encoding")
		return vm.ToValue("utf-8")
	})
	enc.Method("encode", 0, func(call goja.FunctionCall) goja.Value {
		webidl.This[*textEncoder](vm, call, "TextEncoder", "encode")
		in := call.Argument(0)
		if goja.IsUndefined(in) {
			return views.Uint8Array(nil)
		}
		return views.Uint8Array([]byte(in.String()))
	})
	enc.Method("encodeInto", 2, func(call goja.FunctionCall) goja.Value {
		webidl.This[*textEncoder](vm, call, "TextEncoder", "encodeInto")
		src := call.Argument(0).String()
		dst, ok := views.Uint8ArrayBytes(call.Argument(1))
		if !ok {
			panic(vm.NewTypeError("TextEncoder.encodeInto: argument 2 must be a Uint8Array"))
		}
		read, written := encodeInto(dst, src)
		res := vm.NewObject()
		_ = res.Set("read", read)
		_ = res.Set("written", written)
		return res
	})

	dec := webidl.NewClass(vm, "TextDecoder", 0, func(call goja.FunctionCall) any {
		d := &textDecoder{}
		if label := call.Argument(0); !goja.IsUndefined(label) {
			name := label.String()
			e, ok := encodingLabels[strings.ToLower(strings.Trim(name, "\t\n\f\r "))]
			if !ok {
				panic(webidl.NewRangeError(vm, fmt.Sprintf("%q is not a valid encoding.", name)))
			}
			d.enc = e
		}
		opts := call.Argument(1)
		d.fatal = webidl.Member(vm, opts, "fatal", "TextDecoder constructor: argument 2").ToBoolean()
		d.ignoreBOM = webidl.Member(vm, opts, "ignoreBOM", "TextDecoder constructor: argument 2").ToBoolean()
		return d
	})
	dec.Getter("encoding", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(webidl.This[*textDecoder](vm, call, "TextDecoder", "encoding").enc.String())
	})
	dec.Getter("fatal", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(webidl.This[*textDecoder](vm, call, "TextDecoder", "fatal").fatal)
	})
	dec.Getter("ignoreBOM", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(webidl.This[*textDecoder](vm, call, "TextDecoder", "ignoreBOM").ignoreBOM)
	})
	dec.Method("decode", 0, func(call goja.FunctionCall) goja.Value {
		d := webidl.This[*textDecoder](vm, call, "TextDecoder", "decode")
		var in []byte
		if a := call.Argument(0); !goja.IsUndefined(a) {
			b, ok := views.Bytes(a)
			if !ok {
				panic(vm.NewTypeError("TextDecoder.decode: argument 1 must be an ArrayBuffer or ArrayBufferView"))
			}
			in = b
		}
		stream := webidl.Member(vm, call.Argument(1), "stream", "TextDecoder.decode: argument 2").ToBoolean()
		v, ok := d.decode(vm, in, stream)
		if !ok {
			panic(vm.NewTypeError("Failed to decode input."))
		}
		return v
	})

	g := vm.GlobalObject()
	if err := g.DefineDataProperty("TextEncoder", enc.Ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	return g.DefineDataProperty("TextDecoder", dec.Ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// encodeInto writes as much of src (valid UTF-8) into dst as fits in whole
// characters and reports the UTF-16 code units read and bytes written.
func encodeInto(dst []byte, src string) (read, written int) {
	for written < len(src) {
		c := src[written]
		if c < utf8.RuneSelf {
			if written >= len(dst) {
				break
			}
			dst[written] = c
			written++
			read++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[written:])
		if written+size > len(dst) {
			break
		}
		copy(dst[written:], src[written:written+size])
		written += size
		read += utf16.RuneLen(r)
	}
	return read, written
}

// decode runs the decoder over in. It returns false when the decoder is fatal
// and in is malformed.
func (d *textDecoder) decode(vm *goja.Runtime, in []byte, stream bool) (goja.Value, bool) {
	if !d.doNotFlush {
		d.npend, d.lead, d.bomSeen = 0, 0, false
	}
	d.doNotFlush = stream
	switch d.enc {
	case encUTF8:
		s, ok := d.utf8(in, !stream)
		if !ok {
			d.npend = 0
			return nil, false
		}
		return vm.ToValue(s), true
	case encUTF16LE, encUTF16BE:
		u, ok := d.utf16(in, !stream, d.enc == encUTF16BE)
		if !ok {
			d.npend, d.lead = 0, 0
			return nil, false
		}
		return goja.StringFromUTF16(u), true
	default:
		return decodeWindows1252(vm, in), true
	}
}

// DecodeUTF8 is the Encoding Standard's "UTF-8 decode"
// (https://encoding.spec.whatwg.org/#utf-8-decode), what TextDecoder does in
// one call: a leading BOM is dropped and each maximal subpart of an
// ill-formed sequence becomes one U+FFFD. Blob.text() uses it. Safe for
// concurrent use.
func DecodeUTF8(b []byte) string {
	var d textDecoder
	s, _ := d.utf8(b, true)
	return s
}

// DecodeUTF8KeepBOM is DecodeUTF8 without dropping a leading BOM, for text
// the platform hands over byte for byte (a KV value read as text).
func DecodeUTF8KeepBOM(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return replaceInvalidUTF8(b)
}

// utf8 decodes in after whatever an earlier streaming call left pending,
// replacing each maximal invalid subpart with U+FFFD as the Encoding
// Standard's UTF-8 decoder does (Go's own decoder replaces byte by byte).
func (d *textDecoder) utf8(in []byte, flush bool) (string, bool) {
	if d.npend > 0 {
		joined := make([]byte, 0, d.npend+len(in))
		joined = append(append(joined, d.pend[:d.npend]...), in...)
		in, d.npend = joined, 0
	}
	if !flush {
		if n := incompleteUTF8Tail(in); n > 0 {
			d.npend = copy(d.pend[:], in[len(in)-n:])
			in = in[:len(in)-n]
		}
	}
	if len(in) == 0 {
		return "", true
	}
	if !d.ignoreBOM && !d.bomSeen {
		d.bomSeen = true
		if len(in) >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF {
			in = in[3:]
		}
	}
	if utf8.Valid(in) {
		return string(in), true
	}
	if d.fatal {
		return "", false
	}
	return replaceInvalidUTF8(in), true
}

// replaceInvalidUTF8 returns in with every maximal subpart of an ill-formed
// sequence replaced by U+FFFD.
func replaceInvalidUTF8(in []byte) string {
	var sb strings.Builder
	sb.Grow(len(in) + 8)
	for i := 0; i < len(in); {
		c := in[i]
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(in[i:])
		if r != utf8.RuneError || size > 1 {
			sb.Write(in[i : i+size])
			i += size
			continue
		}
		sb.WriteString("\uFFFD")
		i += maximalSubpart(in[i:])
	}
	return sb.String()
}

// utf8SecondByte gives, for a lead byte, how many continuation bytes follow
// it and the range the first of them must fall in (Encoding Standard §9.1.1);
// need is 0 for bytes that cannot start a sequence.
func utf8SecondByte(lead byte) (need int, lo, hi byte) {
	switch {
	case lead >= 0xC2 && lead <= 0xDF:
		return 1, 0x80, 0xBF
	case lead == 0xE0:
		return 2, 0xA0, 0xBF
	case lead == 0xED:
		return 2, 0x80, 0x9F
	case lead >= 0xE1 && lead <= 0xEF:
		return 2, 0x80, 0xBF
	case lead == 0xF0:
		return 3, 0x90, 0xBF
	case lead == 0xF4:
		return 3, 0x80, 0x8F
	case lead >= 0xF1 && lead <= 0xF3:
		return 3, 0x80, 0xBF
	}
	return 0, 0, 0
}

// validPrefix reports how many bytes of b, which starts with a lead byte,
// form a valid (possibly incomplete) sequence, and how long the complete
// sequence would be.
func validPrefix(b []byte) (valid, total int) {
	need, lo, hi := utf8SecondByte(b[0])
	if need == 0 {
		return 0, 1
	}
	valid = 1
	for k := 1; k <= need && k < len(b); k++ {
		c := b[k]
		if k == 1 && (c < lo || c > hi) || k > 1 && (c < 0x80 || c > 0xBF) {
			break
		}
		valid++
	}
	return valid, need + 1
}

// maximalSubpart is the length of the ill-formed sequence at the start of b
// that a single U+FFFD replaces.
func maximalSubpart(b []byte) int {
	valid, _ := validPrefix(b)
	if valid == 0 {
		return 1
	}
	return valid
}

// incompleteUTF8Tail returns how many bytes at the end of b are the start of
// a valid sequence that the next chunk may complete.
func incompleteUTF8Tail(b []byte) int {
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c >= 0x80 && c <= 0xBF {
			continue // a continuation byte: the lead is further back
		}
		if c < 0xC2 || c > 0xF4 {
			return 0
		}
		valid, total := validPrefix(b[len(b)-i:])
		if valid == i && i < total {
			return i
		}
		return 0
	}
	return 0
}

// utf16 decodes in as UTF-16 (Encoding Standard §14.2.1), carrying an odd
// byte and an unpaired lead surrogate over to the next streaming call.
func (d *textDecoder) utf16(in []byte, flush, bigEndian bool) ([]uint16, bool) {
	out := make([]uint16, 0, (len(in)+d.npend)/2+2)
	unit := func(a, b byte) uint16 {
		if bigEndian {
			return uint16(a)<<8 | uint16(b)
		}
		return uint16(b)<<8 | uint16(a)
	}
	i := 0
	for {
		var cu uint16
		switch {
		case d.npend == 1 && i < len(in):
			cu = unit(d.pend[0], in[i])
			d.npend = 0
			i++
		case d.npend == 0 && i+1 < len(in):
			cu = unit(in[i], in[i+1])
			i += 2
		default:
			goto done
		}
		if d.lead != 0 {
			lead := d.lead
			d.lead = 0
			if cu >= 0xDC00 && cu <= 0xDFFF {
				out = append(out, lead, cu)
				continue
			}
			if d.fatal {
				return nil, false
			}
			out = append(out, 0xFFFD)
		}
		switch {
		case cu >= 0xD800 && cu <= 0xDBFF:
			d.lead = cu
		case cu >= 0xDC00 && cu <= 0xDFFF:
			if d.fatal {
				return nil, false
			}
			out = append(out, 0xFFFD)
		default:
			out = append(out, cu)
		}
	}
done:
	if i < len(in) { // one odd byte left over
		d.pend[0] = in[i]
		d.npend = 1
	}
	if flush && (d.npend > 0 || d.lead != 0) {
		d.npend, d.lead = 0, 0
		if d.fatal {
			return nil, false
		}
		out = append(out, 0xFFFD)
	}
	if len(out) > 0 && !d.ignoreBOM && !d.bomSeen {
		d.bomSeen = true
		if out[0] == 0xFEFF {
			out = out[1:]
		}
	}
	return out, true
}

// windows1252High maps bytes 0x80..0x9F; every other byte is its own code
// point (https://encoding.spec.whatwg.org/index-windows-1252.txt).
var windows1252High = [32]uint16{
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
}

func decodeWindows1252(vm *goja.Runtime, in []byte) goja.Value {
	ascii := true
	for _, c := range in {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return vm.ToValue(string(in))
	}
	out := make([]uint16, len(in))
	for i, c := range in {
		if c >= 0x80 && c <= 0x9F {
			out[i] = windows1252High[c-0x80]
		} else {
			out[i] = uint16(c)
		}
	}
	return goja.StringFromUTF16(out)
}

// ---- atob and btoa --------------------------------------------------------

const (
	atobInvalid = "atob() called with invalid base64-encoded data. (Only whitespace, '+', '/', alphanumeric ASCII, and up to two terminal '=' signs when the input data length is divisible by 4 are allowed.)"
	btoaInvalid = "btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range."
)

func installBase64(vm *goja.Runtime) error {
	dom, err := webidl.Of(vm)
	if err != nil {
		return err
	}
	atob := webidl.Function(vm, "atob", 1, func(call goja.FunctionCall) goja.Value {
		webidl.RequireArgs(vm, call, 1, "atob")
		out, ok := ForgivingBase64(call.Argument(0).String())
		if !ok {
			dom.ThrowDOMException("InvalidCharacterError", atobInvalid)
		}
		return latin1Value(vm, out)
	})
	btoa := webidl.Function(vm, "btoa", 1, func(call goja.FunctionCall) goja.Value {
		webidl.RequireArgs(vm, call, 1, "btoa")
		b, ok := latin1Bytes(call.Argument(0))
		if !ok {
			dom.ThrowDOMException("InvalidCharacterError", btoaInvalid)
		}
		return vm.ToValue(base64.StdEncoding.EncodeToString(b))
	})
	g := vm.GlobalObject()
	if err := g.DefineDataProperty("atob", atob, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		return err
	}
	return g.DefineDataProperty("btoa", btoa, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// ForgivingBase64 is the Infra Standard's forgiving-base64 decode
// (https://infra.spec.whatwg.org/#forgiving-base64-decode), which atob and
// fetch's data: URLs share: ASCII whitespace is ignored, padding is
// optional, and leftover bits need not be zero. It reports false for input
// that is not base64; the caller owns the returned bytes. Safe for
// concurrent use.
func ForgivingBase64(s string) ([]byte, bool) {
	if strings.ContainsAny(s, "\t\n\f\r ") {
		s = strings.Map(func(r rune) rune {
			switch r {
			case '\t', '\n', '\f', '\r', ' ':
				return -1
			}
			return r
		}, s)
	}
	if len(s)%4 == 0 {
		s = strings.TrimSuffix(s, "=")
		s = strings.TrimSuffix(s, "=")
	}
	if len(s)%4 == 1 {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
			return nil, false
		}
	}
	out, err := base64.RawStdEncoding.DecodeString(s)
	return out, err == nil
}

// latin1Value makes a JS string whose code units are the bytes of b.
func latin1Value(vm *goja.Runtime, b []byte) goja.Value {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			u := make([]uint16, len(b))
			for i, c := range b {
				u[i] = uint16(c)
			}
			return goja.StringFromUTF16(u)
		}
	}
	return vm.ToValue(string(b))
}

// latin1Bytes converts v to a string and returns its code units as bytes,
// or false if one of them is above U+00FF.
func latin1Bytes(v goja.Value) ([]byte, bool) {
	s := v.ToString()
	gs := s.String()
	if str, ok := s.(goja.String); !ok || len(gs) == str.Length() {
		return []byte(gs), true // ASCII: one byte per code unit
	}
	out := make([]byte, 0, len(gs))
	for _, r := range gs { // lone surrogates arrive as U+FFFD and fail below
		if r > 0xFF {
			return nil, false
		}
		out = append(out, byte(r))
	}
	return out, true
}
