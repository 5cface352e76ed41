package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"strings"

	"golang.org/x/crypto/chacha20"
	"golang.org/x/crypto/poly1305"
)

// cipherSpec is one cipher Node names: its key and IV sizes and mode.
type cipherSpec struct {
	name            string // OpenSSL's long name, for getCipherInfo
	nid             int
	keyLen, ivLen   int
	blockSize       int
	mode            string // "cbc", "ecb", "ctr", "ofb", "gcm", "chacha20-poly1305"
	newBlock        func(key []byte) (cipher.Block, error)
	flexibleIV, aad bool
}

// ciphers are the ones this module implements, by lower-case name; name
// and nid are OpenSSL's short name and number, which getCipherInfo under
// workerd reports ("AES-128-CBC", "id-aes256-GCM"). The list of names getCiphers() returns is workerd's.
var ciphers = map[string]*cipherSpec{}

func init() {
	for _, bits := range []int{128, 192, 256} {
		k := bits / 8
		b := func(key []byte) (cipher.Block, error) { return aes.NewCipher(key) }
		n := "aes-" + itoa(bits)
		sn := "AES-" + itoa(bits)
		base := map[int]int{128: 0, 192: 1, 256: 2}[bits]
		ciphers[n+"-cbc"] = &cipherSpec{name: sn + "-CBC", nid: 419 + 4*base, keyLen: k, ivLen: 16, blockSize: 16, mode: "cbc", newBlock: b}
		ciphers[n+"-ecb"] = &cipherSpec{name: sn + "-ECB", nid: 418 + 4*base, keyLen: k, ivLen: 0, blockSize: 16, mode: "ecb", newBlock: b}
		ciphers[n+"-ofb"] = &cipherSpec{name: sn + "-OFB", nid: 420 + 4*base, keyLen: k, ivLen: 16, blockSize: 1, mode: "ofb", newBlock: b}
		ciphers[n+"-ctr"] = &cipherSpec{name: sn + "-CTR", nid: 904 + base, keyLen: k, ivLen: 16, blockSize: 1, mode: "ctr", newBlock: b}
		ciphers[n+"-gcm"] = &cipherSpec{name: "id-aes" + itoa(bits) + "-GCM", nid: 895 + 3*base, keyLen: k, ivLen: 12, blockSize: 1, mode: "gcm", newBlock: b, flexibleIV: true, aad: true}
	}
	ciphers["des-ede3-cbc"] = &cipherSpec{name: "DES-EDE3-CBC", nid: 44, keyLen: 24, ivLen: 8, blockSize: 8, mode: "cbc", newBlock: des.NewTripleDESCipher}
	ciphers["des-cbc"] = &cipherSpec{name: "DES-CBC", nid: 31, keyLen: 8, ivLen: 8, blockSize: 8, mode: "cbc", newBlock: des.NewCipher}
	ciphers["chacha20-poly1305"] = &cipherSpec{name: "ChaCha20-Poly1305", nid: 1018, keyLen: 32, ivLen: 12, blockSize: 1, mode: "chacha20-poly1305", aad: true}
}

