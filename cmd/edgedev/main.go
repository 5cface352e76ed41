// Command edgedev runs Cloudflare Workers and Pages projects locally.
package main

import (
	"os"
	"time"
)

func main() {
	// Workers run in UTC, and goja's Date reads time.Local. Set it before any
	// goroutine starts.
	time.Local = time.UTC
	os.Exit(run(newState(), os.Args[1:]))
}
