package config

import (
	"fmt"
	"os"
	"path/filepath"
)

// FileNames are the config file names Find looks for, in the order it prefers
// them within one directory (wrangler's order).
var FileNames = []string{"wrangler.json", "wrangler.jsonc", "wrangler.toml"}

// Find looks for a wrangler config in startDir, then in each parent up to the
// file-system root, and returns the absolute path of the first one found. In
// each directory wrangler.json wins over wrangler.jsonc over wrangler.toml.
// When there is none it returns an error wrapping ErrNotFound.
func Find(startDir string) (string, error) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return "", fmt.Errorf("find wrangler config: %w", err)
	}
	for {
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				return p, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return "", fmt.Errorf("%w in %s or any parent directory (looked for wrangler.json, wrangler.jsonc, wrangler.toml)", ErrNotFound, startDir)
}
