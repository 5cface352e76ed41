package d1

// maxGroup is how many queued requests one transaction (one fsync) may
// carry. Group commit is what lets fsync'd writes keep up with a busy
// worker: every request in the group is acknowledged only after the
// group's COMMIT is on disk.
const maxGroup = 64

// servedBy is meta.served_by under Miniflare.
const servedBy = "miniflare.db"
