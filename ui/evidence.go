package ui

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// evidenceStore is what the Evidence tab needs of a workspace.
type evidenceStore interface {
	AddEvidence(ctx context.Context, e model.EvidenceItem, paths ...string) (model.EvidenceItem, error)
	UpdateEvidence(ctx context.Context, e model.EvidenceItem) (model.EvidenceItem, error)
	AttachFiles(ctx context.Context, itemID string, paths ...string) (model.EvidenceItem, error)
	AddCustodyEvent(ctx context.Context, ev model.CustodyEvent) (model.CustodyEvent, error)
	ReviewAttachment(ctx context.Context, r model.AttachmentReview) (model.AttachmentReview, error)
	OpenAttachment(sha256 string) (io.ReadCloser, error)
}

// evidenceTab is a case's exhibits: the list on the left, the exhibit
// selected on the right with its files and its chain of custody, and the
// buttons that add to them. An exhibit's record can be corrected (every
// change is in the audit trail); its files and its chain of custody only
// grow, as a court expects.
type evidenceTab struct {
	store     evidenceStore
	win       fyne.Window
	bg        *background
	onChanged func() // an exhibit was added or changed: the case is read again

	file     app.CaseFile
	selected string // the ref of the exhibit shown
	thumbs   map[string]image.Image

	count   *widget.Label
	list    *widget.List
	add     *widget.Button
	edit    *widget.Button
	attach  *widget.Button
	custody *widget.Button
	reason  *widget.Label // why attach and custody are disabled
	detail  *exhibitDetail
	empty   *widget.Label
	content fyne.CanvasObject

	form        *exhibitForm // the dialogs last opened, for tests
	custodyForm *custodyForm
}

func newEvidenceTab(store evidenceStore, win fyne.Window, bg *background, onChanged func()) *evidenceTab {
	t := &evidenceTab{store: store, win: win, bg: bg, onChanged: onChanged, thumbs: map[string]image.Image{}}
	t.count = widget.NewLabel("")
	t.add = widget.NewButtonWithIcon("Add exhibit…", theme.ContentAddIcon(), t.onAdd)
	t.add.Importance = widget.HighImportance
	t.edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), t.onEdit)
	t.attach = widget.NewButtonWithIcon("Attach file…", theme.MailAttachmentIcon(), t.onAttach)
	t.custody = widget.NewButtonWithIcon("Record custody event…", theme.DocumentCreateIcon(), t.onCustody)
	t.reason = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	t.reason.Hide()
	t.list = widget.NewList(
		func() int { return len(t.file.Evidence) },
		func() fyne.CanvasObject { return newExhibitRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(t.file.Evidence) {
				o.(*exhibitRow).set(t.file.Evidence[id])
			}
		})
	t.list.OnSelected = t.onSelect
	t.detail = newExhibitDetail(t)
	t.empty = &widget.Label{Alignment: fyne.TextAlignCenter}

	left := container.NewBorder(container.NewHBox(t.add, t.count), nil, nil, nil,
		container.NewStack(container.NewCenter(t.empty), t.list))
	right := container.NewBorder(container.NewVBox(container.NewHBox(t.edit, t.attach, t.custody), t.reason), nil, nil, nil, t.detail.content)
	split := container.NewHSplit(left, right)
	split.Offset = 0.4
	t.content = split
	t.setButtons()
	return t
}

// showLoading empties the tab while a new case is read, or after it
// could not be, saying status in place of the count.
func (t *evidenceTab) showLoading(status string) {
	t.file = app.CaseFile{}
	t.selected = ""
	t.count.SetText(status)
	t.empty.SetText("")
	t.list.UnselectAll()
	t.list.Refresh()
	t.detail.clear()
	t.setButtons()
}

// show fills the tab with the case's exhibits, keeping the one shown.
func (t *evidenceTab) show(f app.CaseFile) {
	if f.Case.Ref != t.file.Case.Ref {
		t.selected = ""
	}
	t.file = f
	t.count.SetText(pluralN(int64(len(f.Evidence)), "exhibit"))
	if len(f.Evidence) == 0 {
		t.empty.SetText("No exhibits yet.\nAdd the first with “Add exhibit…”.")
	} else {
		t.empty.SetText("")
	}
	t.list.Refresh()
	want := t.selected
	t.list.UnselectAll()
	t.selected = ""
	t.detail.clear()
	for i, x := range f.Evidence {
		if x.Item.ExhibitRef == want {
			t.list.Select(i)
			t.list.ScrollTo(i)
		}
	}
	t.setButtons()
}

