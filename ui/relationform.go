package ui

import (
	"context"
	"fmt"
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

	entityIDs                map[string]string // the selects' options (unique labels) to the IDs of the case's entities
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
	var entities []model.Entity
	seen := map[string]bool{}
	for _, ce := range file.Entities {
		if seen[ce.Entity.ID] {
			continue // an entity with two roles in the case is one entity
		}
		seen[ce.Entity.ID] = true
		entities = append(entities, ce.Entity)
	}
	names := entityChoices(entities)
	f.entityIDs = make(map[string]string, len(names))
	labelOf := make(map[string]string, len(names))
	for i, e := range entities {
		f.entityIDs[names[i]] = e.ID
		labelOf[e.ID] = names[i]
	}
	f.from = g.choice(names, "from")
	f.to = g.choice(names, "to")
	f.kind = g.choice(relationTypeChoices.labels, "relation")
	f.kind.PlaceHolder = "How the first is tied to the second"
	f.since = g.entry(false, "since")
	f.since.SetPlaceHolder("Optional: YYYY-MM-DD or DD/MM/YYYY")
	f.until = g.entry(false, "until")
	f.until.SetPlaceHolder("Optional: empty while it still holds; the day it ended ends it")
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
		f.from.SetSelected(labelOf[r.FromID])
		f.to.SetSelected(labelOf[r.ToID])
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
	if r.ID != "" {
		// Ending is how a relation that held stops: it stays on record,
		// and the partner receives the date like any edit.
		hint.Text += "\nTo end the relation, give the day it ended in Until."
	}
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

// entityChoices are the options that name entities in a select, one
// label each, never two alike: a select tells its options apart only by
// their text, and two companies both called Global Trading Ltd must not
// become the same one. An entity is "Name (kind)"; where that is not
// enough its country is added, then its first identifier, and where even
// that is not, a number.
func entityChoices(entities []model.Entity) []string {
	levels := make([]int, len(entities))
	labels := make([]string, len(entities))
	for {
		for i, e := range entities {
			labels[i] = entityChoice(e, levels[i])
		}
		count := countLabels(labels)
		more := false
		for i := range entities {
			if count[labels[i]] > 1 && levels[i] < 2 {
				levels[i]++
				more = true
			}
		}
		if !more {
			break
		}
	}
	count := countLabels(labels)
	used := map[string]bool{}
	for i, l := range labels {
		if count[l] > 1 || used[l] {
			for n := 1; ; n++ {
				numbered := fmt.Sprintf("%s #%d", l, n)
				if !used[numbered] && count[numbered] == 0 {
					l = numbered
					break
				}
			}
		}
		used[l] = true
		labels[i] = l
	}
	return labels
}

// entityChoice is an entity's option with detail more facts about it:
// "Global Trading Ltd (organisation)", then with its country, then with
// its first identifier as well.
func entityChoice(e model.Entity, detail int) string {
	facts := []string{e.Kind.Label()}
	if detail >= 1 && e.Country != "" {
		name := model.CountryName(e.Country)
		if name == "" {
			name = e.Country
		}
		facts = append(facts, name)
	}
	if ids := entityIdentifiers(e); detail >= 2 && len(ids) > 0 {
		facts = append(facts, ids[0][0]+" "+ids[0][1])
	}
	return e.Name + " (" + strings.Join(facts, ", ") + ")"
}

func countLabels(labels []string) map[string]int {
	count := make(map[string]int, len(labels))
	for _, l := range labels {
		count[l]++
	}
	return count
}

// relation is the relation as typed.
func (f *relationForm) relation() (model.Relation, error) {
	r := f.old
	if id, ok := f.entityIDs[f.from.Selected]; ok {
		r.FromID = id
	}
	if id, ok := f.entityIDs[f.to.Selected]; ok {
		r.ToID = id
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
	saveInBackground(f.guard, f.bg, "save the relation", func(ctx context.Context) (model.Relation, error) {
		if r.ID == "" {
			return f.store.AddRelation(ctx, r)
		}
		return f.store.UpdateRelation(ctx, r)
	}, f.onSaved)
}
