package locale

import "strings"

// addLikely is UTS 35's Add Likely Subtags on the language id part of id
// (extensions are kept as they are). ok is false when CLDR knows nothing
// to add (the id comes back unchanged).
func addLikely(id ID) (ID, bool) {
	lang, script, region := id.Language, id.Script, id.Region
	if lang != "und" && script != "" && region != "" {
		return id, true
	}
	try := func(keys ...string) (ID, bool) {
		for _, k := range keys {
			if k == "" {
				continue
			}
			if v, ok := likelyT.lookup(k); ok {
				m, err := Parse(v)
				if err != nil {
					continue
				}
				return m, true
			}
		}
		return ID{}, false
	}
	j := func(p ...string) string {
		var b []string
		for _, s := range p {
			if s != "" {
				b = append(b, s)
			}
		}
		return strings.Join(b, "-")
	}
	var keys []string
	if script != "" && region != "" {
		keys = append(keys, j(lang, script, region))
	}
	if script != "" {
		keys = append(keys, j(lang, script))
	}
	if region != "" {
		keys = append(keys, j(lang, region))
	}
	keys = append(keys, lang)
	if lang != "und" {
		// und-Script-Region etc. only when the language alone is unknown.
	} else {
		if script != "" && region != "" {
			keys = append(keys, j("und", script, region))
		}
	}
	m, ok := try(keys...)
	if !ok && lang != "und" {
		// An unknown language: fill script and region from und-Script/Region.
		if script != "" {
			m, ok = try(j("und", script))
		}
		if !ok && region != "" {
			m, ok = try(j("und", region))
		}
		if ok {
			m.Language = lang
		}
	}
	if !ok && lang == "und" {
		if script != "" {
			m, ok = try(j("und", script))
		}
		if !ok && region != "" {
			m, ok = try(j("und", region))
		}
		if !ok {
			m, ok = try("und")
		}
	}
	if !ok {
		return id, false
	}
	out := id
	if out.Language == "und" {
		out.Language = m.Language
	}
	if out.Script == "" {
		out.Script = m.Script
	}
	if out.Region == "" {
		out.Region = m.Region
	}
	return out, true
}

// Maximize is UTS 35's Add Likely Subtags (Intl.Locale's maximize): the
// language, script and region CLDR thinks most likely, the rest of id kept.
func Maximize(id ID) ID {
	m, _ := addLikely(id)
	return m
}

// Minimize is UTS 35's Remove Likely Subtags, favouring the region (so
// "zh-Hant-TW" gives "zh-TW"), as Intl.Locale's minimize does.
func Minimize(id ID) ID {
	max, ok := addLikely(id)
	if !ok {
		return id
	}
	base := func(l, s, r string) ID {
		c := ID{Language: l, Script: s, Region: r}
		m, _ := addLikely(c)
		return m
	}
	same := func(a ID) bool {
		return a.Language == max.Language && a.Script == max.Script && a.Region == max.Region
	}
	out := id
	for _, trial := range [][3]string{{max.Language, "", ""}, {max.Language, "", max.Region}, {max.Language, max.Script, ""}} {
		if same(base(trial[0], trial[1], trial[2])) {
			out.Language, out.Script, out.Region = trial[0], trial[1], trial[2]
			return out
		}
	}
	out.Language, out.Script, out.Region = max.Language, max.Script, max.Region
	return out
}
