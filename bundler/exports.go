package bundler

import (
	"encoding/json"
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"
)

// ExportNames reads the names each file exports, without bundling: esbuild
// transforms every file on its own and its metafile lists the exports (this
// is how the platform finds a Pages function's onRequest handlers). files
// are absolute paths under dir; the result maps each one to its export
// names. ok is false, with no result, when esbuild could not parse a file;
// call again with fewer files to find which.
func ExportNames(dir string, files []string) (names map[string][]string, ok bool) {
	r := api.Build(api.BuildOptions{
		EntryPoints:   files,
		AbsWorkingDir: dir,
		Bundle:        false,
		Write:         false,
		Metafile:      true,
		Format:        api.FormatESModule,
		Outdir:        filepath.Join(dir, ".edgedev-exports"), // never written
		Outbase:       dir,
		LogLevel:      api.LogLevelSilent,
		Target:        api.ESNext,
	})
	if len(r.Errors) > 0 {
		return nil, false
	}
	var meta struct {
		Outputs map[string]struct {
			EntryPoint string   `json:"entryPoint"`
			Exports    []string `json:"exports"`
		} `json:"outputs"`
	}
	if err := json.Unmarshal([]byte(r.Metafile), &meta); err != nil {
		return nil, false
	}
	names = make(map[string][]string, len(meta.Outputs))
	for _, o := range meta.Outputs {
		if o.EntryPoint == "" {
			continue
		}
		p := o.EntryPoint
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		names[p] = o.Exports
	}
	return names, true
}
