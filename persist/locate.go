package persist

import "path/filepath"

// DirName is the state directory edgedev keeps next to the wrangler config
// (wrangler's is .wrangler/state); FileName is the store file inside it.
const (
	DirName  = ".edgedev/state"
	FileName = "kv.db"
)

// Locate returns the store file path: inside persistTo (--persist-to) when
// given, else inside DirName under projectDir. `edgedev dev`, `pages dev`
// and `edgedev kv` all call it, so they agree on one file.
func Locate(persistTo, projectDir string) string {
	if persistTo != "" {
		return filepath.Join(persistTo, FileName)
	}
	return filepath.Join(projectDir, DirName, FileName)
}
