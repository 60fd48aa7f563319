//go:build !windows

package disk

import (
	"os"
	"path/filepath"
	"testing"
)

func TestOwnerOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Casos 2026")
	os.Mkdir(dir, 0o755)
	keys := filepath.Join(dir, "keys.txt")
	os.WriteFile(keys, nil, 0o644)
	stored := filepath.Join(dir, "stored")
	os.WriteFile(stored, nil, 0o444)
	for p, want := range map[string]os.FileMode{dir: 0o700, keys: 0o600, stored: 0o400} {
		if err := OwnerOnly(p); err != nil {
			t.Fatal(err)
		}
		if info, _ := os.Stat(p); info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", filepath.Base(p), info.Mode().Perm(), want)
		}
	}
}

func TestMakeFolder(t *testing.T) {
	top := t.TempDir()
	os.Chmod(top, 0o755)
	dir := filepath.Join(top, "bollard", "caso.db.files")
	if err := MakeFolder(dir); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{top: 0o755, filepath.Dir(dir): 0o700, dir: 0o700} {
		if info, _ := os.Stat(p); info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, info.Mode().Perm(), want)
		}
	}
	if err := MakeFolder(dir); err != nil {
		t.Errorf("again: %v", err)
	}
}
