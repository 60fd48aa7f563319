package disk

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"unsafe"

	"golang.org/x/sys/windows"
)

// readAccess are the rights of an access entry that let its holder read
// a file's content: FILE_READ_DATA (which Full control and Read both
// include) and the generic rights that map to it.
const readAccess = windows.FILE_READ_DATA | windows.GENERIC_READ | windows.GENERIC_ALL

// OthersCanRead returns who besides the user running Bollard can read the
// open file f, "" when no one: the accounts its access list allows to
// read it, by name ("Everyone", "BUILTIN\Users") or, for one without a
// name, by SID. SYSTEM and the local Administrators are not counted:
// they can read every file of the machine whatever its list says.
//
// Only allow entries are counted, not what a deny entry would take back
// from them: a list that needs its deny entries to keep a file private
// is refused, the safer way to be wrong.
//
// Wine, where the Windows build is tested, answers with a list made from
// the file's Unix mode: the owner and SYSTEM, and Everyone when the
// "other" bits are set (the group bits it leaves out).
func OthersCanRead(f *os.File) (who string, err error) {
	sd, err := windows.GetSecurityInfo(windows.Handle(f.Fd()), windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return "", fmt.Errorf("read the access list of %s: %w", f.Name(), err)
	}
	dacl, _, err := sd.DACL()
	if err == windows.ERROR_OBJECT_NOT_FOUND || (err == nil && dacl == nil) {
		return "everyone (the file has no access list)", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the access list of %s: %w", f.Name(), err)
	}
	trusted, err := trustedReaders()
	if err != nil {
		return "", err
	}
	readers, err := readersBesides(dacl, trusted)
	if err != nil {
		return "", fmt.Errorf("read the access list of %s: %w", f.Name(), err)
	}
	names := make([]string, len(readers))
	for i, sid := range readers {
		names[i] = accountName(sid)
	}
	return strings.Join(names, ", "), nil
}

// HowToKeepToOwner says how the user makes the file at path readable by
// them alone, once OthersCanRead has named others.
func HowToKeepToOwner(path string) string {
	return "keep it in your user folder, or remove their access in its Properties → Security"
}

// trustedReaders are the accounts allowed to read a file kept to the user
// running Bollard: that user, SYSTEM (S-1-5-18) and the local
// Administrators (S-1-5-32-544).
func trustedReaders() ([]*windows.SID, error) {
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return nil, fmt.Errorf("who is running Bollard: %w", err)
	}
	trusted := []*windows.SID{user.User.Sid}
	for _, known := range []windows.WELL_KNOWN_SID_TYPE{windows.WinLocalSystemSid, windows.WinBuiltinAdministratorsSid} {
		sid, err := windows.CreateWellKnownSid(known)
		if err != nil {
			return nil, err
		}
		trusted = append(trusted, sid)
	}
	return trusted, nil
}

// readersBesides returns, once each and in the list's order, the accounts
// that an allow entry of acl lets read the object it guards, other than
// those trusted. Deny entries, entries that only pass to what a folder
// will hold (inherit-only), and entries without a read right are not
// counted.
func readersBesides(acl *windows.ACL, trusted []*windows.SID) ([]*windows.SID, error) {
	var readers []*windows.SID
	for i := range uint32(acl.AceCount) {
		var ace *windows.ACCESS_ALLOWED_ACE
		if err := windows.GetAce(acl, i, &ace); err != nil {
			return nil, err
		}
		switch {
		case ace.Header.AceType != windows.ACCESS_ALLOWED_ACE_TYPE && ace.Header.AceType != accessAllowedCallbackACEType,
			ace.Header.AceFlags&windows.INHERIT_ONLY_ACE != 0,
			ace.Mask&readAccess == 0:
			continue
		}
		sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
		if !slices.ContainsFunc(trusted, sid.Equals) && !slices.ContainsFunc(readers, sid.Equals) {
			readers = append(readers, sid)
		}
	}
	return readers, nil
}

// accessAllowedCallbackACEType is an allow entry with a condition
// (ACCESS_ALLOWED_CALLBACK_ACE_TYPE), laid out as a plain one up to its
// SID: counted as allowing, whatever the condition.
const accessAllowedCallbackACEType = 9

// accountName is how the account of sid is shown: DOMAIN\name, the name
// alone for one without a domain (Everyone), or the SID string when it
// has no name here (an account of another machine or a deleted one).
func accountName(sid *windows.SID) string {
	name, domain, _, err := sid.LookupAccount("")
	switch {
	case err != nil || name == "":
		return sid.String()
	case domain == "":
		return name
	}
	return domain + `\` + name
}