// cipherNames is crypto.getCiphers() as workerd 2026-04-26 answers it.
var cipherNames = strings.Split("AES-128-CBC,AES-192-CBC,AES-256-CBC,AES-128-CTR,AES-192-CTR,AES-256-CTR,AES-128-ECB,AES-192-ECB,AES-256-ECB,AES-128-OFB,AES-192-OFB,AES-256-OFB,AES-128-GCM,AES-192-GCM,AES-256-GCM,DES-CBC,DES-ECB,DES-EDE,DES-EDE-CBC,DES-EDE3-CBC,RC2-CBC,RC4,aes-128-cbc,aes-192-cbc,aes-256-cbc,aes-128-ctr,aes-192-ctr,aes-256-ctr,aes-128-ecb,aes-192-ecb,aes-256-ecb,aes-128-ofb,aes-192-ofb,aes-256-ofb,aes-128-gcm,aes-192-gcm,aes-256-gcm,des-cbc,des-ecb,des-ede,des-ede-cbc,des-ede3-cbc,rc2-cbc,rc4,aes-256-eax,aes-128-ccm-bluetooth-8,aes-128-eax,aes-128-ccm-bluetooth,aes-128-ccm-matter,aes-256-gcm-randnonce,aes-256-ctr-hmac-sha256,aes-256-gcm-siv,aes-128-gcm-randnonce,aes-128-gcm-siv,aes-128-ctr-hmac-sha256,chacha20-poly1305,xchacha20-poly1305,aes-128-gcm,aes-256-gcm,aes-192-gcm", ",")

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// Errors a cipher reports; their text is what workerd's node:crypto says.
var (
	errUnknownCipher = errors.New("Unknown or unsupported cipher")
	errKeyLength     = errors.New("Invalid key length")
	errIV            = errors.New("Invalid initialization vector")
	errAuthFailed    = errors.New("Authentication failed")
	errNoAuthTag     = errors.New("No auth tag provided")
	errAuthTagLength = errors.New("Invalid authentication tag length")
	errState         = errors.New("Cipher/decipher context has already been finalized")
	errTagState      = errors.New("Auth tag is only available once cipher context has been finalized")
)

// cipherState is one Cipheriv or Decipheriv. Loop goroutine only.
type cipherState struct {
	spec    *cipherSpec
	decrypt bool
	pad     bool

	block cipher.Block
	bm    cipher.BlockMode // cbc
	s     cipher.Stream    // ctr, ofb, gcm, chacha
	buf   []byte           // cbc/ecb: bytes not yet processed

	// AEAD state (gcm, chacha20-poly1305).
	gh            *ghash
	poly          *poly1305.MAC
	tagMask       [16]byte // gcm: E(K, J0)
	aadLen, ctLen uint64
	started       bool // first update seen: the AAD is complete
	tagLen        int
	tag           []byte // the tag: set by setAuthTag (decrypt) or final (encrypt)
	done          bool
}

func newCipher(name string, key, iv []byte, decrypt bool) (*cipherState, error) {
	spec := ciphers[strings.ToLower(name)]
	if spec == nil {
		return nil, errUnknownCipher
	}
	if len(key) != spec.keyLen {
		return nil, errKeyLength
	}
	if spec.flexibleIV {
		if len(iv) == 0 {
			return nil, errIV
		}
	} else if len(iv) != spec.ivLen {
		return nil, errIV
	}
	// workerd takes authTagLength but always hands out a 16-byte tag.
	c := &cipherState{spec: spec, decrypt: decrypt, pad: true, tagLen: 16}
	if spec.mode == "chacha20-poly1305" {
		s, err := chacha20.NewUnauthenticatedCipher(key, iv)
		if err != nil {
			return nil, errKeyLength
		}
		var polyKey [32]byte
		s.XORKeyStream(polyKey[:], polyKey[:])
		s.SetCounter(1)
		c.s, c.poly = s, poly1305.New(&polyKey)
		return c, nil
	}
	b, err := spec.newBlock(key)
	if err != nil {
		return nil, errKeyLength
	}
	c.block = b
	switch spec.mode {
	case "cbc":
		if decrypt {
			c.bm = cipher.NewCBCDecrypter(b, iv)
		} else {
			c.bm = cipher.NewCBCEncrypter(b, iv)
		}
	case "ctr":
		c.s = cipher.NewCTR(b, iv)
	case "ofb":
		c.s = cipher.NewOFB(b, iv) //nolint:staticcheck // OFB is what aes-*-ofb means
	case "gcm":
		var h [16]byte
		b.Encrypt(h[:], h[:])
		c.gh = newGHASH(h[:])
		var j0 [16]byte
		if len(iv) == 12 {
			copy(j0[:], iv)
			j0[15] = 1
		} else {
			g := newGHASH(h[:])
			g.update(iv)
			g.pad()
			var lens [16]byte
			binary.BigEndian.PutUint64(lens[8:], uint64(len(iv))*8)
			g.update(lens[:])
			j0 = g.sum()
		}
		b.Encrypt(c.tagMask[:], j0[:])
		ctr := j0
		binary.BigEndian.PutUint32(ctr[12:], binary.BigEndian.Uint32(j0[12:])+1)
		c.s = cipher.NewCTR(b, ctr[:])
	}
	return c, nil
}

