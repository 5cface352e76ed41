package kvcontrol

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// TokenHeader carries the dev server's per-process control token. Every
// state-changing control request (a KV write, moving the virtual clock,
// settling the simulation) must carry it: a web page the user visits can
// send the server a request, but cannot read the token file.
const TokenHeader = "X-Edgedev-Token"

// TokenFileName is the file, in the state directory, that holds the token
// of the dev server running on it (mode 0600).
const TokenFileName = "control-token"

// TokenFile returns the token file's path in stateDir.
func TokenFile(stateDir string) string { return filepath.Join(stateDir, TokenFileName) }

// NewToken returns a fresh random token.
func NewToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// WriteToken writes token to stateDir's token file, readable by the user
// only, creating the directory if need be.
func WriteToken(stateDir, token string) error {
	if err := os.MkdirAll(stateDir, 0o755); err != nil {
		return err
	}
	path := TokenFile(stateDir)
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	if err := os.WriteFile(tmp, []byte(token+"\n"), 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}

// ReadToken reads the token in stateDir; "" when there is none.
func ReadToken(stateDir string) (string, error) {
	b, err := os.ReadFile(TokenFile(stateDir))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	return strings.TrimSpace(string(b)), err
}

// RemoveToken removes stateDir's token file if it still holds token.
func RemoveToken(stateDir, token string) {
	if t, err := ReadToken(stateDir); err == nil && t == token {
		_ = os.Remove(TokenFile(stateDir))
	}
}
