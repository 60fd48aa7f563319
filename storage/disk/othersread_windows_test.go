package disk

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// TestOthersCanReadWindows asks about a passphrase file first readable by
// everyone, then kept to its owner. Wine keeps no access list but makes
// one from the file's Unix mode (the owner and SYSTEM, and Everyone with
// read when the "other" bits give it), so there the file's mode is set
// from the Linux side, with chmod; on Windows, its access list is set.
func TestOthersCanReadWindows(t *testing.T) {
	p := filepath.Join(tempFolder(t), "passphrase José.txt")
	if err := os.WriteFile(p, []byte("correct horse battery staple\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ask := func() string {
		t.Helper()
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		who, err := OthersCanRead(f)
		if err != nil {
			t.Fatal(err)
		}
		return who
	}

	if underWine() {
		wineChmod(t, p, 0o644)
	} else {
		grantEveryoneRead(t, p)
	}
	if who := ask(); who != accountName(wellKnown(t, windows.WinWorldSid)) {
		t.Errorf("a file everyone can read: OthersCanRead says %q, want Everyone", who)
	}

	if underWine() {
		wineChmod(t, p, 0o600)
	} else if err := OwnerOnly(p); err != nil {
		t.Fatal(err)
	}
	if who := ask(); who != "" {
		t.Errorf("a file kept to its owner: OthersCanRead says %q can read it", who)
	}
}

// TestReadersBesidesWindows judges access lists made in memory.
func TestReadersBesidesWindows(t *testing.T) {
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		t.Fatal(err)
	}
	me := user.User.Sid
	system := wellKnown(t, windows.WinLocalSystemSid)
	admins := wellKnown(t, windows.WinBuiltinAdministratorsSid)
	everyone := wellKnown(t, windows.WinWorldSid)
	users := wellKnown(t, windows.WinBuiltinUsersSid)
	authenticated := wellKnown(t, windows.WinAuthenticatedUserSid)
	colleague, err := windows.StringToSid("S-1-5-21-1004336348-1177238915-682003330-1107")
	if err != nil {
		t.Fatal(err)
	}
	allow := func(sid *windows.SID, mask windows.ACCESS_MASK) windows.EXPLICIT_ACCESS {
		return windows.EXPLICIT_ACCESS{AccessPermissions: mask, AccessMode: windows.GRANT_ACCESS,
			Trustee: windows.TRUSTEE{TrusteeForm: windows.TRUSTEE_IS_SID, TrusteeValue: windows.TrusteeValueFromSID(sid)}}
	}
	deny := func(sid *windows.SID, mask windows.ACCESS_MASK) windows.EXPLICIT_ACCESS {
		e := allow(sid, mask)
		e.AccessMode = windows.DENY_ACCESS
		return e
	}
	trusted := []*windows.SID{me, system, admins}

	for _, c := range []struct {
		name    string
		entries []windows.EXPLICIT_ACCESS
		want    []*windows.SID
	}{
		{"everyone may read", []windows.EXPLICIT_ACCESS{allow(me, fullControl), allow(everyone, windows.GENERIC_READ)}, []*windows.SID{everyone}},
		{"the user, SYSTEM and the Administrators", []windows.EXPLICIT_ACCESS{allow(me, fullControl), allow(system, fullControl), allow(admins, windows.GENERIC_ALL)}, nil},
		{"what Windows gives a file in the profile", []windows.EXPLICIT_ACCESS{allow(system, fullControl), allow(admins, fullControl), allow(me, fullControl)}, nil},
		{"Users with read data, Authenticated Users with generic all, a colleague with full control", []windows.EXPLICIT_ACCESS{
			allow(me, fullControl), allow(users, windows.FILE_READ_DATA), allow(authenticated, windows.GENERIC_ALL), allow(colleague, fullControl)},
			[]*windows.SID{users, authenticated, colleague}},
		{"a deny entry is no reader", []windows.EXPLICIT_ACCESS{deny(everyone, windows.GENERIC_READ), allow(me, fullControl)}, nil},
		{"write only is no reader", []windows.EXPLICIT_ACCESS{allow(me, fullControl), allow(everyone, windows.FILE_WRITE_DATA|windows.FILE_APPEND_DATA)}, nil},
		{"reading attributes and the list is no reader", []windows.EXPLICIT_ACCESS{allow(me, fullControl), allow(users, windows.FILE_READ_ATTRIBUTES|windows.READ_CONTROL|windows.SYNCHRONIZE)}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			acl, err := windows.ACLFromEntries(c.entries, nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := readersBesides(acl, trusted)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(sidStrings(got), sidStrings(c.want), func(a, b string) bool { return a == b }) {
				t.Errorf("readers %v, want %v", sidStrings(got), sidStrings(c.want))
			}
		})
	}

	t.Run("an entry only for what a folder will hold is no reader", func(t *testing.T) {
		e := allow(everyone, windows.GENERIC_READ)
		e.Inheritance = windows.INHERIT_ONLY | windows.SUB_CONTAINERS_AND_OBJECTS_INHERIT
		acl, err := windows.ACLFromEntries([]windows.EXPLICIT_ACCESS{allow(me, fullControl), e}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := readersBesides(acl, trusted); err != nil || len(got) != 0 {
			t.Errorf("readers %v %v, want none", sidStrings(got), err)
		}
	})

	t.Run("an account without a name is shown by its SID", func(t *testing.T) {
		if got := accountName(colleague); got != colleague.String() {
			t.Errorf("accountName %q, want %q", got, colleague.String())
		}
		if got := accountName(everyone); got == "" || got == everyone.String() {
			t.Errorf("accountName of Everyone %q, want its name", got)
		}
	})
}

func wellKnown(t *testing.T, known windows.WELL_KNOWN_SID_TYPE) *windows.SID {
	t.Helper()
	sid, err := windows.CreateWellKnownSid(known)
	if err != nil {
		t.Fatal(err)
	}
	return sid
}

func sidStrings(sids []*windows.SID) []string {
	s := make([]string, len(sids))
	for i, sid := range sids {
		s[i] = sid.String()
	}
	return s
}

// grantEveryoneRead sets the access list of the file at path to full
// control for the user running the test and read for Everyone.
func grantEveryoneRead(t *testing.T, path string) {
	t.Helper()
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		t.Fatal(err)
	}
	acl, err := windows.ACLFromEntries([]windows.EXPLICIT_ACCESS{
		{AccessPermissions: fullControl, AccessMode: windows.GRANT_ACCESS,
			Trustee: windows.TRUSTEE{TrusteeForm: windows.TRUSTEE_IS_SID, TrusteeValue: windows.TrusteeValueFromSID(user.User.Sid)}},
		{AccessPermissions: windows.GENERIC_READ, AccessMode: windows.GRANT_ACCESS,
			Trustee: windows.TRUSTEE{TrusteeForm: windows.TRUSTEE_IS_SID, TrusteeValue: windows.TrusteeValueFromSID(wellKnown(t, windows.WinWorldSid))}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = windows.SetNamedSecurityInfo(path, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, acl, nil)
	if err != nil {
		t.Fatal(err)
	}
}

// wineChmod sets the Unix mode of the file at path with the Linux chmod,
// which Wine runs when asked to start it, and waits until the access list
// Wine makes from the mode shows it (Wine does not hand back a process to
// wait for).
func wineChmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		t.Fatal(err)
	}
	r, _, _ := windows.NewLazySystemDLL("kernel32.dll").NewProc("wine_get_unix_file_name").Call(uintptr(unsafe.Pointer(name)))
	if r == 0 {
		t.Fatalf("no Unix name for %s", path)
	}
	unixName := windows.BytePtrToString(*(**byte)(unsafe.Pointer(&r))) // memory of Wine's, not Go's
	p, err := os.StartProcess(`Z:\bin\chmod`, []string{"chmod", fmt.Sprintf("%o", mode.Perm()), unixName}, &os.ProcAttr{Files: []*os.File{nil, os.Stdout, os.Stderr}})
	if err != nil {
		t.Fatalf("chmod %s under Wine: %v", unixName, err)
	}
	p.Release()
	everyone := wellKnown(t, windows.WinWorldSid)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
		if err != nil {
			t.Fatal(err)
		}
		dacl, _, err := sd.DACL()
		if err != nil {
			t.Fatal(err)
		}
		readers, err := readersBesides(dacl, nil)
		if err != nil {
			t.Fatal(err)
		}
		if slices.ContainsFunc(readers, everyone.Equals) == (mode&0o007 != 0) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("chmod %v %s under Wine: the access list still shows %v", mode, unixName, sidStrings(readers))
		}
	}
}
