//go:build !windows

package disk

import (
	"os"
	"path/filepath"
	"testing"
)

func TestOthersCanRead(t *testing.T) {
	p := filepath.Join(t.TempDir(), "passphrase.txt")
	os.WriteFile(p, []byte("correct horse battery staple\n"), 0o600)
	for mode, want := range map[os.FileMode]string{
		0o600: "", 0o400: "",
		0o640: "other users (mode 0640)", 0o604: "other users (mode 0604)", 0o644: "other users (mode 0644)",
	} {
		os.Chmod(p, mode)
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		who, err := OthersCanRead(f)
		f.Close()
		if err != nil || who != want {
			t.Errorf("mode %04o: %q %v, want %q", mode, who, err, want)
		}
	}
}
