//go:build !windows

package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestVerifyReportsOddFilesInTheAttachmentFolder(t *testing.T) {
	w, _, x := aCaseWithHistory(t)
	stored := w.AttachmentPath(x.Attachments[0].SHA256)
	dir := filepath.Dir(filepath.Dir(stored))
	rel := func(p string) string { r, _ := filepath.Rel(dir, p); return r }

	outside := filepath.Join(t.TempDir(), "elsewhere.jpg")
	if err := os.WriteFile(outside, []byte("swapped"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(filepath.Dir(stored), strings.Repeat("ab", 32))
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(t.TempDir(), "second-name")
	if err := os.Link(stored, hard); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	v := mustVerify(t, w, nil)
	wantProblems(t, v,
		"the attachment folder holds "+rel(link)+": a symbolic link to "+outside,
		"the attachment folder holds "+rel(stored)+": a file with 1 other hard links (it can be changed through another name)",
		"the attachment folder holds pipe: not a plain file (a named pipe)")
	if len(v.Problems) != 3 {
		t.Errorf("problems = %q, want 3", v.Problems)
	}
}
