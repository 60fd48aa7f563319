package ui

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// workspaceLists is what the workspace-wide screens need of a workspace.
type workspaceLists interface {
	EntityList(ctx context.Context, kind model.EntityKind) ([]model.EntityRow, error)
	SeizureList(ctx context.Context) ([]model.SeizureRow, error)
	EvidenceList(ctx context.Context) ([]app.ExhibitRow, error)
	TaskList(ctx context.Context) ([]model.TaskRow, error)
}

// The column widths of every screen add up to what fits beside the
// navigation rail in a window of 1280 points; long texts end in an ellipsis.

// entityKindChoices are the entity kinds for the Entities screen's filter,
// "Every kind" first.
var entityKindChoices = newChoices(append([]model.EntityKind{""}, model.EntityKinds...), func(k model.EntityKind) string {
	if k == "" {
		return "Every kind"
	}
	return capitalize(k.Label())
})

// newEntitiesScreen lists every entity of the workspace; a row opens the
// entity's file (onOpen with its ID).
func newEntitiesScreen(store workspaceLists, win fyne.Window, bg *background, onOpen func(id string)) (*listScreen[model.EntityRow], *widget.Select) {
	kind := widget.NewSelect(entityKindChoices.labels, nil)
	kind.SetSelected(entityKindChoices.labels[0])
	columns := []listColumn[model.EntityRow]{
		{"Kind", 130, func(r model.EntityRow) string { return capitalize(r.Entity.Kind.Label()) }, nil},
		{"Name", 300, func(r model.EntityRow) string { return r.Entity.Name }, nil},
		{"Country", 190, func(r model.EntityRow) string { return countryText(r.Entity.Country) }, nil},
		{"Identifiers", 445, func(r model.EntityRow) string { return identifierSummary(r.Entity) }, nil},
		{"Cases", 80, func(r model.EntityRow) string { return strconv.Itoa(r.Cases) },
			func(a, b model.EntityRow) int { return cmp.Compare(a.Cases, b.Cases) }},
	}
	read := func() func(ctx context.Context) ([]model.EntityRow, error) {
		k := entityKindChoices.value(kind.Selected)
		return func(ctx context.Context) ([]model.EntityRow, error) { return store.EntityList(ctx, k) }
	}
	s := newListScreen(win, bg, "Entities", "entities", columns, read,
		func(r model.EntityRow) { onOpen(r.Entity.ID) }, kind)
	kind.OnChanged = func(string) { s.load() }
	return s, kind
}

// identifierSummary is an entity's identifiers on one line: "IMO number 9074729 · Flag Panama".
func identifierSummary(e model.Entity) string {
	var parts []string
	for _, kv := range entityIdentifiers(e) {
		parts = append(parts, kv[0]+" "+kv[1])
	}
	return strings.Join(parts, " · ")
}

// newSeizuresScreen lists every seizure; a row opens its case.
func newSeizuresScreen(store workspaceLists, win fyne.Window, bg *background, onOpenCase func(ref string)) *listScreen[model.SeizureRow] {
	columns := []listColumn[model.SeizureRow]{
		{"Case", 140, func(r model.SeizureRow) string { return r.CaseRef }, nil},
		{"Seizure", 85, func(r model.SeizureRow) string { return r.Seizure.Ref }, nil},
		{"Date", 100, func(r model.SeizureRow) string { return model.DayOfWhen(r.Seizure.SeizedAt).String() },
			func(a, b model.SeizureRow) int { return a.Seizure.SeizedAt.Compare(b.Seizure.SeizedAt) }},
		{"Place", 185, func(r model.SeizureRow) string { return r.Seizure.PlaceName }, nil},
		{"Commodity", 200, func(r model.SeizureRow) string { return seizureCommodity(r.Seizure) }, nil},
		{"Quantity", 110, func(r model.SeizureRow) string { return amount(r.Seizure.Quantity) + " " + r.Seizure.Unit.Label() },
			func(a, b model.SeizureRow) int {
				return cmp.Or(cmp.Compare(a.Seizure.Unit, b.Seizure.Unit), cmp.Compare(a.Seizure.Quantity, b.Seizure.Quantity))
			}},
		{"Value", 145, func(r model.SeizureRow) string { return valueText(r.Seizure) },
			func(a, b model.SeizureRow) int {
				return cmp.Or(cmp.Compare(a.Seizure.Currency, b.Seizure.Currency), cmp.Compare(a.Seizure.EstimatedValue, b.Seizure.EstimatedValue))
			}},
		{"Transport", 175, func(r model.SeizureRow) string { return capitalize(r.Seizure.TransportMode.Label()) }, nil},
	}
	return newListScreen(win, bg, "Seizures", "seizures", columns, readerOf(store.SeizureList),
		func(r model.SeizureRow) { onOpenCase(r.CaseRef) })
}

