package pages

import (
	"strings"
	"testing"
)

func TestParseRoutesJSON(t *testing.T) {
	const label = "public/_routes.json"
	bad := []struct{ name, src, msg string }{
		{"not JSON", `{"version": 1,`, "The file is not valid JSON (line 1, column 15: unexpected end of file)."},
		{"wrong version", `{"version": 2, "include": ["/*"], "exclude": []}`, "Please make sure the JSON object has the following format:"},
		{"no exclude array", `{"version": 1, "include": ["/*"]}`, "Please make sure the JSON object has the following format:"},
		{"include not strings", `{"version": 1, "include": [1], "exclude": []}`, "Please make sure the JSON object has the following format:"},
		{"no include rule", `{"version": 1, "include": [], "exclude": []}`, "Routes must have at least 1 include rule, but no include rules were detected."},
		{"too many rules", `{"version": 1, "include": [` + strings.Repeat(`"/a",`, 100) + `"/b"], "exclude": []}`, "Detected rules that are over the 100 rule limit. Please make sure you have a total of 100 include and exclude rules combined."},
		{"rule too long", `{"version": 1, "include": ["/` + strings.Repeat("a", 100) + `"], "exclude": []}`, "Detected rules the are over the 100 character limit."},
		{"rule without slash", `{"version": 1, "include": ["api/*"], "exclude": []}`, "All rules must start with '/'."},
		{"overlapping includes", `{"version": 1, "include": ["/api/*", "/api/foo"], "exclude": []}`, `Overlapping rules found. Please make sure that rules ending with a splat (eg. "/api/*") don't overlap any other rules (eg. "/api/foo").`},
		{"overlapping excludes", `{"version": 1, "include": ["/*"], "exclude": ["/a/*", "/a/b/*"]}`, "Overlapping rules found."},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseRoutesJSON([]byte(c.src), label)
			if err == nil || !strings.HasPrefix(err.Error(), "Invalid _routes.json file found at: public/_routes.json\n") || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("err = %v\nwant it to contain %q", err, c.msg)
			}
		})
	}
	rj, err := ParseRoutesJSON([]byte(`{"version": 1, "include": ["/api/*", "/login", "/exact/", "/pre*"], "exclude": ["/api/public/*"]}`), label)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"/api":              true, // "/api/*" covers /api itself
		"/api/x":            true,
		"/api/x/y":          true,
		"/apix":             false,
		"/api/public":       false, // exclude wins
		"/api/public/a.css": false,
		"/login":            true,
		"/login/":           true,
		"/login/x":          false,
		"/exact":            true,
		"/exact/":           true,
		"/prefix/anything":  true,
		"/":                 false,
		"/other":            false,
	} {
		if got := rj.Invokes(path); got != want {
			t.Errorf("Invokes(%q) = %v, want %v", path, got, want)
		}
	}
	if rj, _ := ParseRoutesJSON([]byte(`{"version":1,"include":["/*"],"exclude":[]}`), label); !rj.Invokes("/") || !rj.Invokes("/a/b") {
		t.Error(`"/*" should include everything`)
	}
	if rj, _ := ParseRoutesJSON([]byte(`{"version":1,"include":["/a.b"],"exclude":[]}`), label); rj.Invokes("/aXb") {
		t.Error("a dot in a rule is literal")
	}
	if rj, err := LoadRoutesJSON(t.TempDir()+"/_routes.json", label); rj != nil || err != nil {
		t.Errorf("missing file: %v %v", rj, err)
	}
}
