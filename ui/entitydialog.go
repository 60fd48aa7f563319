package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// entityReader is what the entity dialog needs of a workspace: the
// entity's file to show, and saving it when the officer edits it.
type entityReader interface {
	EntityFile(ctx context.Context, id string) (app.EntityFile, error)
	entityEditor
}

// entityDialog shows what the workspace knows of one entity: who or what
// it is, its identifiers, every case it appears in and in what role, and
// the entities it is tied to. Each case is a button that opens it, and each
// related entity one that shows its own file, so that an investigator
// follows a shell company from one case to the next with one click.
type entityDialog struct {
	store      entityReader
	win        fyne.Window
	bg         *background
	onOpenCase func(ref string)
	// fromCase is the ref of the case the view was opened from, if any: its
	// row says so, and the button that closes the view goes back to it.
	fromCase string
	// onChanged is called after the entity was edited (the case view shows it too); may be nil.
	onChanged func()

	file    app.EntityFile   // the entity shown
	trail   []string         // the entities shown before it, for Back
	cases   []*widget.Button // the case buttons, in the order shown, for tests
	related []*widget.Button // the related entities' buttons, for tests
	back    *widget.Button   // to the entity shown before
	edit    *widget.Button
	close   *widget.Button
	form    *entityEditForm // the edit form last opened, for tests
	body    *fyne.Container
	dialog  *dialog.CustomDialog
	open    bool // on screen: read again when another program saves
}

func newEntityDialog(store entityReader, win fyne.Window, bg *background, onOpenCase func(ref string)) *entityDialog {
	d := &entityDialog{store: store, win: win, bg: bg, onOpenCase: onOpenCase}
	d.body = container.NewStack(container.NewCenter(widget.NewLabel("Reading…")))
	d.back = widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), d.onBack)
	d.back.Hide()
	d.edit = widget.NewButtonWithIcon("Edit entity…", theme.DocumentCreateIcon(), d.onEdit)
	d.edit.Disable()
	d.close = widget.NewButtonWithIcon("Close", theme.CancelIcon(), func() { d.dialog.Hide() })
	d.close.Importance = widget.HighImportance
	d.dialog = dialog.NewCustomWithoutButtons("Entity", withMinSize(container.NewVScroll(d.body), fyne.NewSize(800, 540)), win)
	d.dialog.SetButtons([]fyne.CanvasObject{d.back, d.edit, d.close})
	d.dialog.SetOnClosed(func() { d.open = false })
	return d
}

// show opens the dialog on the entity with that ID and reads its file.
func (d *entityDialog) show(id string) {
	if d.fromCase != "" {
		d.close.SetText("Back to " + d.fromCase)
		d.close.SetIcon(theme.NavigateBackIcon())
	}
	d.open = true
	d.dialog.Show()
	d.load(id)
}

// reload reads the entity shown again, when the dialog is on screen:
// another program saved to the workspace.
func (d *entityDialog) reload() {
	if d.open && d.file.Entity.ID != "" {
		d.load(d.file.Entity.ID)
	}
}

// follow shows another entity, remembering this one for Back.
func (d *entityDialog) follow(id string) {
	if d.file.Entity.ID != "" {
		d.trail = append(d.trail, d.file.Entity.ID)
	}
	d.load(id)
}

// onBack shows the entity shown before.
func (d *entityDialog) onBack() {
	if len(d.trail) == 0 {
		return
	}
	id := d.trail[len(d.trail)-1]
	d.trail = d.trail[:len(d.trail)-1]
	d.load(id)
}

// onEdit opens the entity's edit form; once saved, the view and the case show the change.
func (d *entityDialog) onEdit() {
	if d.file.Entity.ID == "" {
		return
	}
	d.form = newEntityEditForm(d.store, d.win, d.bg, d.file.Entity, func(e model.Entity) {
		d.load(e.ID)
		if d.onChanged != nil {
			d.onChanged()
		}
	})
	d.form.show()
}

// load reads the file of the entity with that ID into the dialog.
func (d *entityDialog) load(id string) {
	inBackground(d.bg, func(ctx context.Context) (app.EntityFile, error) {
		return d.store.EntityFile(ctx, id)
	}, func(f app.EntityFile, err error) {
		if err != nil {
			d.dialog.Hide()
			showError(d.win, "open the entity", err)
			return
		}
		d.fill(f)
	})
}

