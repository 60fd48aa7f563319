package ui

import "golang.org/x/sys/windows"

// commandName is Bollard's command line as the officer types it on
// Windows: bollard.com, the console twin of Bollard.exe.
const commandName = "bollard.com"

// showAlert shows msg in a message box and waits for the officer to close
// it: Bollard.exe is a GUI program, whose stderr goes nowhere.
func showAlert(title, msg string) {
	t, err := windows.UTF16PtrFromString(title)
	if err != nil {
		return
	}
	m, err := windows.UTF16PtrFromString(msg)
	if err != nil {
		return
	}
	windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND)
}
