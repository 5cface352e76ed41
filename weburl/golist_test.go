package weburl

import (
	"os/exec"
	"strings"
	"testing"
)

func goList(t *testing.T) ([]string, error) {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		return nil, err
	}
	return strings.Fields(string(out)), nil
}
