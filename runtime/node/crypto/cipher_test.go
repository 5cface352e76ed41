package crypto

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"testing"
)

func rep(b byte, n int) []byte { return bytes.Repeat([]byte{b}, n) }

// The wants came from workerd's node:crypto under wrangler 4.86.0.
func TestCipher_MatchesWorkerd(t *testing.T) {
	seal := func(t *testing.T, name string, key, iv, aad, pt []byte) (string, []byte) {
		t.Helper()
		c, err := newCipher(name, key, iv, false)
		if err != nil {
			t.Fatal(err)
		}
		if aad != nil {
			if err := c.setAAD(aad); err != nil {
				t.Fatal(err)
			}
		}
		var out []byte
		for i := range pt { // one byte at a time: update must stream
			o, err := c.update(pt[i : i+1])
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, o...)
		}
		f, err := c.final()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f...)
		tag, _ := c.authTag()
		return hex.EncodeToString(out), tag
	}
	t.Run("aes-256-gcm with AAD", func(t *testing.T) {
		ct, tag := seal(t, "aes-256-gcm", rep(1, 32), rep(2, 12), []byte("aad"), []byte("hello"))
		if got := ct + "/" + hex.EncodeToString(tag); got != "6fb3a52525/fdf96a2adb727c1f577e1a8c7c6db4d2" {
			t.Errorf("got %s", got)
		}
	})
	t.Run("chacha20-poly1305", func(t *testing.T) {
		ct, tag := seal(t, "chacha20-poly1305", rep(1, 32), rep(2, 12), nil, []byte("hi"))
		if got := ct + "/" + hex.EncodeToString(tag); got != "8e75/5d6240e2f604d0e83d2c62df42b24276" {
			t.Errorf("got %s", got)
		}
	})
	t.Run("aes-128-cbc pads", func(t *testing.T) {
		ct, _ := seal(t, "aes-128-cbc", rep(1, 16), rep(3, 16), nil, []byte("hello world, 17b!"))
		if ct != "d8a0ad077130f335db3628fcbc36025020d6b9ee65cae79d1f4cc58159bd3fa2" {
			t.Errorf("got %s", ct)
		}
	})
	t.Run("aes-256-ctr", func(t *testing.T) {
		ct, _ := seal(t, "aes-256-ctr", rep(1, 32), rep(3, 16), nil, []byte("hello"))
		b, _ := hex.DecodeString(ct)
		if got := base64.StdEncoding.EncodeToString(b); got != "l1dtwIE=" {
			t.Errorf("got %s", got)
		}
	})
}

func TestCipher_GCMAgainstGo(t *testing.T) {
	key, pt, aad := rep(7, 16), bytes.Repeat([]byte("0123456789abcdefXYZ"), 50), []byte("header and more than sixteen")
	for _, ivLen := range []int{12, 16, 8} {
		iv := rep(9, ivLen)
		b, _ := aes.NewCipher(key)
		g, _ := cipher.NewGCMWithNonceSize(b, ivLen)
		want := g.Seal(nil, iv, pt, aad)
		c, err := newCipher("aes-128-gcm", key, iv, false)
		if err != nil {
			t.Fatal(err)
		}
		_ = c.setAAD(aad[:5])
		_ = c.setAAD(aad[5:])
		o1, _ := c.update(pt[:33])
		o2, _ := c.update(pt[33:])
		_, _ = c.final()
		tag, _ := c.authTag()
		if got := append(append(o1, o2...), tag...); !bytes.Equal(got, want) {
			t.Errorf("iv %d: sealed differently from crypto/cipher", ivLen)
		}
		d, _ := newCipher("aes-128-gcm", key, iv, true)
		_ = d.setAAD(aad)
		_ = d.setAuthTag(want[len(pt):])
		back, _ := d.update(want[:len(pt)])
		if _, err := d.final(); err != nil || !bytes.Equal(back, pt) {
			t.Errorf("iv %d: open: %v", ivLen, err)
		}
		bad, _ := newCipher("aes-128-gcm", key, iv, true)
		_ = bad.setAuthTag(rep(0, 16))
		_, _ = bad.update(want[:len(pt)])
		if _, err := bad.final(); !errors.Is(err, errAuthFailed) {
			t.Errorf("iv %d: a wrong tag gave %v", ivLen, err)
		}
	}
}

func TestCipher_Errors(t *testing.T) {
	for _, c := range []struct {
		name    string
		key, iv []byte
		want    error
	}{
		{"aes-999-cbc", rep(0, 16), rep(0, 16), errUnknownCipher},
		{"aes-128-cbc", rep(0, 5), rep(0, 16), errKeyLength},
		{"aes-128-cbc", rep(0, 16), rep(0, 5), errIV},
		{"aes-128-gcm", rep(0, 16), nil, errIV},
	} {
		if _, err := newCipher(c.name, c.key, c.iv, false); !errors.Is(err, c.want) {
			t.Errorf("%s key %d iv %d: %v, want %v", c.name, len(c.key), len(c.iv), err, c.want)
		}
	}
	t.Run("bad padding", func(t *testing.T) {
		d, _ := newCipher("aes-128-cbc", rep(1, 16), rep(3, 16), true)
		_, _ = d.update(rep(0, 16))
		if _, err := d.final(); !errors.Is(err, errAuthFailed) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("no auth tag", func(t *testing.T) {
		d, _ := newCipher("aes-256-gcm", rep(1, 32), rep(2, 12), true)
		_, _ = d.update([]byte{0})
		if _, err := d.final(); !errors.Is(err, errNoAuthTag) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("cbc round trip with and without padding", func(t *testing.T) {
		for _, pad := range []bool{true, false} {
			pt := rep('a', 32)
			e, _ := newCipher("aes-192-cbc", rep(1, 24), rep(3, 16), false)
			e.pad = pad
			ct, _ := e.update(pt)
			f, err := e.final()
			if err != nil {
				t.Fatal(err)
			}
			ct = append(ct, f...)
			d, _ := newCipher("aes-192-cbc", rep(1, 24), rep(3, 16), true)
			d.pad = pad
			p1, _ := d.update(ct[:7])
			p2, _ := d.update(ct[7:])
			p3, err := d.final()
			if got := append(append(p1, p2...), p3...); err != nil || !bytes.Equal(got, pt) {
				t.Errorf("pad %v: %q %v", pad, got, err)
			}
		}
	})
}
