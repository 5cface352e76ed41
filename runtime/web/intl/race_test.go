//go:build race

package intl_test

// raceEnabled is true under the race detector (see norace_test.go).
const raceEnabled = true
