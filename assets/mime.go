package assets

import (
	"path"
	"strings"
)

// pagesContentType is the type the Pages asset server sends for a file:
// the mime package's (v3) type for the extension, "; charset=utf-8" added
// to text/*, application/octet-stream when unknown.
func pagesContentType(name string) string {
	t, ok := mimeTypes[strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))]
	if !ok {
		return "application/octet-stream"
	}
	if strings.HasPrefix(t, "text/") {
		return t + "; charset=utf-8"
	}
	return t
}

// workersContentType is the type the Workers asset worker sends: the mime
// package v4 (which made .js text/javascript), "; charset=utf-8" added to
// text/*, and no type at all for an unknown extension (recorded from
// wrangler dev 4.86.0; reference section 1.6).
func workersContentType(name string) string {
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
	t, ok := mimeV4[ext]
	if !ok {
		t, ok = mimeTypes[ext]
	}
	if !ok {
		return ""
	}
	if strings.HasPrefix(t, "text/") {
		return t + "; charset=utf-8"
	}
	return t
}

// mimeV4 are the types mime v4 changed from v3, for the extensions in
// mimeTypes.
var mimeV4 = map[string]string{"js": "text/javascript", "mjs": "text/javascript"}

// mimeTypes follows the npm mime package (v3, standard types) for the
// extensions a static site commonly has.
var mimeTypes = map[string]string{
	"html": "text/html", "htm": "text/html", "shtml": "text/html",
	"css": "text/css", "csv": "text/csv", "txt": "text/plain", "text": "text/plain", "md": "text/markdown", "markdown": "text/markdown",
	"xml": "application/xml", "rss": "application/rss+xml", "atom": "application/atom+xml", "xsl": "application/xml",
	"js": "application/javascript", "mjs": "application/javascript", "cjs": "application/node", "json": "application/json", "map": "application/json",
	"jsonld": "application/ld+json", "webmanifest": "application/manifest+json", "wasm": "application/wasm",
	"pdf": "application/pdf", "zip": "application/zip", "gz": "application/gzip", "tar": "application/x-tar",
	"svg": "image/svg+xml", "svgz": "image/svg+xml", "png": "image/png", "apng": "image/apng", "jpg": "image/jpeg", "jpeg": "image/jpeg",
	"gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/vnd.microsoft.icon", "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff",
	"woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf", "eot": "application/vnd.ms-fontobject",
	"mp3": "audio/mpeg", "wav": "audio/wav", "ogg": "audio/ogg", "oga": "audio/ogg", "m4a": "audio/mp4", "aac": "audio/aac", "flac": "audio/flac", "weba": "audio/webm",
	"mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "ogv": "video/ogg", "mov": "video/quicktime",
	"yaml": "text/yaml", "yml": "text/yaml", "ics": "text/calendar", "vtt": "text/vtt", "wgsl": "text/wgsl",
}
