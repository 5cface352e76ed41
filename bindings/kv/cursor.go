package kv

import "encoding/base64"

// A list cursor is the standard base64 of the last key a page returned, and
// means "continue strictly after this key". It is Miniflare's format
// (workers-sdk packages/miniflare/src/workers/shared/keyvalue.worker.ts), so
// cursors behave as they do under wrangler dev: keys added behind a cursor
// are not seen, keys added ahead of it are. Production cursors are opaque
// strings; a worker must not look inside them, and neither should edgedev's
// callers.

// encodeCursor returns the cursor that continues after lastKey.
func encodeCursor(lastKey string) string {
	return base64.StdEncoding.EncodeToString([]byte(lastKey))
}

// decodeCursor returns the key a cursor continues after. Like Node's Buffer
// (which Miniflare decodes with) it accepts padded or unpadded, standard or
// URL-safe base64.
func decodeCursor(cursor string) (startAfter string, ok bool) {
	for _, enc := range []*base64.Encoding{
		base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding,
	} {
		if b, err := enc.DecodeString(cursor); err == nil {
			return string(b), true
		}
	}
	return "", false
}
