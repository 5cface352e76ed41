package kvcontrol

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// ServerFileName is the file a dev server keeps next to the store it holds.
const ServerFileName = "server.json"

// ServerInfo is the content of server.json.
type ServerInfo struct {
	URL   string    `json:"url"`   // loopback base URL of the control API, e.g. http://127.0.0.1:8787
	PID   int       `json:"pid"`   // the dev server's process id
	Store string    `json:"store"` // absolute path of the store file it holds
	Since time.Time `json:"since"` // when it announced itself
}

// ServerFile returns the path of server.json for the store at storePath.
func ServerFile(storePath string) string {
	return filepath.Join(filepath.Dir(storePath), ServerFileName)
}

// ReadServerInfo reads the server.json next to storePath. It returns nil and
// no error when there is none.
func ReadServerInfo(storePath string) (*ServerInfo, error) {
	b, err := os.ReadFile(ServerFile(storePath))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var info ServerInfo
	if err := json.Unmarshal(b, &info); err != nil {
		return nil, fmt.Errorf("%s: %w", ServerFile(storePath), err)
	}
	return &info, nil
}

// Announce writes info to server.json next to info.Store, atomically (a
// temporary file renamed into place).
func Announce(info ServerInfo) error {
	b, _ := json.MarshalIndent(info, "", "  ")
	path := ServerFile(info.Store)
	tmp := fmt.Sprintf("%s.%d.tmp", path, info.PID)
	err := os.WriteFile(tmp, append(b, '\n'), 0o644)
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}

// Retract removes the server.json next to storePath if process pid wrote it.
func Retract(storePath string, pid int) {
	if info, err := ReadServerInfo(storePath); err == nil && info != nil && info.PID == pid {
		_ = os.Remove(ServerFile(storePath))
	}
}
