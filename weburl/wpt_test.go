package weburl

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// The WPT data lives with runtime/web/url's JS conformance test, which is the
// authoritative one (it goes through the JS URL global). This Go-level run
// of the same data keeps the parser honest without a JS engine and shows
// failures with Go diagnostics.
var wptDir = filepath.Join("..", "runtime", "web", "url", "testdata", "wpt")

type wptCase struct {
	Input    string  `json:"input"`
	Base     *string `json:"base"`
	Failure  bool    `json:"failure"`
	Href     *string `json:"href"`
	Origin   *string `json:"origin"`
	Protocol *string `json:"protocol"`
	Username *string `json:"username"`
	Password *string `json:"password"`
	Host     *string `json:"host"`
	Hostname *string `json:"hostname"`
	Port     *string `json:"port"`
	Pathname *string `json:"pathname"`
	Search   *string `json:"search"`
	Hash     *string `json:"hash"`
}

func getters(u *URL) map[string]string {
	return map[string]string{
		"href": u.Href(), "origin": u.Origin(), "protocol": u.Protocol(),
		"username": u.Username(), "password": u.Password(), "host": u.Host(),
		"hostname": u.Hostname(), "port": u.Port(), "pathname": u.Pathname(),
		"search": u.Search(), "hash": u.Hash(),
	}
}

func TestWPT_URLTestData(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(wptDir, "urltestdata.json"))
	if err != nil {
		t.Fatal(err)
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	pass, total := 0, 0
	for i, r := range raw {
		if len(r) > 0 && r[0] == '"' {
			continue
		}
		var c wptCase
		if err := json.Unmarshal(r, &c); err != nil {
			t.Fatalf("item %d: %v", i, err)
		}
		total++
		var base *URL
		if c.Base != nil {
			base, err = Parse(*c.Base, nil)
			if err != nil {
				t.Errorf("item %d: base %q: %v", i, *c.Base, err)
				continue
			}
		}
		u, err := Parse(c.Input, base)
		if c.Failure {
			if err == nil {
				t.Errorf("item %d: Parse(%q, %v) = %q, want failure", i, c.Input, c.Base, u.Href())
				continue
			}
			pass++
			continue
		}
		if err != nil {
			t.Errorf("item %d: Parse(%q, %v): %v", i, c.Input, c.Base, err)
			continue
		}
		got := getters(u)
		ok := true
		for name, want := range map[string]*string{
			"href": c.Href, "origin": c.Origin, "protocol": c.Protocol, "username": c.Username,
			"password": c.Password, "host": c.Host, "hostname": c.Hostname, "port": c.Port,
			"pathname": c.Pathname, "search": c.Search, "hash": c.Hash,
		} {
			if want != nil && got[name] != *want {
				t.Errorf("item %d: Parse(%q, %v).%s = %q, want %q", i, c.Input, c.Base, name, got[name], *want)
				ok = false
			}
		}
		if ok {
			pass++
		}
	}
	t.Logf("urltestdata.json: %d of %d pass", pass, total)
}

func TestWPT_Setters(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(wptDir, "setters_tests.json"))
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	pass, total := 0, 0
	for attr, r := range all {
		if attr == "comment" {
			continue
		}
		var cases []struct {
			Href     string            `json:"href"`
			NewValue string            `json:"new_value"`
			Expected map[string]string `json:"expected"`
		}
		if err := json.Unmarshal(r, &cases); err != nil {
			t.Fatal(err)
		}
		for i, c := range cases {
			total++
			u, err := Parse(c.Href, nil)
			if err != nil {
				t.Errorf("%s %d: Parse(%q): %v", attr, i, c.Href, err)
				continue
			}
			set(u, attr, c.NewValue)
			got := getters(u)
			ok := true
			for name, want := range c.Expected {
				if got[name] != want {
					t.Errorf("%s %d: %q.%s = %q: %s = %q, want %q", attr, i, c.Href, attr, c.NewValue, name, got[name], want)
					ok = false
				}
			}
			if ok {
				pass++
			}
		}
	}
	t.Logf("setters_tests.json: %d of %d pass", pass, total)
}

func set(u *URL, attr, v string) {
	switch attr {
	case "protocol":
		u.SetProtocol(v)
	case "username":
		u.SetUsername(v)
	case "password":
		u.SetPassword(v)
	case "host":
		u.SetHost(v)
	case "hostname":
		u.SetHostname(v)
	case "port":
		u.SetPort(v)
	case "pathname":
		u.SetPathname(v)
	case "search":
		u.SetSearch(v)
	case "hash":
		u.SetHash(v)
	default:
		panic("unknown attribute " + attr)
	}
}
