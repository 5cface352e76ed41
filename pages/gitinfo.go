package pages

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// PlaceholderCommit is CF_PAGES_COMMIT_SHA outside a git checkout.
const PlaceholderCommit = "0000000000000000000000000000000000000000"

// EnvVar is one variable the platform injects into a Pages project's env.
type EnvVar struct{ Name, Value string }

// PlatformVars are the variables `wrangler pages dev` injects, as the
// platform's build would: CF_PAGES="1", CF_PAGES_BRANCH (the git branch, or
// "local" outside a checkout), CF_PAGES_COMMIT_SHA (the commit, or a
// placeholder) and CF_PAGES_URL (the commit's preview URL,
// https://<short sha>.<project>.pages.dev). Vars of the same name in the
// config, .dev.vars or flags override them.
func PlatformVars(dir, project string) []EnvVar {
	branch, sha := gitHead(dir)
	if branch == "" {
		branch = "local"
	}
	if len(sha) < 8 {
		sha = PlaceholderCommit
	}
	name := strings.ToLower(project)
	if name == "" {
		name = "project"
	}
	return []EnvVar{
		{"CF_PAGES", "1"},
		{"CF_PAGES_BRANCH", branch},
		{"CF_PAGES_COMMIT_SHA", sha},
		{"CF_PAGES_URL", "https://" + sha[:8] + "." + name + ".pages.dev"},
	}
}

// gitHead reads the branch and commit of the checkout dir is in, without
// running git: .git/HEAD, then the branch's loose ref or packed-refs. A
// detached HEAD has branch "HEAD", like `git rev-parse --abbrev-ref HEAD`.
func gitHead(dir string) (branch, sha string) {
	gitDir := findGitDir(dir)
	if gitDir == "" {
		return "", ""
	}
	head, err := os.ReadFile(filepath.Join(gitDir, "HEAD"))
	if err != nil {
		return "", ""
	}
	h := strings.TrimSpace(string(head))
	ref, ok := strings.CutPrefix(h, "ref: ")
	if !ok {
		return "HEAD", h
	}
	branch = strings.TrimPrefix(ref, "refs/heads/")
	common := gitDir
	if b, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		common = filepath.Join(gitDir, strings.TrimSpace(string(b)))
	}
	for _, d := range []string{gitDir, common} {
		if b, err := os.ReadFile(filepath.Join(d, filepath.FromSlash(ref))); err == nil {
			return branch, strings.TrimSpace(string(b))
		}
	}
	if f, err := os.Open(filepath.Join(common, "packed-refs")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if s, r, ok := strings.Cut(sc.Text(), " "); ok && r == ref {
				return branch, s
			}
		}
	}
	return branch, "" // a branch with no commits yet
}

// findGitDir walks up from dir to the .git directory (or the directory a
// .git file points to, for worktrees and submodules).
func findGitDir(dir string) string {
	for d := dir; ; {
		p := filepath.Join(d, ".git")
		if fi, err := os.Stat(p); err == nil {
			if fi.IsDir() {
				return p
			}
			if b, err := os.ReadFile(p); err == nil {
				if g, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "gitdir: "); ok {
					if !filepath.IsAbs(g) {
						g = filepath.Join(d, g)
					}
					return g
				}
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}
