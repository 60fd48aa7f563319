package ui

import (
	"context"
	"errors"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/search"
	"bollard/model"
)

// entityLinker is what the link form needs of a workspace: finding an
// entity, and linking one, new or not, in one unit of work.
type entityLinker interface {
	Search(ctx context.Context, query string, opt app.SearchOptions) ([]app.SearchHit, error)
	Change(ctx context.Context, fn func(b *app.Batch) error) error
}

var roleChoices = newChoices(model.CaseRoles, func(r model.CaseRole) string { return capitalize(r.Label()) })

// The two ways of linking an entity.
const (
	linkExisting = "An entity already in the workspace"
	linkNew      = "A new entity"
)

// linkForm is the dialog that links an entity to a case in a role: one
// the workspace already knows, found by typing a few letters of its name
// or of any identifier, or a new one, recorded in place with the
// identifiers of its kind.
type linkForm struct {
	store    entityLinker
	win      fyne.Window
	bg       *background
	file     app.CaseFile
	onLinked func(model.CaseLink)

	mode     *widget.RadioGroup
	query    *savingEntry
	results  *widget.List
	status   *widget.Label
	chosen   *widget.Label
	existing *fyne.Container
	fields   *entityFields
	role     *widget.Select
	note     *savingEntry
	errs     *fieldErrors
	guard    *formGuard

	mu       sync.Mutex // guards what the search answers change
	hits     []app.SearchHit
	seq      int
	cancel   context.CancelFunc
	choiceID string // the existing entity chosen
}

func newLinkForm(store entityLinker, win fyne.Window, bg *background, file app.CaseFile, onLinked func(model.CaseLink)) *linkForm {
	f := &linkForm{store: store, win: win, bg: bg, file: file, onLinked: onLinked, errs: newFieldErrors()}
	f.guard = newFormGuard(win, f.errs, "Link entity", f.check, f.typed, f.onSave)
	g := f.guard

	f.query = newSavingEntry(false)
	f.query.onSave = g.trySave
	f.query.SetPlaceHolder("Type a name, alias or any identifier: IMO, container, IBAN, plate…")
	f.query.OnChanged = func(string) { f.onQuery() }
	f.status = &widget.Label{Importance: widget.LowImportance}
	f.chosen = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	f.results = widget.NewList(
		func() int {
			f.mu.Lock()
			defer f.mu.Unlock()
			return len(f.hits)
		},
		func() fyne.CanvasObject {
			title := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
			ctx := newQuietText("")
			ctx.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, ctx)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			hit, ok := f.hit(id)
			if !ok {
				return
			}
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(hit.Doc.Title)
			ctx := box.Objects[1].(*widget.RichText)
			ctx.Segments[0].(*widget.TextSegment).Text = f.hitContext(hit)
			ctx.Refresh()
		})
	f.results.OnSelected = f.onChoose
	f.existing = container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), nil, f.query), f.status),
		f.errs.field(f.chosen, "entity"), nil, nil,
		withMinSize(f.results, fyne.NewSize(0, 220)))

	f.fields = newEntityFields(f.errs, g, false)
	f.fields.content.Hide()

	f.mode = widget.NewRadioGroup([]string{linkExisting, linkNew}, func(string) { f.onMode() })
	f.mode.Horizontal = true
	f.mode.Required = true
	f.role = g.choice(roleChoices.labels, "role")
	f.role.PlaceHolder = "Choose the part it plays in this case"
	f.note = g.entry(false, "note")
	f.note.SetPlaceHolder("Optional, e.g. declared consignee on B/L MSCUAB123456")

	roleForm := widget.NewForm(
		widget.NewFormItem("Role in "+file.Case.Ref, f.errs.choice(f.role, "role")),
		widget.NewFormItem("Note", f.errs.field(f.note, "note")),
	)
	body := container.NewBorder(container.NewVBox(f.mode, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), roleForm, f.errs.general), nil, nil,
		container.NewStack(f.existing, container.NewVScroll(f.fields.content)))
	g.build("Link an entity to "+file.Case.Ref, body, fyne.NewSize(820, 620), f.query)
	f.mode.SetSelected(linkExisting)
	return f
}

func (f *linkForm) show() { f.guard.show() }

// onMode shows the search or the new entity's fields.
func (f *linkForm) onMode() {
	if f.mode.Selected == linkNew {
		f.existing.Hide()
		f.fields.content.Show()
		if f.guard.open {
			f.win.Canvas().Focus(f.fields.name)
		}
	} else {
		f.fields.content.Hide()
		f.existing.Show()
		if f.guard.open {
			f.win.Canvas().Focus(f.query)
		}
	}
	f.sayWhatSaveDoes()
	f.guard.judge()
}

// hit is the search hit in row id.
func (f *linkForm) hit(id widget.ListItemID) (app.SearchHit, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if id < 0 || id >= len(f.hits) {
		return app.SearchHit{}, false
	}
	return f.hits[id], true
}

// hitContext is a hit's context line, saying when the entity is already in the case.
func (f *linkForm) hitContext(hit app.SearchHit) string {
	var roles []string
	for _, ce := range f.file.Entities {
		if ce.Entity.ID == hit.Doc.ID {
			roles = append(roles, ce.Link.Role.Label())
		}
	}
	if len(roles) > 0 {
		return hit.Doc.Context + " · already in this case as " + strings.Join(roles, ", ")
	}
	return hit.Doc.Context
}

