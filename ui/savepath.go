package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
)

// askSavePath asks where to save a file the window makes (a dossier, a case
// package, a checkpoint): a folder, chosen in Fyne's folder dialog, and a
// name, typed. Fyne's own save dialog opens the file it is given, creating
// or emptying it, before the program sees the path: a mistyped name would
// lose that file, the workspace itself in the worst case. Here nothing is
// opened: the name is checked, replacing a file is asked first, and the
// workspace's own files are refused, before onPath gets the path.
func askSavePath(win fyne.Window, title, name, workspace string, onPath func(path string)) {
	folders := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			showError(win, strings.ToLower(title), err)
			return
		}
		if dir == nil {
			return // cancelled
		}
		askSaveName(win, title, dir.Path(), name, workspace, onPath)
	}, win)
	folders.SetConfirmText("Save here")
	folders.Resize(fyne.NewSize(900, 600))
	folders.Show()
}

// askSaveName asks for the file's name in the folder chosen.
func askSaveName(win fyne.Window, title, dir, name, workspace string, onPath func(path string)) {
	entry := widget.NewEntry()
	entry.SetText(name)
	items := []*widget.FormItem{
		widget.NewFormItem("Folder", widget.NewLabel(dir)),
		widget.NewFormItem("File name", entry),
	}
	form := dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		path, exists, err := checkSavePath(dir, entry.Text, workspace)
		if err != nil {
			showError(win, strings.ToLower(title), err)
			return
		}
		if !exists {
			onPath(path)
			return
		}
		dialog.ShowConfirm("Replace "+filepath.Base(path)+"?",
			"A file of that name is already in "+dir+". Replace it?", func(yes bool) {
				if yes {
					onPath(path)
				}
			}, win)
	}, win)
	form.Resize(fyne.NewSize(640, 0))
	form.Show()
}

// checkSavePath joins a folder and a typed file name, refusing a name that
// is blank or names another folder, and any of the workspace's own files:
// the database, its journal files and the folder of attached files. It
// reports whether a file of that name is there already.
func checkSavePath(dir, name, workspace string) (path string, exists bool, err error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", false, errors.New("the file needs a name")
	case strings.ContainsAny(name, `/\`) || name == "." || name == "..":
		return "", false, fmt.Errorf("%q: type a file name only; the folder is chosen above", name)
	}
	path = filepath.Join(dir, name)
	switch app.WorkspaceOwns(path, workspace) {
	case app.OwnDatabase:
		return "", false, fmt.Errorf("%s is the workspace's own file: choose another name", name)
	case app.OwnAttachments:
		return "", false, fmt.Errorf("%s holds the workspace's attached files: choose another name", name)
	}
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return "", false, fmt.Errorf("%s is a folder: choose another name", name)
	case err == nil:
		return path, true, nil
	case errors.Is(err, os.ErrNotExist):
		return path, false, nil
	}
	return "", false, err
}
