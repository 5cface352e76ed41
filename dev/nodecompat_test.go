package dev_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"edgedev/dev"
)

// TestNodeCompatApp serves testdata/apps/nodecompat, a worker on
// jsonwebtoken, bcryptjs, iconv-lite, xml2js, csv-parse and
// AsyncLocalStorage under nodejs_compat, and checks it answers as wrangler
// dev 4.86.0 (workerd 2026-04-26) answered the same requests; the bodies
// below were recorded from it.
func TestNodeCompatApp(t *testing.T) {
	if _, err := os.Stat("../testdata/apps/node_modules/jsonwebtoken"); err != nil {
		t.Skip("testdata/apps/node_modules is missing: run `make test` (it runs npm ci there first)")
	}
	abs, _ := filepath.Abs("../testdata/apps/nodecompat")
	// bcryptjs is pure JS and slow on goja, most of all under -race on a
	// loaded machine; the test is about answers, not speed, so the CPU
	// limit is raised well past what a cost-4 hash needs.
	r := start(t, dev.Options{Dir: abs, CPULimit: 2 * time.Minute})
	want := map[string]string{
		"/jwt":    `{"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEiLCJyb2xlIjoiYWRtaW4iLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMH0.ZQyK89-IGUkSRYNvd7-rDV6lo4AJwsD8aopNfLVWIUg","verified":{"sub":"user-1","role":"admin","iat":1700000000,"exp":1700003600},"decoded":{"header":{"alg":"HS256","typ":"JWT"},"payload":{"sub":"user-1","role":"admin","iat":1700000000,"exp":1700003600},"signature":"ZQyK89-IGUkSRYNvd7-rDV6lo4AJwsD8aopNfLVWIUg"},"tampered":{"name":"JsonWebTokenError","message":"invalid signature"},"expired":{"name":"TokenExpiredError","message":"jwt expired","expiredAt":"2023-11-14T23:13:20.000Z"},"wrongSecret":{"name":"JsonWebTokenError","message":"invalid signature"},"malformed":{"name":"JsonWebTokenError","message":"jwt malformed"},"wrongAlg":{"name":"JsonWebTokenError","message":"invalid algorithm"}}`,
		"/bcrypt": `{"hash":"$2b$04$abcdefghijklmnopqrstuujydOTSfIH/d5oUHpsygqV5X9xJLQc6e","ok":true,"bad":false,"randomOk":true,"rounds":4}`,
		"/iconv":  `{"win1252":"4772fcdf652c208035","back":"Grüße, €5","sjis":"93fa967b8cea","sjisBack":"日本語","koi8":"Привет","exists":[true,false]}`,
		"/xml":    `{"parsed":{"catalog":{"book":[{"$":{"id":"b1","lang":"en"},"title":["Edge & Go"],"price":["9.5"]},{"$":{"id":"b2"},"title":["Streams"],"tags":[{"tag":["a","b"]}]}]}},"simple":{"catalog":{"book":[{"id":"b1","lang":"en","title":"Edge & Go","price":"9.5"},{"id":"b2","title":"Streams","tags":{"tag":["a","b"]}}]}},"built":"<root v=\"1\"><item>x</item><item>y</item></root>","bad":"Unexpected close tag\nLine: 0\nColumn: 10\nChar: >"}`,
		"/csv":    `{"sync":[{"name":"Widget, large","qty":2,"price":3.5},{"name":"Gadget","qty":10,"price":"1,000"}],"streamed":[["Widget, large","2","3.50"],["Gadget","10","1,000"]],"rows":[["a","b"],["c","d"]],"bad":{"code":"CSV_QUOTE_NOT_CLOSED","message":"Quote Not Closed: the parsing is finished with an opening quote at line 2"}}`,
	}
	for path, body := range want {
		t.Run(path, func(t *testing.T) {
			got := r.do(t, "GET", path, "")
			if got.status != 200 || got.body != body || got.header.Get("Content-Type") != "application/json" {
				t.Errorf("GET %s = %d %q\n%s\nwant 200 application/json\n%s", path, got.status, got.header.Get("Content-Type"), got.body, body)
			}
		})
	}
	t.Run("AsyncLocalStorage across two interleaved requests", func(t *testing.T) {
		// a waits longer than b, so b starts and ends while a is suspended;
		// each must still see its own store after every await.
		var wg sync.WaitGroup
		var a reply
		wg.Add(1)
		go func() { defer wg.Done(); a = r.do(t, "GET", "/als?id=a&wait=150", "") }()
		time.Sleep(30 * time.Millisecond) // lets a reach its first await: the interleaving the test is about, not a timing assertion
		b := r.do(t, "GET", "/als?id=b&wait=20", "")
		wg.Wait()
		if want := `{"id":"b","seen":["b","b","b","b"],"outside":null}`; b.body != want {
			t.Errorf("b = %s, want %s", b.body, want)
		}
		if want := `{"id":"a","seen":["a","a","a","a"],"outside":null}`; a.body != want {
			t.Errorf("a = %s, want %s", a.body, want)
		}
	})
}
