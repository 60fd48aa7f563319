package disk

import (
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// fullControl is what Explorer calls Full control (FILE_ALL_ACCESS),
// written out rather than as GENERIC_ALL so that the entry reads back as
// it was set.
const fullControl = windows.STANDARD_RIGHTS_REQUIRED | windows.SYNCHRONIZE | 0x1ff

// OwnerOnly gives the file or folder at path to the user running Bollard
// alone: a workspace, its keys and what Bollard writes from it are case
// material, not for the other accounts of a shared laptop. Windows keeps
// no Unix mode (os.Chmod only sets read-only), so the access list does it:
// one entry granting this user full control, protected so that nothing is
// inherited from the folders above; on a folder the entry is inherited by
// everything made in it later.
//
// Wine, where the Windows build is tested, accepts the list and keeps
// none of it (it reads back a list made from the Unix mode); the tests
// check the list itself there, and read it back from the file on Windows.
func OwnerOnly(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("keep %s to its owner: %w", path, err)
	}
	acl, err := ownerOnlyACL(info.IsDir())
	if err != nil {
		return fmt.Errorf("keep %s to its owner: %w", path, err)
	}
	err = windows.SetNamedSecurityInfo(LongPath(path), windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION,
		nil, nil, acl, nil)
	if err != nil && !keepsAccessLists(path) {
		// A drive that keeps no access lists (a FAT or exFAT USB stick, some
		// shares) has nothing to set, as a Unix mode on such a drive: the
		// dossier or package is still written there.
		return nil
	}
	if err != nil {
		return fmt.Errorf("keep %s to its owner: %w", path, err)
	}
	return nil
}

// keepsAccessLists says whether the drive holding path keeps access lists
// (FILE_PERSISTENT_ACLS): NTFS and ReFS do, FAT and exFAT do not. When
// Windows cannot tell, it is assumed to, so that a failure is reported.
func keepsAccessLists(path string) bool {
	p, err := windows.UTF16PtrFromString(LongPath(path))
	if err != nil {
		return true
	}
	root := make([]uint16, windows.MAX_PATH+1)
	if windows.GetVolumePathName(p, &root[0], uint32(len(root))) != nil {
		return true
	}
	var flags uint32
	if windows.GetVolumeInformation(&root[0], nil, 0, nil, nil, &flags, nil, 0) != nil {
		return true
	}
	return flags&windows.FILE_PERSISTENT_ACLS != 0
}

// ownerOnlyACL is the access list OwnerOnly sets: one entry granting the
// user running Bollard full control, on a folder inherited by all in it.
func ownerOnlyACL(folder bool) (*windows.ACL, error) {
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return nil, fmt.Errorf("who is running Bollard: %w", err)
	}
	inherit := uint32(windows.NO_INHERITANCE)
	if folder {
		inherit = windows.SUB_CONTAINERS_AND_OBJECTS_INHERIT
	}
	return windows.ACLFromEntries([]windows.EXPLICIT_ACCESS{{
		AccessPermissions: fullControl,
		AccessMode:        windows.SET_ACCESS,
		Inheritance:       inherit,
		Trustee: windows.TRUSTEE{
			TrusteeForm:  windows.TRUSTEE_IS_SID,
			TrusteeType:  windows.TRUSTEE_IS_USER,
			TrusteeValue: windows.TrusteeValueFromSID(user.User.Sid),
		},
	}}, nil)
}