// fill lays out the entity's file.
func (d *entityDialog) fill(f app.EntityFile) {
	e := f.Entity
	d.file = f
	d.cases, d.related = nil, nil
	d.edit.Enable()
	if len(d.trail) > 0 {
		d.back.SetText("Back to " + d.trailName())
		d.back.Show()
	} else {
		d.back.Hide()
	}

	what := e.Kind.Label()
	if e.Country != "" {
		what += " · " + countryText(e.Country)
	}
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewIcon(kindIcon(e.Kind)), nil, newHeading(e.Name)),
		newQuietText(capitalize(what)))
	if len(e.Aliases) > 0 {
		top.Add(&widget.Label{Text: "Also known as " + strings.Join(e.Aliases, ", "), Wrapping: fyne.TextWrapWord})
	}
	if ids := entityIdentifiers(e); len(ids) > 0 {
		form := container.New(layout.NewFormLayout())
		for _, id := range ids {
			form.Add(&widget.Label{Text: id[0], TextStyle: fyne.TextStyle{Bold: true}})
			form.Add(&widget.Label{Text: id[1], Wrapping: fyne.TextWrapBreak})
		}
		top.Add(form)
	}
	if e.Notes != "" {
		top.Add(&widget.Label{Text: e.Notes, Wrapping: fyne.TextWrapWord})
	}

	top.Add(widget.NewSeparator())
	top.Add(&widget.Label{Text: "Appears in " + plural(len(f.Appearances), "case"), TextStyle: fyne.TextStyle{Bold: true}})
	for _, a := range f.Appearances {
		top.Add(d.caseRow(a))
	}
	if len(f.Relations) > 0 {
		top.Add(widget.NewSeparator())
		top.Add(&widget.Label{Text: "Tied to", TextStyle: fyne.TextStyle{Bold: true}})
		for _, r := range f.Relations {
			top.Add(d.relationRow(e, r))
		}
	}
	d.body.Objects = []fyne.CanvasObject{top}
	d.body.Refresh()
}

// caseRow is one case the entity appears in: a button that opens it,
// beside its title and the entity's role there. An archived case cannot be opened from the list.
func (d *entityDialog) caseRow(a app.Appearance) fyne.CanvasObject {
	c := a.Case
	ref := c.Ref
	b := widget.NewButtonWithIcon(c.Ref, theme.FolderOpenIcon(), func() { d.onCase(ref) })
	b.Alignment = widget.ButtonAlignLeading
	d.cases = append(d.cases, b)
	role := a.Link.Role.Label()
	if a.Link.Note != "" {
		role += " — " + a.Link.Note
	}
	if c.Status == model.StatusArchived {
		b.Disable()
		role += " (archived)"
	}
	if c.Ref == d.fromCase {
		b.SetText(c.Ref + " (this case)")
	}
	title := &widget.Label{Text: c.Title, Truncation: fyne.TextTruncateEllipsis}
	return container.NewBorder(nil, nil, container.NewVBox(b), nil, container.NewVBox(title, newQuietText(capitalize(role))))
}

// relationRow is one tie to another entity, its arrow pointing the way
// the relation reads: "owns →" MSCU1234566 from the company's side, "← owns"
// Muñoz Rojas Trading from the container's. Its button shows the other
// entity's file in the same dialog.
func (d *entityDialog) relationRow(e model.Entity, r app.RelatedEntity) fyne.CanvasObject {
	how := r.Relation.Type.Label()
	if r.Relation.ToID == e.ID && r.Relation.FromID != e.ID {
		how = "← " + how
	} else {
		how = how + " →"
	}
	other := r.Other
	b := widget.NewButtonWithIcon(other.Name, kindIcon(other.Kind), func() { d.follow(other.ID) })
	b.Alignment = widget.ButtonAlignLeading
	d.related = append(d.related, b)
	detail := other.Kind.Label()
	if g := r.Relation.Grading(); g != "" {
		detail += fmt.Sprintf(" · graded %s", g)
	}
	if span := relationSpan(r.Relation); span != "" {
		detail += " · " + span
	}
	return container.NewBorder(nil, nil, newQuietText(how), nil, container.NewHBox(b, newQuietText(detail)))
}

// trailName is the name of the entity Back goes to, as last shown.
func (d *entityDialog) trailName() string {
	id := d.trail[len(d.trail)-1]
	for _, r := range d.file.Relations {
		if r.Other.ID == id {
			return r.Other.Name
		}
	}
	return "the previous entity"
}

// onCase closes the dialog and opens the case.
func (d *entityDialog) onCase(ref string) {
	d.dialog.Hide()
	d.onOpenCase(ref)
}

// entityIdentifiers are the identifiers the entity has, as label and value.
// One that only repeats the name (a container named by its number) is left out.
func entityIdentifiers(e model.Entity) [][2]string {
	id := e.Identifiers
	var birth string
	if !id.BirthDate.IsZero() {
		birth = id.BirthDate.String()
	}
	all := [][2]string{
		{"Born", birth},
		{"Nationality", countryText(id.Nationality)},
		{"ID or passport", id.DocumentNumber},
		{"Registration no.", id.RegistrationNumber},
		{"VAT number", id.VATNumber},
		{"EORI", id.EORI},
		{"LEI", id.LEI},
		{"IMO number", id.IMO},
		{"MMSI", id.MMSI},
		{"Call sign", id.CallSign},
		{"Flag", countryText(id.Flag)},
		{"Container no.", id.ContainerNumber},
		{"Plate", id.Plate},
		{"VIN", id.VIN},
		{"Phone", id.Phone},
		{"E-mail", id.Email},
		{"IBAN", formatIBAN(id.IBAN)},
		{"Wallet", id.WalletAddress},
	}
	var out [][2]string
	for _, kv := range all {
		if kv[1] != "" && kv[1] != e.Name {
			out = append(out, kv)
		}
	}
	return out
}

// formatIBAN writes an IBAN in groups of four, as it is printed.
func formatIBAN(iban string) string {
	if iban == "" {
		return ""
	}
	return model.FormatIBAN(iban)
}