// onSelect shows the exhibit of the selected row.
func (t *evidenceTab) onSelect(id widget.ListItemID) {
	if id < 0 || id >= len(t.file.Evidence) {
		return
	}
	x := t.file.Evidence[id]
	t.selected = x.Item.ExhibitRef
	t.detail.show(x)
	t.setButtons()
}

// exhibit is the exhibit shown, if any.
func (t *evidenceTab) exhibit() (app.Exhibit, bool) {
	for _, x := range t.file.Evidence {
		if x.Item.ExhibitRef == t.selected && t.selected != "" {
			return x, true
		}
	}
	return app.Exhibit{}, false
}

// setButtons enables what can be done to the exhibit shown, and says why
// not when its chain of custody is closed.
func (t *evidenceTab) setButtons() {
	if t.file.Case.Ref == "" {
		t.add.Disable()
	} else {
		t.add.Enable()
	}
	x, ok := t.exhibit()
	end, closed := x.Closed()
	if ok {
		t.edit.Enable()
	} else {
		t.edit.Disable()
	}
	switch {
	case !ok:
		t.attach.Disable()
		t.custody.Disable()
		t.reason.Hide()
	case closed:
		t.attach.Disable()
		t.custody.Disable()
		t.reason.SetText(fmt.Sprintf("This exhibit was %s on %s: its chain of custody is closed, and no file or custody event can be added.",
			end.Action.Label(), model.FormatLocalWhen(end.At)))
		t.reason.Show()
	default:
		t.attach.Enable()
		t.custody.Enable()
		t.reason.Hide()
	}
}

// reloadSelecting reads the case again, then shows the exhibit ref.
func (t *evidenceTab) reloadSelecting(ref string) {
	t.selected = ref
	t.onChanged()
}

// onAdd opens the new-exhibit form.
func (t *evidenceTab) onAdd() {
	t.form = newExhibitForm(t.store, t.win, t.bg, t.file, nil, func(e model.EvidenceItem) { t.reloadSelecting(e.ExhibitRef) })
	t.form.show()
}

// onEdit opens the exhibit shown in the form, to correct its record.
func (t *evidenceTab) onEdit() {
	x, ok := t.exhibit()
	if !ok {
		return
	}
	t.form = newExhibitForm(t.store, t.win, t.bg, t.file, &x.Item, func(e model.EvidenceItem) { t.reloadSelecting(e.ExhibitRef) })
	t.form.show()
}

// onAttach asks for a file and attaches it to the exhibit shown.
func (t *evidenceTab) onAttach() {
	x, ok := t.exhibit()
	if !ok {
		return
	}
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(t.win, "choose the file", err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		t.attachPaths(x, path)
	}, t.win)
	open.Resize(fileDialogSize)
	open.Show()
}

// attachPaths copies the files into the workspace and attaches them to x,
// behind a dialog: a large file takes seconds to copy and hash.
func (t *evidenceTab) attachPaths(x app.Exhibit, paths ...string) {
	wait := newWaitDialog("Attaching to "+x.Item.ExhibitRef, "Copying "+fileNames(paths)+
		" into the workspace and computing its SHA-256…", t.win)
	inBackground(t.bg, func(ctx context.Context) (model.EvidenceItem, error) {
		return t.store.AttachFiles(ctx, x.Item.ID, paths...)
	}, func(e model.EvidenceItem, err error) {
		wait.hide()
		if err != nil {
			showError(t.win, "attach the file to exhibit "+x.Item.ExhibitRef, err)
			return
		}
		t.reloadSelecting(x.Item.ExhibitRef)
	})
}

// onCustody opens the custody-event form for the exhibit shown.
func (t *evidenceTab) onCustody() {
	x, ok := t.exhibit()
	if !ok {
		return
	}
	t.custodyForm = newCustodyForm(t.store, t.win, t.bg, x, func() { t.reloadSelecting(x.Item.ExhibitRef) })
	t.custodyForm.show()
}

