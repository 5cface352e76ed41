package crypto

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"math/big"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

// defineKeys adds the natives of KeyObject, sign/verify and the RSA
// encrypt functions.
func (e *engine) defineKeys(n *module.Natives) {
	vm := e.vm
	arg := func(c goja.FunctionCall, i int) goja.Value { return c.Argument(i) }
	fail := func(err error) {
		if err != nil {
			e.throw("Error", err.Error())
		}
	}
	n.Func("keyParse", func(c goja.FunctionCall) goja.Value {
		k, err := parseKey(e.data(arg(c, 0)), arg(c, 1).ToBoolean(), arg(c, 2).String(), arg(c, 3).ToBoolean())
		fail(err)
		return vm.ToValue(k)
	})
	n.Func("keyJWK", func(c goja.FunctionCall) goja.Value {
		o := arg(c, 0).ToObject(vm)
		m := map[string]string{}
		for _, name := range o.Keys() {
			if v := o.Get(name); v != nil {
				if s, ok := v.(goja.String); ok {
					m[name] = s.String()
				}
			}
		}
		k, err := keyFromJWK(m, arg(c, 1).ToBoolean())
		if err != nil {
			e.throw("TypeError", err.Error())
		}
		return vm.ToValue(k)
	})
	n.Func("keyInfo", func(c goja.FunctionCall) goja.Value {
		k := handle[*asymKey](e, arg(c, 0))
		o := vm.NewObject()
		typ := "public"
		if k.isPrivate() {
			typ = "private"
		}
		_ = o.Set("type", typ)
		_ = o.Set("asymmetricKeyType", k.keyType())
		d := vm.NewObject()
		switch pk := k.public().(type) {
		case *rsa.PublicKey:
			_ = d.Set("modulusLength", pk.N.BitLen())
			_ = d.Set("publicExponent", vm.ToValue(big.NewInt(int64(pk.E))))
		case *ecdsa.PublicKey:
			_ = d.Set("namedCurve", curveOpenSSL(pk.Curve))
		}
		_ = o.Set("details", d)
		return o
	})
	n.Func("keyExport", func(c goja.FunctionCall) goja.Value {
		b, err := exportKey(handle[*asymKey](e, arg(c, 0)), arg(c, 1).String(), arg(c, 2).ToBoolean())
		fail(err)
		if arg(c, 2).ToBoolean() {
			return vm.ToValue(string(b))
		}
		return e.u8(b)
	})
	n.Func("keyExportJWK", func(c goja.FunctionCall) goja.Value {
		members, err := jwkOf(handle[*asymKey](e, arg(c, 0)))
		fail(err)
		o := vm.NewObject()
		for _, m := range members {
			_ = o.Set(m[0], m[1])
		}
		return o
	})
	n.Func("keyPublic", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(&asymKey{pub: handle[*asymKey](e, arg(c, 0)).public()})
	})
	n.Func("keyEquals", func(c goja.FunctionCall) goja.Value {
		a, b := handle[*asymKey](e, arg(c, 0)), handle[*asymKey](e, arg(c, 1))
		if a.isPrivate() != b.isPrivate() {
			return vm.ToValue(false)
		}
		type equaler interface{ Equal(any) bool }
		if a.isPrivate() {
			return vm.ToValue(a.priv.(equaler).Equal(b.priv))
		}
		return vm.ToValue(a.pub.(equaler).Equal(b.pub))
	})
	n.Func("keyGenerate", func(c goja.FunctionCall) goja.Value {
		typ, modLen, pubExp, curve := arg(c, 0).String(), int(arg(c, 1).ToInteger()), int(arg(c, 2).ToInteger()), arg(c, 3).String()
		pair := func(k *asymKey) goja.Value {
			return vm.ToValue([]any{&asymKey{pub: k.public()}, k})
		}
		if cb := arg(c, 4); !goja.IsUndefined(cb) {
			e.async(cb, func() (func() goja.Value, error) {
				k, err := generateKey(typ, modLen, pubExp, curve)
				return func() goja.Value { return pair(k) }, err
			})
			return goja.Undefined()
		}
		k, err := generateKey(typ, modLen, pubExp, curve)
		fail(err)
		return pair(k)
	})
	opts := func(c goja.FunctionCall, from int) signOpts {
		o := signOpts{padding: int(arg(c, from+1).ToInteger()), saltLength: pssSaltLenMaxSign, p1363: arg(c, from+3).ToBoolean()}
		if d := arg(c, from); !goja.IsUndefined(d) && !goja.IsNull(d) {
			o.digest = d.String()
		}
		if s := arg(c, from+2); !goja.IsUndefined(s) {
			o.saltLength = int(s.ToInteger())
		}
		return o
	}
	n.Func("sign", func(c goja.FunctionCall) goja.Value {
		sig, err := signData(handle[*asymKey](e, arg(c, 0)), e.data(arg(c, 1)), opts(c, 2))
		fail(err)
		return e.u8(sig)
	})
	n.Func("verify", func(c goja.FunctionCall) goja.Value {
		ok, err := verifyData(handle[*asymKey](e, arg(c, 0)), e.data(arg(c, 1)), e.data(arg(c, 2)), opts(c, 3))
		fail(err)
		return vm.ToValue(ok)
	})
	n.Func("rsaCrypt", func(c goja.FunctionCall) goja.Value {
		var label []byte
		if l := arg(c, 5); !goja.IsUndefined(l) {
			label = e.data(l)
		}
		hashName := ""
		if h := arg(c, 4); !goja.IsUndefined(h) {
			hashName = h.String()
		}
		out, err := rsaCrypt(handle[*asymKey](e, arg(c, 0)), e.data(arg(c, 1)), arg(c, 2).ToBoolean(), int(arg(c, 3).ToInteger()), hashName, label)
		fail(err)
		return e.u8(out)
	})
}