// onQuery searches the entities at every keystroke; an answer to a query
// the officer has typed past is thrown away.
func (f *linkForm) onQuery() {
	q := strings.TrimSpace(f.query.Text)
	f.mu.Lock()
	if f.cancel != nil {
		f.cancel()
	}
	f.seq++
	seq := f.seq
	ctx, cancel := context.WithCancel(f.bg.sessionContext())
	f.cancel = cancel
	f.mu.Unlock()
	if q == "" {
		cancel()
		f.showHits(seq, q, nil, nil)
		return
	}
	inBackground(f.bg, func(context.Context) ([]app.SearchHit, error) {
		return f.store.Search(ctx, q, app.SearchOptions{Limit: 30, Kinds: []search.Kind{search.KindEntity}})
	}, func(hits []app.SearchHit, err error) {
		cancel()
		f.showHits(seq, q, hits, err)
	})
}

func (f *linkForm) showHits(seq int, q string, hits []app.SearchHit, err error) {
	f.mu.Lock()
	if seq != f.seq {
		f.mu.Unlock()
		return
	}
	if errors.Is(err, context.Canceled) {
		f.mu.Unlock()
		return
	}
	f.hits = hits
	f.mu.Unlock()
	switch {
	case err != nil:
		logError("search entities", err)
		f.status.SetText("The search failed; see the log.")
	case q == "":
		f.status.SetText("")
	case len(hits) == 0:
		f.status.SetText("Nothing found. Check the spelling, or record it as a new entity above.")
	default:
		f.status.SetText(pluralN(int64(len(hits)), "entity") + " found: choose one")
	}
	f.results.UnselectAll()
	f.results.Refresh()
}

// onChoose takes the entity of the row chosen.
func (f *linkForm) onChoose(id widget.ListItemID) {
	hit, ok := f.hit(id)
	if !ok {
		return
	}
	f.mu.Lock()
	f.choiceID = hit.Doc.ID
	f.mu.Unlock()
	text := "Chosen: " + hit.Doc.Title + " (" + hit.Doc.Context + ")"
	if role, ok := f.linkedAs(); ok {
		text += "\nAlready in " + f.file.Case.Ref + " as " + role.Label() +
			": saving changes its role to the one chosen below (an entity plays one role in a case)."
	}
	f.chosen.SetText(text)
	f.sayWhatSaveDoes()
	f.guard.touch("entity")
}

// linkedAs is the role the entity chosen already plays in the case, if it
// is linked to it: linking it again changes that role.
func (f *linkForm) linkedAs() (model.CaseRole, bool) {
	if f.mode == nil || f.mode.Selected == linkNew {
		return "", false
	}
	id := f.chosenID()
	for _, ce := range f.file.Entities {
		if id != "" && ce.Entity.ID == id {
			return ce.Link.Role, true
		}
	}
	return "", false
}

// sayWhatSaveDoes names the Save button for what it will do: link, or
// change the role of an entity already linked.
func (f *linkForm) sayWhatSaveDoes() {
	if _, ok := f.linkedAs(); ok {
		f.guard.save.SetText("Change role")
	} else {
		f.guard.save.SetText("Link entity")
	}
}

func (f *linkForm) chosenID() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.choiceID
}

// check judges the form as filled in.
func (f *linkForm) check() error {
	var errs []*model.FieldError
	if f.role == nil || f.mode == nil {
		return nil // still being built
	}
	if roleChoices.value(f.role.Selected) == "" {
		errs = append(errs, model.Invalid("role", "", "is required"))
	}
	if f.mode.Selected == linkNew {
		return mergeErrors(fieldErrorsOf(errs), f.fields.check())
	}
	if f.chosenID() == "" {
		errs = append(errs, model.Invalid("entity", "", "find it above and choose it in the list"))
	}
	if role, ok := f.linkedAs(); ok && role == roleChoices.value(f.role.Selected) {
		errs = append(errs, model.Invalid("role", "", "the entity is already in %s as %s: choose its new role", f.file.Case.Ref, role.Label()))
	}
	return fieldErrorsOf(errs)
}

// typed is the form's content, to tell whether anything would be lost.
func (f *linkForm) typed() string {
	parts := []string{f.query.Text, f.chosenID(), f.role.Selected, f.note.Text}
	if f.mode.Selected == linkNew {
		parts = append(parts, f.fields.typed())
	}
	return strings.Join(parts, "\x00")
}

// onSave links the entity chosen, or records the new one and links it,
// together: a new entity is never left behind unlinked. An entity already
// linked gets the new role on its one link (the workspace does that).
func (f *linkForm) onSave() {
	link := model.CaseLink{CaseID: f.file.Case.ID, EntityID: f.chosenID(), Role: roleChoices.value(f.role.Selected),
		Note: strings.TrimSpace(f.note.Text)}
	var e model.Entity
	create := f.mode.Selected == linkNew
	if create {
		var err error
		if e, err = f.fields.entity(); err != nil {
			f.guard.refused(err)
			return
		}
	}
	ref := f.file.Case.Ref
	saveInBackground(f.guard, f.bg, "link the entity to "+ref, func(ctx context.Context) (model.CaseLink, error) {
		err := f.store.Change(ctx, func(b *app.Batch) error {
			if create {
				if err := b.CreateEntity(&e); err != nil {
					return err
				}
				link.EntityID = e.ID
			}
			return b.LinkEntity(&link)
		})
		if errors.Is(err, model.ErrConflict) {
			err = model.Invalid("role", "", "this entity already plays this role in %s", ref)
		}
		return link, err
	}, f.onLinked)
}