func (c *cipherState) setAAD(aad []byte) error {
	if !c.spec.aad || c.started || c.done {
		return errState
	}
	c.aadLen += uint64(len(aad))
	if c.gh != nil {
		c.gh.update(aad)
	} else {
		c.poly.Write(aad)
	}
	return nil
}

func (c *cipherState) setAuthTag(tag []byte) error {
	if !c.spec.aad || !c.decrypt || c.done || c.tag != nil {
		return errState
	}
	if len(tag) < 4 || len(tag) > 16 {
		return errAuthTagLength
	}
	c.tag = append([]byte(nil), tag...)
	return nil
}

func (c *cipherState) authTag() ([]byte, error) {
	if !c.spec.aad || c.decrypt || !c.done {
		return nil, errTagState
	}
	return c.tag, nil
}

func (c *cipherState) startData() {
	if c.started {
		return
	}
	c.started = true
	if c.gh != nil {
		c.gh.pad()
	} else if c.poly != nil {
		padPoly(c.poly, c.aadLen)
	}
}

func padPoly(m *poly1305.MAC, n uint64) {
	if r := n % 16; r != 0 {
		var zero [16]byte
		m.Write(zero[:16-r])
	}
}

func (c *cipherState) update(in []byte) ([]byte, error) {
	if c.done {
		return nil, errState
	}
	if c.s != nil {
		c.startData()
		out := make([]byte, len(in))
		if c.spec.aad && c.decrypt {
			c.mac(in)
		}
		c.s.XORKeyStream(out, in)
		if c.spec.aad && !c.decrypt {
			c.mac(out)
		}
		return out, nil
	}
	c.buf = append(c.buf, in...)
	bs := c.spec.blockSize
	n := len(c.buf) / bs * bs
	if c.decrypt && c.pad && n == len(c.buf) && n > 0 {
		n -= bs // keep the last block for final, which strips the padding
	}
	out := make([]byte, n)
	c.crypt(out, c.buf[:n])
	c.buf = append(c.buf[:0], c.buf[n:]...)
	return out, nil
}

func (c *cipherState) mac(ct []byte) {
	c.ctLen += uint64(len(ct))
	if c.gh != nil {
		c.gh.update(ct)
	} else {
		c.poly.Write(ct)
	}
}

func (c *cipherState) crypt(dst, src []byte) {
	if len(src) == 0 {
		return
	}
	if c.bm != nil {
		c.bm.CryptBlocks(dst, src)
		return
	}
	bs := c.spec.blockSize
	for i := 0; i < len(src); i += bs {
		if c.decrypt {
			c.block.Decrypt(dst[i:i+bs], src[i:i+bs])
		} else {
			c.block.Encrypt(dst[i:i+bs], src[i:i+bs])
		}
	}
}

