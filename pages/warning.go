package pages

import "edgedev/assets"

// Warning is a problem edgedev works around: a bad line in _headers or
// _redirects (skipped, as the platform skips it), a shadowed function file.
// It never stops the server.
type Warning = assets.Warning
