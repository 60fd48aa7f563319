package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckSavePath(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "bollard.db")
	for _, f := range []string{ws, ws + "-wal", filepath.Join(dir, "old.pdf")} {
		os.WriteFile(f, []byte("x"), 0o600)
	}
	os.Mkdir(filepath.Join(dir, "bollard.files"), 0o700)
	os.Mkdir(filepath.Join(dir, "bollard.db.files"), 0o700)
	os.Mkdir(filepath.Join(dir, "sub"), 0o700)
	for _, c := range []struct {
		name   string
		exists bool
		refuse string
	}{
		{name: "ESA-2026-0001-dossier-en.pdf"},
		{name: "old.pdf", exists: true},
		{name: "  ", refuse: "needs a name"},
		{name: "../x.pdf", refuse: "file name only"},
		{name: "bollard.db", refuse: "workspace's own file"},
		{name: "bollard.db-wal", refuse: "workspace's own file"},
		{name: "bollard.db-shm", refuse: "workspace's own file"},
		{name: "bollard.files", refuse: "attached files"},
		{name: "bollard.db.files", refuse: "attached files"},
		{name: "sub", refuse: "is a folder"},
	} {
		path, exists, err := checkSavePath(dir, c.name, ws)
		switch {
		case c.refuse != "" && (err == nil || !strings.Contains(err.Error(), c.refuse)):
			t.Errorf("%q: err = %v, want %q", c.name, err, c.refuse)
		case c.refuse == "" && (err != nil || exists != c.exists || path != filepath.Join(dir, strings.TrimSpace(c.name))):
			t.Errorf("%q: %q, exists %v, %v", c.name, path, exists, err)
		}
	}
	if b, _ := os.ReadFile(ws); string(b) != "x" {
		t.Error("checking touched the workspace")
	}
}
