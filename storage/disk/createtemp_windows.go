package disk

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"
)

// CreateTemp makes a new file in dir, named by pattern as os.CreateTemp
// names it, for its owner only from the moment it exists: it is created
// with the owner-only access list (OwnerOnly's), not given it afterwards.
// Windows checks access when a file is opened, so another account that
// opened a temp file in a shared folder (C:\Users\Public, a share) before
// its list was changed would go on reading the dossier or package written
// into it.
func CreateTemp(dir, pattern string) (*os.File, error) {
	acl, err := ownerOnlyACL(false)
	if err != nil {
		return nil, err
	}
	sd, err := windows.NewSecurityDescriptor()
	if err != nil {
		return nil, err
	}
	if err := sd.SetDACL(acl, true, false); err != nil {
		return nil, err
	}
	if err := sd.SetControl(windows.SE_DACL_PROTECTED, windows.SE_DACL_PROTECTED); err != nil {
		return nil, err
	}
	sa := &windows.SecurityAttributes{Length: uint32(unsafe.Sizeof(windows.SecurityAttributes{})), SecurityDescriptor: sd}
	prefix, suffix := splitPattern(pattern)
	for range 10000 {
		var r [6]byte
		rand.Read(r[:])
		name := filepath.Join(dir, prefix+hex.EncodeToString(r[:])+suffix)
		p, err := windows.UTF16PtrFromString(LongPath(name))
		if err != nil {
			return nil, err
		}
		h, err := windows.CreateFile(p, windows.GENERIC_READ|windows.GENERIC_WRITE, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE,
			sa, windows.CREATE_NEW, windows.FILE_ATTRIBUTE_NORMAL, 0)
		if errors.Is(err, windows.ERROR_FILE_EXISTS) {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "create", Path: name, Err: err}
		}
		return os.NewFile(uintptr(h), name), nil
	}
	return nil, fmt.Errorf("create a file in %s: no free name for %s", dir, pattern)
}

// splitPattern splits a CreateTemp pattern at its last "*", as
// os.CreateTemp does; with no "*" the random part goes at the end.
func splitPattern(pattern string) (prefix, suffix string) {
	if i := strings.LastIndex(pattern, "*"); i >= 0 {
		return pattern[:i], pattern[i+1:]
	}
	return pattern, ""
}
