package plural

import "testing"

func TestSelect(t *testing.T) {
	for _, c := range []struct {
		lang, num, want string
		ordinal         bool
	}{
		{"en", "1", "one", false}, {"en", "1.0", "other", false}, {"en", "2", "other", false},
		{"en", "1", "one", true}, {"en", "2", "two", true}, {"en", "3", "few", true}, {"en", "11", "other", true}, {"en", "23", "few", true},
		{"ru", "1", "one", false}, {"ru", "21", "one", false}, {"ru", "11", "many", false}, {"ru", "3", "few", false}, {"ru", "5", "many", false}, {"ru", "1.5", "other", false},
		{"ar", "0", "zero", false}, {"ar", "1", "one", false}, {"ar", "2", "two", false}, {"ar", "5", "few", false}, {"ar", "11", "many", false}, {"ar", "100", "other", false}, {"ar", "103", "few", false},
		{"fr", "0", "one", false}, {"fr", "1.5", "one", false}, {"fr", "2", "other", false},
		{"pl", "22", "few", false}, {"pl", "25", "many", false},
		{"ja", "1", "other", false},
	} {
		r := Cardinal(c.lang)
		if c.ordinal {
			r = Ordinal(c.lang)
		}
		if got := r.Select(FromDecimal(c.num)); got != c.want {
			t.Errorf("%s %s (ordinal %v) = %s, want %s", c.lang, c.num, c.ordinal, got, c.want)
		}
	}
}
