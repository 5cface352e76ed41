package weburl

import "strings"

// The setters of URL Standard 6.1. Apart from SetHref they never fail: a
// value the spec ignores leaves the URL as it was (or, as the spec says,
// partly updated: SetHost("h:99999") sets the host and keeps the port).

// reparse runs the basic URL parser on value with u as the URL and st as
// the state override.
func (u *URL) reparse(value string, st state) {
	p := parser{in: preprocess(value, false), u: u, override: st}
	_ = p.run() // failures are ignored by every setter
}

// SetHref replaces the whole URL with the result of parsing s (no base).
// On error the URL is unchanged.
func (u *URL) SetHref(s string) error {
	nu, err := Parse(s, nil)
	if err != nil {
		return err
	}
	*u = *nu
	return nil
}

// SetProtocol changes the scheme. Changes between special and non-special
// schemes, and to file: when there are credentials or a port, are ignored.
func (u *URL) SetProtocol(v string) { u.reparse(v+":", stateSchemeStart) }

// SetUsername sets the username, percent-encoded; ignored for URLs without
// a host, with an empty host, and for file: URLs.
func (u *URL) SetUsername(v string) {
	if u.cannotHaveCredentialsOrPort() {
		return
	}
	u.username = escape(toValidUTF8(v), setUserinfo)
}

// SetPassword sets the password like SetUsername sets the username.
func (u *URL) SetPassword(v string) {
	if u.cannotHaveCredentialsOrPort() {
		return
	}
	u.password = escape(toValidUTF8(v), setUserinfo)
}

// SetHost sets the host and, if v has one, the port.
func (u *URL) SetHost(v string) {
	if u.opaque {
		return
	}
	u.reparse(v, stateHost)
}

// SetHostname sets the host; a value with a port is ignored.
func (u *URL) SetHostname(v string) {
	if u.opaque {
		return
	}
	u.reparse(v, stateHostname)
}

// SetPort sets the port from the leading digits of v; "" removes it.
func (u *URL) SetPort(v string) {
	if u.cannotHaveCredentialsOrPort() {
		return
	}
	if v == "" {
		u.port = -1
		return
	}
	u.reparse(v, statePort)
}

// SetPathname replaces the path; ignored for opaque paths.
func (u *URL) SetPathname(v string) {
	if u.opaque {
		return
	}
	u.path = ""
	u.reparse(v, statePathStart)
}

// SetSearch replaces the query; "" removes it. A leading "?" is dropped.
func (u *URL) SetSearch(v string) {
	if v == "" {
		u.query, u.hasQuery = "", false
		u.stripTrailingSpacesFromOpaquePath()
		return
	}
	v = strings.TrimPrefix(v, "?")
	u.query, u.hasQuery = "", true
	u.reparse(v, stateQuery)
}

// SetHash replaces the fragment; "" removes it. A leading "#" is dropped.
func (u *URL) SetHash(v string) {
	if v == "" {
		u.fragment, u.hasFragment = "", false
		u.stripTrailingSpacesFromOpaquePath()
		return
	}
	v = strings.TrimPrefix(v, "#")
	u.fragment, u.hasFragment = "", true
	u.reparse(v, stateFragment)
}

// SetEncodedQuery stores q as the query as it is, with "" meaning no query.
// It is the URLSearchParams update step: q must come from SerializeQuery
// (or be otherwise valid for the query state), since it is not re-encoded.
func (u *URL) SetEncodedQuery(q string) {
	u.query, u.hasQuery = q, q != ""
	if q == "" {
		u.stripTrailingSpacesFromOpaquePath()
	}
}

// stripTrailingSpacesFromOpaquePath: once an opaque path is no longer
// followed by "?" or "#", its trailing spaces would be trimmed by the next
// parse, so they are removed now to keep href round-tripping.
func (u *URL) stripTrailingSpacesFromOpaquePath() {
	if !u.opaque || u.hasFragment || u.hasQuery {
		return
	}
	u.path = strings.TrimRight(u.path, " ")
}
