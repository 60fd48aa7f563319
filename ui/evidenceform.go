package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/typed"
	"bollard/model"
)

var evidenceKindChoices = newChoices(model.EvidenceKinds, func(k model.EvidenceKind) string { return capitalize(k.Label()) })

// noSeizure is the seizure select's choice for an exhibit that came from none.
const noSeizure = "None: not from a seizure"

// exhibitForm is the dialog that records a new exhibit in a case, with
// its files, or edits an exhibit's record. The files are copied and hashed
// while a bar runs: a 1 GB disk image takes seconds. An exhibit's files
// are only ever added (Attach file…), so editing leaves them out.
type exhibitForm struct {
	store    evidenceStore
	win      fyne.Window
	bg       *background
	file     app.CaseFile
	existing *model.EvidenceItem // the exhibit edited; nil for a new one
	onAdded  func(model.EvidenceItem)

	description, storage, seal    *widget.Entry
	acquiredAt, acquiredPlace, by *widget.Entry
	kind, seizure                 *widget.Select
	files                         *filePicker
	errs                          *fieldErrors
	busy                          *fyne.Container
	bar                           *widget.ProgressBarInfinite
	save                          *widget.Button
	dialog                        *dialog.CustomDialog
}

func newExhibitForm(store evidenceStore, win fyne.Window, bg *background, file app.CaseFile, existing *model.EvidenceItem, onAdded func(model.EvidenceItem)) *exhibitForm {
	f := &exhibitForm{store: store, win: win, bg: bg, file: file, existing: existing, onAdded: onAdded, errs: newFieldErrors()}
	f.description = widget.NewEntry()
	f.description.SetPlaceHolder("What it is, e.g. 24 bricks of white powder, 1 kg each, from container MSCU1234565")
	f.kind = widget.NewSelect(evidenceKindChoices.labels, nil)
	f.kind.PlaceHolder = "Choose the kind"
	seizures := []string{noSeizure}
	for _, s := range file.Seizures {
		seizures = append(seizures, seizureChoice(s))
	}
	f.seizure = widget.NewSelect(seizures, nil)
	f.seizure.SetSelected(noSeizure)
	f.storage = widget.NewEntry()
	f.storage.SetPlaceHolder("Optional, e.g. Evidence room B, shelf 4")
	f.seal = widget.NewEntry()
	f.seal.SetPlaceHolder("Optional: the number on the evidence bag's seal")
	f.acquiredAt = widget.NewEntry()
	f.acquiredAt.SetPlaceHolder("Optional, e.g. " + time.Now().Format("2006-01-02") + " 14:30 (your local time)")
	f.acquiredPlace = widget.NewEntry()
	f.acquiredPlace.SetPlaceHolder("Optional, e.g. Port of Algeciras, terminal TTI")
	f.by = widget.NewEntry()
	f.by.SetPlaceHolder("Optional: the officer who took it")
	f.files = newFilePicker(win)

	form := widget.NewForm(
		widget.NewFormItem("Description", f.errs.field(f.description, "description")),
		widget.NewFormItem("Kind", f.errs.choice(f.kind, "kind")),
		widget.NewFormItem("From seizure", f.errs.choice(f.seizure, "seizure")),
		widget.NewFormItem("Storage location", f.errs.field(f.storage, "storage location")),
		widget.NewFormItem("Seal number", f.errs.field(f.seal, "seal number")),
		widget.NewFormItem("Acquired when", f.errs.field(f.acquiredAt, "acquired at")),
		widget.NewFormItem("Acquired where", f.errs.field(f.acquiredPlace, "acquired place")),
		widget.NewFormItem("Acquired by", f.errs.field(f.by, "acquired by")),
	)
	title, saveText := "New exhibit in "+file.Case.Ref, "Add exhibit"
	if existing != nil {
		title, saveText = "Edit exhibit "+existing.ExhibitRef, "Save"
		f.fill(*existing)
	} else {
		form.Append("Files", f.files.content)
	}
	f.bar = widget.NewProgressBarInfinite()
	f.bar.Stop()
	f.busy = container.NewVBox(widget.NewLabel("Copying the files into the workspace and computing their SHA-256…"), f.bar)
	f.busy.Hide()

	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { f.dialog.Hide() })
	f.save = widget.NewButtonWithIcon(saveText, theme.ConfirmIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	content := withMinSize(container.NewVBox(form, f.errs.general, f.busy), fyne.NewSize(860, 0))
	f.dialog = dialog.NewCustomWithoutButtons(title, content, win)
	f.dialog.SetButtons([]fyne.CanvasObject{cancel, f.save})
	return f
}

// fill puts an exhibit's record in the form.
func (f *exhibitForm) fill(e model.EvidenceItem) {
	f.description.SetText(e.Description)
	f.kind.SetSelected(evidenceKindChoices.label(e.Kind))
	for _, s := range f.file.Seizures {
		if s.ID == e.SeizureID {
			f.seizure.SetSelected(seizureChoice(s))
		}
	}
	f.storage.SetText(e.StorageLocation)
	f.seal.SetText(e.SealNumber)
	if !e.AcquiredAt.IsZero() {
		f.acquiredAt.SetText(model.FormatLocalWhen(e.AcquiredAt))
	}
	f.acquiredPlace.SetText(e.AcquiredPlace)
	f.by.SetText(e.AcquiredBy)
}

