package locale

// V8TimeZone is a time zone name as V8 reports it in resolvedOptions: the
// CLDR (ICU) canonical name of any name or alias, matched without regard
// to case ("Asia/Kolkata" and "asia/calcutta" give "Asia/Calcutta",
// "US/Pacific" gives "America/Los_Angeles", the UTC aliases give "UTC");
// ok is false for an unknown name.
func V8TimeZone(name string) (string, bool) {
	id, ok := tzLowerIndex()[lowerASCII(name)]
	if !ok {
		return "", false
	}
	if v, ok := tzCanonT.lookup(id); ok {
		return utcName(v), true
	}
	return CanonicalTimeZone(name)
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