// valueText is "1,250,000 EUR" or "1,250.50 EUR", or "" when no value
// was estimated.
func valueText(s model.Seizure) string {
	if s.EstimatedValue == 0 {
		return ""
	}
	return strings.TrimSpace(moneyAmount(s.EstimatedValue) + " " + s.Currency)
}

// amount writes a quantity with thousands separators, rounded to at most
// two decimals: 1,200, 1.5 or 0.35.
func amount(f float64) string {
	whole, cents := hundredths(f)
	if cents == "00" {
		return whole
	}
	return whole + "." + strings.TrimSuffix(cents, "0")
}

// moneyAmount writes an amount of money with thousands separators, and with its
// cents when it has any: 1,250,000 or 1,250.50.
func moneyAmount(f float64) string {
	whole, cents := hundredths(f)
	if cents == "00" {
		return whole
	}
	return whole + "." + cents
}

// hundredths rounds f to the hundredth, once (1.999 is 2, not 1.00), and
// splits it into its whole part, with thousands separators and sign, and
// its two digits of hundredths.
func hundredths(f float64) (whole, cents string) {
	n := math.Round(math.Abs(f) * 100)
	if n > math.MaxInt64/2 { // beyond any seizure; keep the digits rather than overflow
		return strconv.FormatFloat(math.Round(f), 'f', 0, 64), "00"
	}
	h := int64(n)
	whole = thousands(h / 100)
	if f < 0 && h != 0 {
		whole = "-" + whole
	}
	return whole, fmt.Sprintf("%02d", h%100)
}

// newEvidenceScreen lists every exhibit; a row opens its case on the
// Evidence tab.
func newEvidenceScreen(store workspaceLists, win fyne.Window, bg *background, onOpenCase func(ref string)) *listScreen[app.ExhibitRow] {
	columns := []listColumn[app.ExhibitRow]{
		{"Exhibit", 200, func(r app.ExhibitRow) string { return r.Item.ExhibitRef }, nil},
		{"Description", 300, func(r app.ExhibitRow) string { return r.Item.Description }, nil},
		{"Kind", 95, func(r app.ExhibitRow) string { return capitalize(r.Item.Kind.Label()) }, nil},
		{"Seal", 115, func(r app.ExhibitRow) string { return r.Item.SealNumber }, nil},
		{"Held by", 270, func(r app.ExhibitRow) string { return r.Holder().String() }, nil},
		{"Custody", 165, custodyState, nil},
	}
	s := newListScreen(win, bg, "Evidence", "exhibits", columns, readerOf(store.EvidenceList),
		func(r app.ExhibitRow) { onOpenCase(r.CaseRef) })
	s.importance = func(r app.ExhibitRow) widget.Importance {
		if r.SealBroken() {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	return s
}

// custodyState is where an exhibit's custody stands: "Open", "Destroyed",
// "Returned", and "seal broken" after either when a seal was found broken.
func custodyState(r app.ExhibitRow) string {
	state := "Open"
	if end, ok := r.Closed(); ok {
		state = capitalize(end.Action.Label())
	}
	if r.SealBroken() {
		state += " · seal broken"
	}
	return state
}

// newTasksScreen lists every task and assistance request, those still
// waiting first; the overdue ones are in red. A row opens its case.
func newTasksScreen(store workspaceLists, win fyne.Window, bg *background, onOpenCase func(ref string)) *listScreen[model.TaskRow] {
	today := func() model.Date { return model.DateOf(time.Now()) }
	columns := []listColumn[model.TaskRow]{
		{"Case", 140, func(r model.TaskRow) string { return r.CaseRef }, nil},
		{"Title", 305, func(r model.TaskRow) string { return r.Task.Title }, nil},
		{"Kind", 150, func(r model.TaskRow) string { return capitalize(r.Task.Kind.Label()) }, nil},
		{"Partner", 240, func(r model.TaskRow) string { return r.Task.Partner }, nil},
		{"Status", 100, func(r model.TaskRow) string { return capitalize(r.Task.Status.Label()) }, nil},
		{"Due", 180, func(r model.TaskRow) string {
			if r.Task.Overdue(today()) {
				return r.Task.DueOn.String() + " · overdue"
			}
			return r.Task.DueOn.String()
		}, func(a, b model.TaskRow) int { return cmp.Compare(a.Task.DueOn.String(), b.Task.DueOn.String()) }},
	}
	s := newListScreen(win, bg, "Tasks and requests", "tasks", columns, readerOf(store.TaskList),
		func(r model.TaskRow) { onOpenCase(r.CaseRef) })
	s.importance = func(r model.TaskRow) widget.Importance {
		if r.Task.Overdue(today()) {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	return s
}

// readerOf is a screen's read that depends on no filter.
func readerOf[T any](read func(ctx context.Context) ([]T, error)) func() func(ctx context.Context) ([]T, error) {
	return func() func(ctx context.Context) ([]T, error) { return read }
}
