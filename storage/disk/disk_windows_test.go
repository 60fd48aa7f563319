package disk

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

// tempFolder is t.TempDir for tests run under Wine, whose answer to Go's
// os.RemoveAll fails t.TempDir's cleanup: RemoveFolder tidies up instead.
func tempFolder(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "bollard-disk-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := RemoveFolder(dir); err != nil {
			t.Error(err)
		}
	})
	return dir
}

// holdOpen opens path as Excel does a workbook: shared with nobody. The
// returned function lets go of it (so does the test's end).
func holdOpen(t *testing.T, path string) (release func()) {
	t.Helper()
	name, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() { once.Do(func() { syscall.CloseHandle(h) }) }
	t.Cleanup(release)
	return release
}

func TestSyncFolderWindows(t *testing.T) {
	if err := SyncFolder(tempFolder(t)); err != nil {
		t.Fatal(err)
	}
}

func TestInUseWindows(t *testing.T) {
	p := filepath.Join(tempFolder(t), "manifest 4471.xlsx")
	os.WriteFile(p, []byte("PK"), 0o600)
	holdOpen(t, p)
	_, err := os.ReadFile(p)
	err = InUse(p, err)
	var inUse *InUseError
	if !errors.As(err, &inUse) || !errors.Is(err, windows.ERROR_SHARING_VIOLATION) {
		t.Fatalf("read of a file held open: %v, want an InUseError over the sharing violation", err)
	}
	want := p + " is open in another program: close it there and try again"
	if err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if other := errors.New("disk full"); InUse(p, other) != other || InUse(p, nil) != nil {
		t.Error("InUse changed an error that is not about a file in use")
	}
}

func TestRemoveFolderWindows(t *testing.T) {
	dir := filepath.Join(tempFolder(t), "package")
	os.MkdirAll(filepath.Join(dir, "ab", "cd"), 0o700)
	os.WriteFile(filepath.Join(dir, "ab", "cd", "copy"), []byte("x"), 0o400) // read-only, as a finished copy
	os.WriteFile(filepath.Join(dir, "ab", "other"), []byte("y"), 0o600)
	if err := RemoveFolder(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("still there: %v", err)
	}
	if err := RemoveFolder(dir); err != nil {
		t.Errorf("removing a folder already gone: %v", err)
	}

	t.Run("a file held open is left and named", func(t *testing.T) {
		os.MkdirAll(filepath.Join(dir, "ab"), 0o700)
		held := filepath.Join(dir, "ab", "held.pdf")
		os.WriteFile(held, []byte("%PDF"), 0o600)
		os.WriteFile(filepath.Join(dir, "free"), []byte("z"), 0o600)
		name, _ := syscall.UTF16PtrFromString(held)
		h, err := syscall.CreateFile(name, syscall.GENERIC_READ, 0, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
		if err != nil {
			t.Fatal(err)
		}
		err = RemoveFolder(dir)
		syscall.CloseHandle(h)
		if err == nil || !strings.Contains(err.Error(), held+" is open in another program") || !strings.Contains(err.Error(), "1 left") {
			t.Errorf("RemoveFolder with a file held open: %v", err)
		}
		if _, err := os.Lstat(filepath.Join(dir, "free")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the free file was not removed: %v", err)
		}
	})
}

// TestOwnerOnlyWindows checks the access list OwnerOnly sets: one entry
// granting the user running the test (and no one else) full control,
// inherited by what a folder holds, protected from the folders above. It
// reads the list back from the files on Windows; Wine keeps no access
// lists, so there the list is checked as made.
func TestOwnerOnlyWindows(t *testing.T) {
	dir := filepath.Join(tempFolder(t), "Casos 2026")
	os.Mkdir(dir, 0o700)
	file := filepath.Join(dir, "caso.db")
	os.WriteFile(file, []byte("SQLite format 3\x00"), 0o600)
	for _, p := range []string{dir, file} {
		if err := OwnerOnly(p); err != nil {
			t.Fatal(err)
		}
	}
	folderACL, err := ownerOnlyACL(true)
	if err != nil {
		t.Fatal(err)
	}
	fileACL, err := ownerOnlyACL(false)
	if err != nil {
		t.Fatal(err)
	}
	checkOwnerOnly(t, "the folder's list", folderACL, windows.OBJECT_INHERIT_ACE|windows.CONTAINER_INHERIT_ACE)
	checkOwnerOnly(t, "the file's list", fileACL, 0)

	if underWine() {
		t.Log("Wine keeps no access lists: not read back from the files")
		return
	}
	for _, c := range []struct {
		path    string
		inherit uint8
	}{
		{dir, windows.OBJECT_INHERIT_ACE | windows.CONTAINER_INHERIT_ACE},
		{file, 0},
		// Made after: what the folder's entry gives it.
		{mustWrite(t, filepath.Join(dir, "caso.db-wal")), windows.INHERITED_ACE},
	} {
		sd, err := windows.GetNamedSecurityInfo(c.path, windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
		if err != nil {
			t.Fatal(err)
		}
		control, _, err := sd.Control()
		if err != nil {
			t.Fatal(err)
		}
		if c.inherit != windows.INHERITED_ACE && control&windows.SE_DACL_PROTECTED == 0 {
			t.Errorf("%s: the access list is not protected from the folders above", c.path)
		}
		dacl, _, err := sd.DACL()
		if err != nil || dacl == nil {
			t.Fatalf("%s: no access list (%v): anyone may open it", c.path, err)
		}
		checkOwnerOnly(t, c.path, dacl, c.inherit)
	}
}

// checkOwnerOnly fails the test unless acl has one entry, granting the
// user running the test full control, with these inheritance flags.
func checkOwnerOnly(t *testing.T, what string, acl *windows.ACL, inherit uint8) {
	t.Helper()
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		t.Fatal(err)
	}
	if acl.AceCount != 1 {
		t.Errorf("%s: %d entries, want 1", what, acl.AceCount)
	}
	for i := range uint32(acl.AceCount) {
		var ace *windows.ACCESS_ALLOWED_ACE
		if err := windows.GetAce(acl, i, &ace); err != nil {
			t.Fatal(err)
		}
		sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
		if ace.Header.AceType != windows.ACCESS_ALLOWED_ACE_TYPE || !sid.Equals(user.User.Sid) || ace.Mask != fullControl {
			t.Errorf("%s: entry %d is type %d for %s mask %#x, want full control for this user only (%s)", what, i, ace.Header.AceType, sid, ace.Mask, user.User.Sid)
		}
		if ace.Header.AceFlags&(windows.OBJECT_INHERIT_ACE|windows.CONTAINER_INHERIT_ACE|windows.INHERITED_ACE) != inherit {
			t.Errorf("%s: entry %d flags %#x, want %#x", what, i, ace.Header.AceFlags, inherit)
		}
	}
}

// underWine reports whether the test runs under Wine, which says so
// through an export of its own in ntdll.
func underWine() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}

func mustWrite(t *testing.T, p string) string {
	t.Helper()
	if err := os.WriteFile(p, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