func (c *cipherState) final() ([]byte, error) {
	if c.done {
		return nil, errState
	}
	c.done = true
	if c.spec.aad {
		c.startData()
		tag := c.sumTag()
		if !c.decrypt {
			c.tag = tag[:c.tagLen]
			return []byte{}, nil
		}
		if c.tag == nil {
			return nil, errNoAuthTag
		}
		if subtle.ConstantTimeCompare(tag[:len(c.tag)], c.tag) != 1 {
			return nil, errAuthFailed
		}
		return []byte{}, nil
	}
	if c.s != nil {
		return []byte{}, nil
	}
	bs := c.spec.blockSize
	if !c.decrypt {
		if c.pad {
			p := bs - len(c.buf)%bs
			for range p {
				c.buf = append(c.buf, byte(p))
			}
		}
		if len(c.buf)%bs != 0 {
			return nil, errAuthFailed
		}
		out := make([]byte, len(c.buf))
		c.crypt(out, c.buf)
		return out, nil
	}
	if len(c.buf)%bs != 0 || (c.pad && len(c.buf) == 0) {
		return nil, errAuthFailed
	}
	out := make([]byte, len(c.buf))
	c.crypt(out, c.buf)
	if !c.pad {
		return out, nil
	}
	p := int(out[len(out)-1])
	if p == 0 || p > bs {
		return nil, errAuthFailed
	}
	for _, b := range out[len(out)-p:] {
		if int(b) != p {
			return nil, errAuthFailed
		}
	}
	return out[:len(out)-p], nil
}

func (c *cipherState) sumTag() []byte {
	if c.gh != nil {
		c.gh.pad()
		var lens [16]byte
		binary.BigEndian.PutUint64(lens[:8], c.aadLen*8)
		binary.BigEndian.PutUint64(lens[8:], c.ctLen*8)
		c.gh.update(lens[:])
		s := c.gh.sum()
		subtle.XORBytes(s[:], s[:], c.tagMask[:])
		return s[:]
	}
	padPoly(c.poly, c.ctLen)
	var lens [16]byte
	binary.LittleEndian.PutUint64(lens[:8], c.aadLen)
	binary.LittleEndian.PutUint64(lens[8:], c.ctLen)
	c.poly.Write(lens[:])
	return c.poly.Sum(nil)
}

// ghash is GCM's universal hash (NIST SP 800-38D, 6.4), fed in pieces: Go's
// crypto/cipher GCM seals a whole message at once, but Node's Cipheriv hands
// out ciphertext at every update.
type ghash struct {
	hHi, hLo uint64
	yHi, yLo uint64
	buf      [16]byte
	n        int
}

func newGHASH(h []byte) *ghash {
	return &ghash{hHi: binary.BigEndian.Uint64(h[:8]), hLo: binary.BigEndian.Uint64(h[8:])}
}

func (g *ghash) update(p []byte) {
	for len(p) > 0 {
		if g.n == 0 && len(p) >= 16 {
			g.block(p[:16])
			p = p[16:]
			continue
		}
		k := copy(g.buf[g.n:], p)
		g.n += k
		p = p[k:]
		if g.n == 16 {
			g.block(g.buf[:])
			g.n = 0
		}
	}
}

// pad completes a partial block with zeros.
func (g *ghash) pad() {
	if g.n > 0 {
		clear(g.buf[g.n:])
		g.block(g.buf[:])
		g.n = 0
	}
}

func (g *ghash) block(b []byte) {
	xHi := g.yHi ^ binary.BigEndian.Uint64(b[:8])
	xLo := g.yLo ^ binary.BigEndian.Uint64(b[8:])
	var zHi, zLo uint64
	vHi, vLo := g.hHi, g.hLo
	for i := 0; i < 128; i++ {
		var bit uint64
		if i < 64 {
			bit = xHi >> (63 - i) & 1
		} else {
			bit = xLo >> (127 - i) & 1
		}
		mask := -bit
		zHi ^= vHi & mask
		zLo ^= vLo & mask
		carry := vLo & 1
		vLo = vLo>>1 | vHi<<63
		vHi >>= 1
		vHi ^= 0xe100000000000000 & -carry
	}
	g.yHi, g.yLo = zHi, zLo
}

func (g *ghash) sum() [16]byte {
	var s [16]byte
	binary.BigEndian.PutUint64(s[:8], g.yHi)
	binary.BigEndian.PutUint64(s[8:], g.yLo)
	return s
}
