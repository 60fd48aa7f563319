//go:build !windows

package storage

import (
	"errors"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe or a symbolic link to /dev/zero put where a stored file was
// is refused at once, named for what it is: before, Check opened and read
// it, and waited forever.
func TestBlobOpenRefusesWhatIsNotAPlainFile(t *testing.T) {
	for _, c := range []struct {
		name string
		make func(p string) error
		want string
	}{
		{"a named pipe", func(p string) error { return syscall.Mkfifo(p, 0o600) }, "is a named pipe, not a plain file"},
		{"a symbolic link to /dev/zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "is a symbolic link to /dev/zero, not a plain file"},
		{"a folder", func(p string) error { return os.Mkdir(p, 0o700) }, "is a folder, not a plain file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := mustOpenBlobs(t)
			blob, err := b.Put(strings.NewReader("the photo of the brick"))
			if err != nil {
				t.Fatal(err)
			}
			p := b.Path(blob.SHA256)
			if err := os.Chmod(p, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := c.make(p); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 2)
			go func() { done <- b.Check(blob.SHA256) }()
			go func() {
				f, err := b.Open(blob.SHA256)
				if err == nil {
					f.Close()
				}
				done <- err
			}()
			for range 2 {
				select {
				case err := <-done:
					var odd *NotPlainFile
					if !errors.As(err, &odd) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), blob.SHA256) {
						t.Errorf("err = %v, want a *NotPlainFile saying %q", err, c.want)
					}
				case <-time.After(5 * time.Second):
					t.Fatal("still reading after 5 s")
				}
			}
		})
	}
}

// A plain file still opens and checks.
func TestBlobOpenStillReadsAPlainFile(t *testing.T) {
	b := mustOpenBlobs(t)
	blob, err := b.Put(strings.NewReader("the photo of the brick"))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Check(blob.SHA256); err != nil {
		t.Fatal(err)
	}
	f, err := b.Open(blob.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := io.ReadAll(f)
	if err != nil || string(got) != "the photo of the brick" {
		t.Fatalf("read %q, %v", got, err)
	}
}
