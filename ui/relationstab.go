package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// relationsStore is what the Relations tab and its form need of a workspace.
type relationsStore interface {
	AddRelation(ctx context.Context, r model.Relation) (model.Relation, error)
	UpdateRelation(ctx context.Context, r model.Relation) (model.Relation, error)
	RemoveRelation(ctx context.Context, id string) error
}

// relationsTab is how the case's entities are tied to one another: who
// owns the company, which vessel carried the container, who pays whom,
// each with when it held, where it came from and its Admiralty grading.
// Choosing a relation opens it for editing, where it can be ended (its
// Until date); one recorded in error is removed.
type relationsTab struct {
	store     relationsStore
	win       fyne.Window
	bg        *background
	onChanged func()

	file  app.CaseFile
	names map[string]model.Entity // the case's entities by ID

	count   *widget.Label
	add     *widget.Button
	list    *widget.List
	empty   *widget.Label
	content fyne.CanvasObject

	form    *relationForm // the form last opened, for tests
	removal removal       // the removal question last asked, for tests
}

func newRelationsTab(store relationsStore, win fyne.Window, bg *background, onChanged func()) *relationsTab {
	t := &relationsTab{store: store, win: win, bg: bg, onChanged: onChanged, names: map[string]model.Entity{}}
	t.count = widget.NewLabel("")
	t.add = widget.NewButtonWithIcon("Add relation…", theme.ContentAddIcon(), t.onAdd)
	t.add.Importance = widget.HighImportance
	t.add.Disable()
	t.list = widget.NewList(
		func() int { return len(t.file.Relations) },
		func() fyne.CanvasObject { return newRelationRow(t) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(t.file.Relations) {
				o.(*relationRow).set(t.file.Relations[id], t.names)
			}
		})
	t.list.OnSelected = t.onSelect
	t.empty = &widget.Label{Alignment: fyne.TextAlignCenter}
	hint := &widget.Label{Text: "Choose a relation to edit or end it.", Importance: widget.LowImportance}
	t.content = container.NewBorder(container.NewHBox(t.add, t.count, layout.NewSpacer(), hint), nil, nil, nil,
		container.NewStack(container.NewCenter(t.empty), t.list))
	return t
}

// showLoading empties the tab while a new case is read, or after it could
// not be, saying status in place of the count; nothing can be added or
// edited until the case is read.
func (t *relationsTab) showLoading(status string) {
	t.file = app.CaseFile{}
	t.names = map[string]model.Entity{}
	t.add.Disable()
	t.count.SetText(status)
	t.empty.SetText("")
	t.list.UnselectAll()
	t.list.Refresh()
}

// show fills the tab with the relations among the case's entities.
func (t *relationsTab) show(f app.CaseFile) {
	t.file = f
	t.names = map[string]model.Entity{}
	for _, ce := range f.Entities {
		t.names[ce.Entity.ID] = ce.Entity
	}
	t.count.SetText(plural(len(f.Relations), "relation"))
	switch {
	case len(f.Entities) < 2:
		t.empty.SetText("A relation ties two of the case's entities:\nlink them in the Entities tab first.")
	case len(f.Relations) == 0:
		t.empty.SetText("No relations yet.\nRecord who owns, directs, pays or ships to whom with “Add relation…”.")
	default:
		t.empty.SetText("")
	}
	if len(f.Entities) < 2 || f.Case.Status == model.StatusArchived {
		t.add.Disable()
	} else {
		t.add.Enable()
	}
	t.list.UnselectAll()
	t.list.Refresh()
}

func (t *relationsTab) onAdd() {
	t.open(model.Relation{})
}

// onSelect opens the relation chosen for editing.
func (t *relationsTab) onSelect(id widget.ListItemID) {
	t.list.UnselectAll()
	if id < 0 || id >= len(t.file.Relations) {
		return
	}
	t.open(t.file.Relations[id])
}

func (t *relationsTab) open(r model.Relation) {
	if t.form != nil && t.form.guard.open {
		return
	}
	t.form = newRelationForm(t.store, t.win, t.bg, t.file, r, func(model.Relation) { t.onChanged() })
	t.form.show()
}

// onRemove asks, then removes the relation; both entities stay.
func (t *relationsTab) onRemove(rel model.Relation) {
	what := entityName(t.names, rel.FromID) + " " + rel.Type.Label() + " " + entityName(t.names, rel.ToID)
	t.removal = askRemoval(t.win, t.bg, "Remove the relation?",
		"Remove the relation “"+what+"”? Both entities stay.\n"+
			"A relation that held and has ended is better ended: open it and give its Until date.\n"+reachesPartners,
		"Remove", "remove the relation "+what,
		func(ctx context.Context) error { return t.store.RemoveRelation(ctx, rel.ID) }, t.onChanged)
}

