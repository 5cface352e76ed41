//go:build !unix

package d1

import "os"

// lockFile does nothing where flock is missing; SQLite's own locks remain.
func lockFile(*os.File) error { return nil }

func unlockFile(*os.File) {}
