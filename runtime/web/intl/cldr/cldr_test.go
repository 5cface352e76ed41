package cldr

import "testing"

func TestLocales(t *testing.T) {
	for _, c := range []struct{ tag, key, want string }{
		{"en", "g/months/format/wide/1", "January"},
		{"de", "g/months/format/wide/3", "März"},
		{"en-GB", "g/dateFormats/short", "dd/MM/y"},
		{"ar-EG", "n/default", "arab"},
		{"hi", "n/default", "latn"},
		{"en-GB", "c/USD/symbol", "US$"},
		{"ja", "u/long/kilometer/unitPattern-count-other", "{0} キロメートル"},
	} {
		l := Best(c.tag)
		if got := l.Get(c.key); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.tag, c.key, got, c.want)
		}
	}
	if Best("hi-IN").Name != "hi" {
		t.Errorf("hi-IN resolves to %s", Best("hi-IN").Name)
	}
	if len(Best("en").Children("g/dateTimeFormats/availableFormats/")) < 40 {
		t.Error("en has few availableFormats")
	}
	if len(Modern) < 400 {
		t.Errorf("only %d modern locales", len(Modern))
	}
}
