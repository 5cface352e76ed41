package locale

import (
	"strings"
	"testing"
)

func TestCanonicalize(t *testing.T) {
	cases := map[string]string{
		"EN-us":                    "en-US",
		"sh":                       "sr-Latn",
		"cmn":                      "zh",
		"art-lojban":               "jbo",
		"en-u-ca-islamicc":         "en-u-ca-islamic-civil",
		"en-u-kn-true":             "en-u-kn",
		"en-u-ks-primary":          "en-u-ks-level1",
		"de-u-kb-yes":              "de-u-kb",
		"en-u-nu-thai-ca-gregory":  "en-u-ca-gregory-nu-thai",
		"und-Qaai":                 "und-Zinh",
		"en-SU":                    "en-RU",
		"hy-SU":                    "hy-AM",
		"sr-Latn-CS":               "sr-Latn-RS",
		"ja-Latn-hepburn-heploc":   "ja-Latn-alalc97",
		"en-x-private-u-foo":       "en-x-private-u-foo",
		"en-b-ccc-a-bbb":           "en-a-bbb-b-ccc",
		"en-t-zh-latn-cn-m0-names": "en-t-zh-latn-cn-m0-prprname",
		"und-u-rg-no23":            "und-u-rg-no50",
		"en-u-tz-cnckg":            "en-u-tz-cnsha",
		"sgn-GR":                   "gss",
		"mo":                       "ro",
		"no-bokmal":                "nb",
		"aar-x-private":            "aa-x-private",
		"heb-x-private":            "he-x-private",
	}
	for in, want := range cases {
		got, err := Canonicalize(in)
		if err != nil || got != want {
			t.Errorf("Canonicalize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "en-", "x-private", "en-US-US", "de-1996-1996", "en-u", "en-a-b", "en-u-ca-x", "root", "Latn-DE", "en_US", "i-klingon", "en-t", "en-u-a-ca", "en-t-en-latn-latn", "abcd", "zh-cmn-Hans"} {
		if _, err := Canonicalize(bad); err == nil {
			t.Errorf("Canonicalize(%q) accepted a malformed tag", bad)
		}
	}
}

func TestLikely(t *testing.T) {
	cases := [][3]string{
		{"en", "en-Latn-US", "en"},
		{"zh-TW", "zh-Hant-TW", "zh-TW"},
		{"zh-Hant", "zh-Hant-TW", "zh-TW"},
		{"und", "en-Latn-US", "en"},
		{"und-Arab", "ar-Arab-EG", "ar"},
		{"sr", "sr-Cyrl-RS", "sr"},
		{"de-CH", "de-Latn-CH", "de-CH"},
	}
	for _, c := range cases {
		id, _ := Parse(c[0])
		if got := Maximize(id).String(); got != c[1] {
			t.Errorf("Maximize(%s) = %s; want %s", c[0], got, c[1])
		}
		if got := Minimize(id).String(); got != c[2] {
			t.Errorf("Minimize(%s) = %s; want %s", c[0], got, c[2])
		}
	}
}

func TestResolveLocale(t *testing.T) {
	cases := []struct {
		req         []string
		m           Matcher
		keys        []string
		opts        map[string]string
		locale, dat string
	}{
		{[]string{"de-DE"}, BestFit, nil, nil, "de-DE", "de-DE"},
		{[]string{"xx-Qqqq"}, BestFit, nil, nil, "en-US", "en-US"},
		{[]string{"xx", "fr-CA"}, Lookup, nil, nil, "fr-CA", "fr-CA"},
		{[]string{"de-XX"}, Lookup, nil, nil, "de", "de"},
		{[]string{"zh-TW"}, BestFit, nil, nil, "zh-TW", "zh-Hant-TW"},
		{[]string{"en-US-u-ca-gregory-nu-thai"}, BestFit, []string{"ca", "nu"}, nil, "en-US-u-ca-gregory-nu-thai", "en-US"},
		{[]string{"en-US-u-nu-thai"}, BestFit, []string{"nu"}, map[string]string{"nu": "arab"}, "en-US", "en-US"},
		{[]string{"en-US-u-nu-bogus"}, BestFit, []string{"nu"}, nil, "en-US", "en-US"},
		{[]string{"de-u-co-phonebk-kn"}, BestFit, []string{"co", "kn"}, nil, "de-u-co-phonebk-kn", "de"},
	}
	for _, c := range cases {
		r := ResolveLocale(c.req, c.m, c.keys, c.opts, nil)
		if r.Locale != c.locale || r.DataLocale != c.dat {
			t.Errorf("ResolveLocale(%v) = %q/%q; want %q/%q", c.req, r.Locale, r.DataLocale, c.locale, c.dat)
		}
	}
	if got := DefaultKeyValues("ar-EG", "nu")[0]; got != "arab" {
		t.Errorf("ar-EG numbering system %q", got)
	}
	if got := DefaultKeyValues("ar-MA", "nu")[0]; got != "latn" {
		t.Errorf("ar-MA numbering system %q", got)
	}
	if n := len(AvailableLocales()); n < 400 {
		t.Errorf("only %d available locales", n)
	}
	if got := strings.Join(TimeZones("IN"), ","); got != "Asia/Calcutta" {
		t.Errorf("TimeZones(NZ) = %s", got)
	}
	if HourCycle("en-US") != "h12" || HourCycle("de") != "h23" || HourCycle("ja") != "h23" {
		t.Errorf("hour cycles %s %s %s", HourCycle("en-US"), HourCycle("de"), HourCycle("ja"))
	}
	if w := WeekInfo("en-US"); w.FirstDay != 7 || w.MinimalDays != 1 {
		t.Errorf("en-US week %+v", w)
	}
	if !IsRightToLeft("ar") || IsRightToLeft("en") || !IsRightToLeft("he-IL") {
		t.Errorf("rtl")
	}
}