// fileDialogSize is big enough to read the long names of evidence files.
var fileDialogSize = fyne.NewSize(900, 600)

// waitDialog is an endless progress bar over the window while work that
// cannot be hurried runs.
type waitDialog struct {
	bar    *widget.ProgressBarInfinite
	dialog *dialog.CustomDialog
}

func newWaitDialog(title, text string, win fyne.Window) *waitDialog {
	w := &waitDialog{bar: widget.NewProgressBarInfinite()}
	w.dialog = dialog.NewCustomWithoutButtons(title, withMinSize(container.NewVBox(
		&widget.Label{Text: text, Wrapping: fyne.TextWrapWord}, w.bar), fyne.NewSize(460, 0)), win)
	w.dialog.Show()
	return w
}

func (w *waitDialog) hide() {
	w.bar.Stop()
	w.dialog.Hide()
}

// fileNames is the base names of paths, for a message.
func fileNames(paths []string) string {
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	return strings.Join(names, ", ")
}

// exhibitRow is one exhibit in the list: its ref and badges, its
// description, and what it is, who holds it and how many files it has.
type exhibitRow struct {
	widget.BaseWidget
	ref, desc      *widget.Label
	facts          *widget.RichText
	closed, broken *badge
	content        fyne.CanvasObject
}

func newExhibitRow() *exhibitRow {
	r := &exhibitRow{
		ref:    &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		desc:   &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		facts:  newQuietText(""),
		closed: newBadge(theme.ColorNamePrimary),
		broken: newBadge(theme.ColorNameError),
	}
	r.content = container.NewVBox(container.NewHBox(r.ref, layout.NewSpacer(), r.broken.box, r.closed.box), r.desc, r.facts)
	r.facts.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *exhibitRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

func (r *exhibitRow) set(x app.Exhibit) {
	r.ref.SetText(x.Item.ExhibitRef)
	r.desc.SetText(x.Item.Description)
	r.facts.Segments[0].(*widget.TextSegment).Text = exhibitFacts(x)
	r.facts.Refresh()
	setBadges(x, r.closed, r.broken)
}

// exhibitFacts is "Physical · seal SVA-0001 · held by M. Torres (SVA) · 2 files".
func exhibitFacts(x app.Exhibit) string {
	parts := []string{capitalize(x.Item.Kind.Label())}
	if x.Item.SealNumber != "" {
		parts = append(parts, "seal "+x.Item.SealNumber)
	}
	if end, closed := x.Closed(); closed {
		parts = append(parts, end.Action.Label())
	} else if h := x.Holder(); h.Name != "" {
		parts = append(parts, "held by "+h.String())
	} else {
		parts = append(parts, "no holder recorded")
	}
	parts = append(parts, plural(len(x.Item.Attachments), "file"))
	return strings.Join(parts, " · ")
}

// setBadges shows the closed and seal-broken badges an exhibit earns.
func setBadges(x app.Exhibit, closed, broken *badge) {
	if end, ok := x.Closed(); ok {
		closed.set("CLOSED: " + strings.ToUpper(end.Action.Label()))
	} else {
		closed.set("")
	}
	if x.SealBroken() {
		broken.set("SEAL BROKEN")
	} else {
		broken.set("")
	}
}

// badge is a short word in capitals on a coloured ground, hidden when empty.
type badge struct {
	text *canvas.Text
	box  *fyne.Container
}

func newBadge(ground fyne.ThemeColorName) *badge {
	b := &badge{text: canvas.NewText("", color.White)}
	b.text.TextStyle = fyne.TextStyle{Bold: true}
	b.text.TextSize = theme.CaptionTextSize()
	rect := canvas.NewRectangle(theme.Color(ground))
	rect.CornerRadius = theme.InputRadiusSize()
	b.box = container.NewStack(rect, container.New(layout.NewCustomPaddedLayout(2, 2, 6, 6), b.text))
	b.box.Hide()
	return b
}

func (b *badge) set(text string) {
	b.text.Text = text
	b.text.Refresh()
	if text == "" {
		b.box.Hide()
	} else {
		b.box.Show()
	}
}
