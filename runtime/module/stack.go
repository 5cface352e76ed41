package module

import (
	"regexp"
	"strings"
)

// pcSuffix is the program counter goja writes after a frame's position,
// "file:line:col(pc)"; it means nothing to a user.
var pcSuffix = regexp.MustCompile(`:(\d+):(\d+)\(\d+\)`)

// FrameText returns one frame line of a goja stack ("at f (file:1:2(34))")
// as a user reads it, "at f (file:1:2)": the program counter dropped. The
// runtime's error stacks and console's inspect both print frames through it.
func FrameText(line string) string {
	return pcSuffix.ReplaceAllString(line, ":$1:$2")
}

// OwnFrame reports whether a frame line points into edgedev's own JS (a
// file named "edgedev:..."), which says nothing about the user's code.
func OwnFrame(line string) bool { return strings.Contains(line, "edgedev:") }
