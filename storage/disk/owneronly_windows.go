package disk

import (
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// OwnerOnly gives the file or folder at path to the user running Bollard
// alone: a workspace, its keys and what Bollard writes from it are case
// material, not for the other accounts of a shared laptop. Windows keeps
// no Unix mode (os.Chmod only sets read-only), so the access list does it:
// one entry granting this user full control, protected so that nothing is
// inherited from the folders above; on a folder the entry is inherited by
// everything made in it later.
func OwnerOnly(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("keep %s to its owner: %w", path, err)
	}
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return fmt.Errorf("keep %s to its owner: who is running Bollard: %w", path, err)
	}
	inherit := uint32(windows.NO_INHERITANCE)
	if info.IsDir() {
		inherit = windows.SUB_CONTAINERS_AND_OBJECTS_INHERIT
	}
	acl, err := windows.ACLFromEntries([]windows.EXPLICIT_ACCESS{{
		AccessPermissions: windows.GENERIC_ALL,
		AccessMode:        windows.SET_ACCESS,
		Inheritance:       inherit,
		Trustee: windows.TRUSTEE{
			TrusteeForm:  windows.TRUSTEE_IS_SID,
			TrusteeType:  windows.TRUSTEE_IS_USER,
			TrusteeValue: windows.TrusteeValueFromSID(user.User.Sid),
		},
	}}, nil)
	if err != nil {
		return fmt.Errorf("keep %s to its owner: %w", path, err)
	}
	err = windows.SetNamedSecurityInfo(longPath(path), windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION,
		nil, nil, acl, nil)
	if err != nil {
		return fmt.Errorf("keep %s to its owner: %w", path, err)
	}
	return nil
}
