package dev_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"edgedev/dev"
)

// TestLibraryCorpus serves one small worker per popular npm library
// (testdata/apps/{jose,zod,nanoid,uuid}, installed by `make test` with npm
// ci) through the real dev server and checks each response against what
// the library documents. Random values (IDs, keys) are checked by shape.
func TestLibraryCorpus(t *testing.T) {
	for _, pkg := range []string{"jose", "zod", "@hono/zod-validator", "nanoid", "uuid"} {
		if _, err := os.Stat(filepath.Join("../testdata/apps/node_modules", pkg)); err != nil {
			t.Skipf("testdata/apps/node_modules/%s is missing: run `make test` (it runs npm ci there first)", pkg)
		}
	}
	type req struct {
		method, path, body string
		status             int
		want               string // exact body, or "~text" for a body that contains text
	}
	check := func(t *testing.T, r *running, q req) {
		t.Helper()
		got := r.do(t, q.method, q.path, q.body, "Content-Type", "application/json")
		ok := got.status == q.status
		if strings.HasPrefix(q.want, "~") {
			ok = ok && strings.Contains(got.body, q.want[1:])
		} else {
			ok = ok && got.body == q.want
		}
		if !ok {
			t.Errorf("%s %s = %d %s\nwant %d %s", q.method, q.path, got.status, got.body, q.status, q.want)
		}
	}
	serve := func(t *testing.T, app string) *running {
		abs, _ := filepath.Abs(filepath.Join("../testdata/apps", app))
		return start(t, dev.Options{Dir: abs})
	}

	t.Run("nanoid", func(t *testing.T) {
		r := serve(t, "nanoid")
		for _, q := range []req{
			{"GET", "/", "", 200, `{"length":21,"urlSafe":true}`},
			{"GET", "/size", "", 200, `{"length":10,"urlSafe":true}`},
			{"GET", "/custom", "", 200, `{"length":10,"hex":true,"shortLength":5}`},
			{"GET", "/unique", "", 200, `{"distinct":1000}`},
		} {
			check(t, r, q)
		}
	})

	t.Run("uuid", func(t *testing.T) {
		r := serve(t, "uuid")
		for _, q := range []req{
			{"GET", "/v4", "", 200, `{"format":true,"valid":true,"version":4}`},
			{"GET", "/v7", "", 200, `{"format":true,"version":7,"ordered":true,"timestampNow":true}`},
			// v3, v5 and parse: the examples in uuid's README.
			{"GET", "/known", "", 200, `{"v5":"fdda765f-fc57-5604-a269-52a7df8164ec","v3":"9125a8dc-52ee-365b-a5aa-81b0b3681cf6",` +
				`"parse":[110,192,189,127,17,192,67,218,151,94,42,138,217,235,174,11],"roundTrip":"6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b",` +
				`"nil":"00000000-0000-0000-0000-000000000000","invalid":false}`},
		} {
			check(t, r, q)
		}
	})

	t.Run("zod with hono", func(t *testing.T) {
		r := serve(t, "zod")
		for _, q := range []req{
			{"POST", "/users", `{"name":"Ada","email":"ada@example.com","age":36}`, 201, `{"created":{"name":"Ada","email":"ada@example.com","age":36}}`},
			{"POST", "/users", `{"name":"","email":"nope","age":-1}`, 400,
				`{"errors":[{"path":"name","code":"too_small"},{"path":"email","code":"invalid_format"},{"path":"age","code":"too_small"}]}`},
			{"POST", "/users", `{"email":"a@b.co"}`, 400, `{"errors":[{"path":"name","code":"invalid_type"}]}`},
			{"POST", "/users", `{"name":"Ada","email":"a@b.co","age":1.5}`, 400, `{"errors":[{"path":"age","code":"invalid_type"}]}`},
			{"POST", "/users/messages", `{"name":"","email":"a@b.co"}`, 400, `{"messages":["name is required"]}`},
			{"GET", "/search?q=shoes&page=2", "", 200, `{"q":"shoes","page":2}`},
			{"GET", "/search?q=shoes", "", 200, `{"q":"shoes","page":1}`},
			// The validator's default hook answers 400 with zod's result.
			{"GET", "/search?page=0", "", 400, `~"success":false`},
			{"GET", "/check?v=%F0%9F%91%8B%F0%9F%8F%BD", "", 200, `{"emoji":true,"uuid":false,"int":false}`},
			{"GET", "/check?v=hello", "", 200, `{"emoji":false,"uuid":false,"int":false}`},
			{"GET", "/check?v=123e4567-e89b-12d3-a456-426614174000", "", 200, `{"emoji":false,"uuid":true,"int":false}`},
			{"GET", "/check?v=42", "", 200, `{"emoji":false,"uuid":false,"int":true}`},
			{"GET", "/transform?list=a,%20b,,c", "", 200, `["a","b","c"]`},
		} {
			check(t, r, q)
		}
	})

	t.Run("jose", func(t *testing.T) {
		r := serve(t, "jose")
		capReply := r.do(t, "GET", "/capabilities", "")
		var caps map[string]bool
		if err := json.Unmarshal([]byte(capReply.body), &caps); err != nil {
			t.Fatalf("/capabilities = %d %q", capReply.status, capReply.body)
		}
		need := func(t *testing.T, algs ...string) {
			t.Helper()
			for _, a := range algs {
				if !caps[a] {
					t.Skipf("Web Crypto in this runtime cannot generate %s keys yet (crypto.subtle.generateKey failed), so this jose case cannot run", a)
				}
			}
		}
		t.Run("HS256", func(t *testing.T) {
			need(t, "HMAC")
			// The token is the one Node's crypto.createHmac gives for the
			// same header and claims (fixed iat and exp).
			check(t, r, req{"GET", "/hs256", "", 200, `{"token":"eyJhbGciOiJIUzI1NiJ9.eyJ1cm46ZXhhbXBsZTpjbGFpbSI6dHJ1ZSwiaWF0IjoxNzAwMDAwMDAwLCJpc3MiOiJ1cm46ZXhhbXBsZTppc3N1ZXIiLCJhdWQiOiJ1cm46ZXhhbXBsZTphdWRpZW5jZSIsImV4cCI6NDEwMjQ0NDgwMH0.I2bJYy-i-D45ZY-U0-XOc5QsGOOLlf5uFJGQpU8Y4-M",` +
				`"payload":{"urn:example:claim":true,"iat":1700000000,"iss":"urn:example:issuer","aud":"urn:example:audience","exp":4102444800},"protectedHeader":{"alg":"HS256"}}`})
			check(t, r, req{"GET", "/hs256/errors", "", 200,
				`{"tampered":"ERR_JWS_SIGNATURE_VERIFICATION_FAILED","expired":"ERR_JWT_EXPIRED","wrongAudience":"ERR_JWT_CLAIM_VALIDATION_FAILED","wrongAlg":"ERR_JOSE_ALG_NOT_ALLOWED"}`})
		})
		t.Run("RS256", func(t *testing.T) {
			need(t, "RSASSA-PKCS1-v1_5", "Ed25519")
			check(t, r, req{"GET", "/rs256", "", 200, `{"alg":"RS256","segments":3,"claim":true,"iss":"urn:example:issuer","aud":"urn:example:audience","lifetime":7200,"otherKey":"TypeError"}`})
		})
		t.Run("EdDSA", func(t *testing.T) {
			need(t, "RSASSA-PKCS1-v1_5", "Ed25519")
			check(t, r, req{"GET", "/eddsa", "", 200, `{"alg":"EdDSA","segments":3,"claim":true,"iss":"urn:example:issuer","aud":"urn:example:audience","lifetime":7200,"otherKey":"TypeError"}`})
		})
		t.Run("JWKS embedded", func(t *testing.T) {
			need(t, "RSASSA-PKCS1-v1_5", "Ed25519")
			check(t, r, req{"GET", "/jwks/local", "", 200, `{"rs":"rs-1","ed":"ed-1","unknownKid":"ERR_JWKS_NO_MATCHING_KEY"}`})
			check(t, r, req{"GET", "/.well-known/jwks.json", "", 200, `~"kid":"ed-1","alg":"EdDSA","use":"sig"`})
		})
		t.Run("JWKS served by the worker", func(t *testing.T) {
			need(t, "RSASSA-PKCS1-v1_5", "Ed25519")
			if !caps["fetch"] {
				t.Skip("this runtime has no outbound fetch yet, so createRemoteJWKSet cannot load the worker's own JWKS")
			}
			check(t, r, req{"GET", "/jwks/remote", "", 200, `{"rs":"rs-1","ed":"ed-1","unknownKid":"ERR_JWKS_NO_MATCHING_KEY"}`})
		})
	})
}