// seizureChoice names a seizure in the select: "SZ-0001 — 349 kg cocaine".
func seizureChoice(s model.Seizure) string {
	if s.Description == "" {
		return s.Ref
	}
	return s.Ref + " — " + s.Description
}

func (f *exhibitForm) show() {
	f.dialog.Show()
	f.win.Canvas().Focus(f.description)
}

// itemFromForm is the exhibit as typed; a time that cannot be read is
// refused as a field error.
func (f *exhibitForm) itemFromForm() (model.EvidenceItem, error) {
	e := model.EvidenceItem{
		CaseID:          f.file.Case.ID,
		Description:     f.description.Text,
		Kind:            evidenceKindChoices.value(f.kind.Selected),
		StorageLocation: strings.TrimSpace(f.storage.Text),
		SealNumber:      strings.TrimSpace(f.seal.Text),
		AcquiredPlace:   strings.TrimSpace(f.acquiredPlace.Text),
		AcquiredBy:      strings.TrimSpace(f.by.Text),
	}
	for _, s := range f.file.Seizures {
		if seizureChoice(s) == f.seizure.Selected {
			e.SeizureID = s.ID
		}
	}
	var err error
	e.AcquiredAt, err = parseLocalTime("acquired at", f.acquiredAt.Text)
	return e, err
}

// onSave copies the files and records the exhibit. The dialog stays open,
// each refused field marked, until the workspace accepts it.
func (f *exhibitForm) onSave() {
	if f.save.Disabled() {
		return
	}
	e, err := f.itemFromForm()
	if err != nil {
		f.errs.show(err)
		return
	}
	paths := slices.Clone(f.files.paths)
	f.setBusy(true)
	inBackground(f.bg, func(ctx context.Context) (model.EvidenceItem, error) {
		if f.existing != nil {
			e.ID, e.Version = f.existing.ID, f.existing.Version // a newer save is refused, not overwritten
			return f.store.UpdateEvidence(ctx, e)
		}
		return f.store.AddEvidence(ctx, e, paths...)
	}, func(added model.EvidenceItem, err error) {
		f.setBusy(false)
		if err != nil {
			if !f.errs.show(err) {
				doing := "add the exhibit"
				if f.existing != nil {
					doing = "save exhibit " + f.existing.ExhibitRef
				}
				showError(f.win, doing, err)
			}
			return
		}
		f.errs.clear()
		f.dialog.Hide()
		f.onAdded(added)
	})
}

func (f *exhibitForm) setBusy(busy bool) {
	if busy {
		f.save.Disable()
		f.files.add.Disable()
		f.busy.Show()
		f.bar.Start()
		return
	}
	f.save.Enable()
	f.files.add.Enable()
	f.bar.Stop()
	f.busy.Hide()
}

// parseLocalTime reads a time typed in the officer's own time zone, by
// the rules officers type times everywhere (typed.DateTime); "" is no time.
func parseLocalTime(field, s string) (time.Time, error) {
	t, err := typed.DateTime(s, time.Local, time.Now())
	if err != nil {
		return time.Time{}, model.Invalid(field, strings.TrimSpace(s), "should be a time such as %s 14:30", time.Now().Format("2006-01-02"))
	}
	return t, nil
}

// filePicker is the files chosen for an exhibit, one row each, with the
// button that adds another through the file dialog.
type filePicker struct {
	win     fyne.Window
	paths   []string
	rows    *fyne.Container
	add     *widget.Button
	content fyne.CanvasObject
}

func newFilePicker(win fyne.Window) *filePicker {
	p := &filePicker{win: win, rows: container.NewVBox()}
	p.add = widget.NewButtonWithIcon("Add a file…", theme.MailAttachmentIcon(), p.onChoose)
	p.content = container.NewVBox(p.rows, container.NewHBox(p.add,
		&widget.Label{Text: "Optional: photos, scans, extracts. Each is copied into the workspace unchanged.", Importance: widget.LowImportance}))
	return p
}

func (p *filePicker) onChoose() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(p.win, "choose the file", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		p.addPath(path)
	}, p.win)
	open.Resize(fileDialogSize)
	open.Show()
}

// addPath adds a chosen file, once.
func (p *filePicker) addPath(path string) {
	if slices.Contains(p.paths, path) {
		return
	}
	p.paths = append(p.paths, path)
	p.refresh()
}

func (p *filePicker) refresh() {
	p.rows.RemoveAll()
	for _, path := range p.paths {
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			p.paths = slices.DeleteFunc(p.paths, func(q string) bool { return q == path })
			p.refresh()
		})
		remove.Importance = widget.LowImportance
		p.rows.Add(container.NewHBox(widget.NewIcon(theme.FileIcon()),
			&widget.Label{Text: filepath.Base(path), TextStyle: fyne.TextStyle{Bold: true}},
			&widget.Label{Text: filepath.Dir(path), Importance: widget.LowImportance}, layout.NewSpacer(), remove))
	}
}
