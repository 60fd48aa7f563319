package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

var relationTypeChoices = newChoices(model.RelationTypes, model.RelationType.Label)

// relationForm is the dialog that records a relation between two of the
// case's entities, or edits one: its type, when it held, its source, and
// its Admiralty grading, each choice with its meaning beside its letter.
type relationForm struct {
	store   relationsStore
	win     fyne.Window
	bg      *background
	file    app.CaseFile
	old     model.Relation // the relation edited; zero for a new one
	onSaved func(model.Relation)

	entityIDs                []string // the case's entities, in the order of the selects' options
	from, to, kind           *widget.Select
	reliability, credibility *widget.Select
	since, until, source     *savingEntry
	note                     *savingEntry
	errs                     *fieldErrors
	guard                    *formGuard
}

func newRelationForm(store relationsStore, win fyne.Window, bg *background, file app.CaseFile, r model.Relation, onSaved func(model.Relation)) *relationForm {
	f := &relationForm{store: store, win: win, bg: bg, file: file, old: r, onSaved: onSaved, errs: newFieldErrors()}
	f.guard = newFormGuard(win, f.errs, "Save relation", f.check, f.typed, f.onSave)
	g := f.guard
	var names []string
	for _, ce := range file.Entities {
		if containsString(f.entityIDs, ce.Entity.ID) {
			continue // an entity with two roles in the case is one entity
		}
		f.entityIDs = append(f.entityIDs, ce.Entity.ID)
		names = append(names, ce.Entity.Name+" ("+ce.Entity.Kind.Label()+")")
	}
	f.from = g.choice(names, "from")
	f.to = g.choice(names, "to")
	f.kind = g.choice(relationTypeChoices.labels, "relation")
	f.kind.PlaceHolder = "How the first is tied to the second"
	f.since = g.entry(false, "since")
	f.since.SetPlaceHolder("Optional: YYYY-MM-DD or DD/MM/YYYY")
	f.until = g.entry(false, "until")
	f.until.SetPlaceHolder("Optional: empty while it still holds")
	f.source = g.entry(false, "source")
	f.source.SetPlaceHolder("Where it is known from, e.g. company register extract, informant 2025/14")
	f.reliability = g.choice(gradeChoices(model.Reliabilities, reliabilityMeanings), "source reliability")
	f.credibility = g.choice(gradeChoices(model.Credibilities, credibilityMeanings), "information credibility")
	f.note = g.entry(true, "note")
	f.note.SetMinRowsVisible(2)
	f.note.SetPlaceHolder("Optional")

	title := "New relation in " + file.Case.Ref
	if r.ID != "" {
		title = "Edit relation"
		f.from.Disable() // a relation keeps the two entities it ties
		f.to.Disable()
	}
	f.guard.quiet(func() {
		f.from.SetSelectedIndex(indexOf(f.entityIDs, r.FromID))
		f.to.SetSelectedIndex(indexOf(f.entityIDs, r.ToID))
		f.kind.SetSelected(relationTypeChoices.label(r.Type))
		f.since.SetText(r.Since.String())
		f.until.SetText(r.Until.String())
		f.source.SetText(r.Source)
		f.reliability.SetSelected(gradeChoice(r.Reliability, reliabilityMeanings))
		f.credibility.SetSelected(gradeChoice(r.Credibility, credibilityMeanings))
		f.note.SetText(r.Note)
	})
	form := widget.NewForm(
		widget.NewFormItem("From", f.errs.choice(f.from, "from")),
		widget.NewFormItem("Relation", f.errs.choice(f.kind, "relation")),
		widget.NewFormItem("To", f.errs.choice(f.to, "to")),
		widget.NewFormItem("Since", f.errs.field(f.since, "since")),
		widget.NewFormItem("Until", f.errs.field(f.until, "until")),
		widget.NewFormItem("Source", f.errs.field(f.source, "source")),
		widget.NewFormItem("Source reliability", f.errs.choice(f.reliability, "source reliability")),
		widget.NewFormItem("Information credibility", f.errs.choice(f.credibility, "information credibility")),
		widget.NewFormItem("Note", f.errs.field(f.note, "note")),
	)
	hint := &widget.Label{Text: "Left ungraded, a relation is graded F6: neither the source nor the information can be judged.",
		Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
	g.build(title, container.NewVScroll(container.NewVBox(form, hint, f.errs.general)), fyne.NewSize(760, 560), nil)
	return f
}

func (f *relationForm) show() { f.guard.show() }

// gradeChoices are the options of a grading select: "B — Usually reliable".
func gradeChoices(codes string, meanings map[string]string) []string {
	var out []string
	for _, c := range codes {
		out = append(out, gradeChoice(string(c), meanings))
	}
	return out
}

func gradeChoice(code string, meanings map[string]string) string {
	if code == "" {
		return ""
	}
	return code + " — " + meanings[code]
}

// gradeCode is the letter or digit of a grading option.
func gradeCode(choice string) string {
	code, _, _ := strings.Cut(choice, " ")
	return code
}

func indexOf(ids []string, id string) int {
	for i, x := range ids {
		if x == id && id != "" {
			return i
		}
	}
	return -1
}

func containsString(list []string, s string) bool { return indexOf(list, s) >= 0 }

// relation is the relation as typed.
func (f *relationForm) relation() (model.Relation, error) {
	r := f.old
	if i := f.from.SelectedIndex(); i >= 0 {
		r.FromID = f.entityIDs[i]
	}
	if i := f.to.SelectedIndex(); i >= 0 {
		r.ToID = f.entityIDs[i]
	}
	r.Type = relationTypeChoices.value(f.kind.Selected)
	var bad []*model.FieldError
	r.Since = readDate("since", f.since.Text, &bad)
	r.Until = readDate("until", f.until.Text, &bad)
	r.Source = strings.TrimSpace(f.source.Text)
	r.Reliability = gradeCode(f.reliability.Selected)
	r.Credibility = gradeCode(f.credibility.Selected)
	r.Note = strings.TrimSpace(f.note.Text)
	return r, fieldErrorsOf(bad)
}

func (f *relationForm) check() error {
	r, err := f.relation()
	return mergeErrors(err, r.Validate(time.Now()))
}

func (f *relationForm) typed() string {
	return strings.Join([]string{f.from.Selected, f.to.Selected, f.kind.Selected, f.since.Text, f.until.Text,
		f.source.Text, f.reliability.Selected, f.credibility.Selected, f.note.Text}, "\x00")
}

func (f *relationForm) onSave() {
	r, err := f.relation()
	if err != nil {
		f.guard.refused(err)
		return
	}
	f.guard.saving(true)
	inBackground(f.bg, func(ctx context.Context) (model.Relation, error) {
		if r.ID == "" {
			return f.store.AddRelation(ctx, r)
		}
		return f.store.UpdateRelation(ctx, r)
	}, func(saved model.Relation, err error) {
		f.guard.saving(false)
		if err != nil {
			if !f.guard.refused(err) {
				showError(f.win, "save the relation", err)
			}
			return
		}
		f.guard.close()
		f.onSaved(saved)
	})
}
