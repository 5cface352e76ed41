package engine_test

import (
	"path/filepath"
	"testing"

	"edgedev/runtime/runtimetest"
)

// TestTest262JSON runs test262's built-ins/JSON (JSON.parse, JSON.stringify)
// inside the worker runtime; the ones known to fail are listed, each with
// its reason, in testdata/test262_json_known_failures.txt.
func TestTest262JSON(t *testing.T) {
	runtimetest.Test262(t, runtimetest.Test262Options{
		Dir:           "built-ins/JSON",
		KnownFailures: filepath.Join("testdata", "test262_json_known_failures.txt"),
	})
}