// relationRow is one relation: "Muñoz Rojas Trading  owns →  MSC AURORA"
// over when it held, its source and its grading, with the button that
// removes it.
type relationRow struct {
	widget.BaseWidget
	tab      *relationsTab
	rel      model.Relation
	from, to *widget.Label
	how      *widget.RichText
	grade    *badge
	facts    *widget.RichText
	remove   *widget.Button
	content  fyne.CanvasObject
}

func newRelationRow(t *relationsTab) *relationRow {
	r := &relationRow{
		tab:   t,
		from:  &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		to:    &widget.Label{TextStyle: fyne.TextStyle{Bold: true}},
		how:   newQuietText(""),
		grade: newBadge(theme.ColorNamePrimary),
		facts: newQuietText(""),
	}
	r.facts.Truncation = fyne.TextTruncateEllipsis
	r.remove = widget.NewButtonWithIcon("Remove…", theme.ContentRemoveIcon(), func() { t.onRemove(r.rel) })
	r.remove.Importance = widget.LowImportance
	r.content = container.NewBorder(nil, nil, nil, container.NewCenter(r.remove), container.NewVBox(
		container.NewHBox(r.from, container.NewCenter(r.how), r.to, layout.NewSpacer(), container.NewCenter(r.grade.box)),
		r.facts))
	r.ExtendBaseWidget(r)
	return r
}

func (r *relationRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

func (r *relationRow) set(rel model.Relation, names map[string]model.Entity) {
	r.rel = rel
	enable(r.remove, r.tab.file.Case.Status != model.StatusArchived)
	r.from.SetText(entityName(names, rel.FromID))
	r.to.SetText(entityName(names, rel.ToID))
	r.how.Segments[0].(*widget.TextSegment).Text = rel.Type.Label() + " →"
	r.how.Refresh()
	r.grade.set(gradingText(rel))
	r.facts.Segments[0].(*widget.TextSegment).Text = relationFacts(rel)
	r.facts.Refresh()
}

func entityName(names map[string]model.Entity, id string) string {
	if e, ok := names[id]; ok {
		return e.Name
	}
	return "(not in this case)"
}

// gradingText is the badge of a relation's grading: "B2".
func gradingText(r model.Relation) string {
	if g := r.Grading(); g != "" {
		return "GRADED " + g
	}
	return ""
}

// relationFacts is "since 2024-03-01 · source: HMRC intelligence report 55/24 · usually reliable, probably true".
func relationFacts(r model.Relation) string {
	var parts []string
	if span := relationSpan(r); span != "" {
		parts = append(parts, span)
	}
	if r.Source != "" {
		parts = append(parts, "source: "+r.Source)
	}
	if g := gradingMeaning(r); g != "" {
		parts = append(parts, g)
	}
	if r.Note != "" {
		parts = append(parts, r.Note)
	}
	if len(parts) == 0 {
		return "no dates or source recorded"
	}
	return strings.Join(parts, " · ")
}

// relationSpan is when a relation held: "since 2024-03-01 until 2025-01-31".
func relationSpan(r model.Relation) string {
	var parts []string
	if !r.Since.IsZero() {
		parts = append(parts, "since "+r.Since.String())
	}
	if !r.Until.IsZero() {
		parts = append(parts, "until "+r.Until.String())
	}
	return strings.Join(parts, " ")
}

// gradingMeaning is what a grading says, in words: "usually reliable source, probably true".
func gradingMeaning(r model.Relation) string {
	rel, cred := reliabilityMeanings[r.Reliability], credibilityMeanings[r.Credibility]
	if rel == "" || cred == "" {
		return ""
	}
	source := strings.ToLower(rel) + " source"
	if r.Reliability == "F" {
		source = "source cannot be judged"
	}
	return source + ", " + strings.ToLower(cred)
}

// reliabilityMeanings and credibilityMeanings are the Admiralty code's
// words for the reliability of a source (A–F) and the credibility of the
// information (1–6).
var (
	reliabilityMeanings = map[string]string{
		"A": "Completely reliable", "B": "Usually reliable", "C": "Fairly reliable",
		"D": "Not usually reliable", "E": "Unreliable", "F": "Reliability cannot be judged",
	}
	credibilityMeanings = map[string]string{
		"1": "Confirmed by other sources", "2": "Probably true", "3": "Possibly true",
		"4": "Doubtful", "5": "Improbable", "6": "Truth cannot be judged",
	}
)
