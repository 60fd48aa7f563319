package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

// openOnLists opens the window on a workspace with two cases, an entity
// in both, a seizure, an exhibit and an overdue task.
func openOnLists(t *testing.T) (fyne.Window, *mainWindow, model.Case, model.Case) {
	t.Helper()
	win, m := openOnOneCase(t)
	ws, ctx := m.own.ws, context.Background()
	first := m.home.list.rows[0]
	second, err := ws.CreateCase(ctx, model.Case{Title: "Cocaine in bananas", Corridor: model.CorridorEULAC,
		ThreatTypes: []model.ThreatType{model.ThreatCocaine}})
	if err != nil {
		t.Fatal(err)
	}
	vessel, err := ws.CreateEntity(ctx, model.Entity{Kind: model.KindVessel, Name: "MSC Aurora", Identifiers: model.Identifiers{IMO: "9074729"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []model.Case{first, second} {
		if _, err := ws.LinkEntity(ctx, model.CaseLink{CaseID: c.ID, EntityID: vessel.ID, Role: model.RoleCarrier}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ws.AddSeizure(ctx, model.Seizure{CaseID: second.ID, SeizedAt: time.Now().Add(-time.Hour), PlaceName: "Antwerp",
		Category: model.CommodityCocaine, Description: "bricks", Quantity: 1200, Unit: model.Kilogram, EstimatedValue: 1250000.5,
		Currency: "EUR", TransportMode: model.ModeContainer}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.AddEvidence(ctx, model.EvidenceItem{CaseID: second.ID, Description: "brick", Kind: model.EvidencePhysical}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.AddTask(ctx, model.Task{CaseID: first.ID, Kind: model.TaskTodo, Title: "late", Status: model.TaskOpen,
		DueOn: model.Date{Year: 2020, Month: 1, Day: 1}}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.AddTask(ctx, model.Task{CaseID: second.ID, Kind: model.TaskTodo, Title: "done", Status: model.TaskDone}); err != nil {
		t.Fatal(err)
	}
	m.home.showList("")
	m.bg.wait()
	return win, m, first, second
}

func TestNavigationRailShowsEveryList(t *testing.T) {
	win, m, first, second := openOnLists(t)
	h := m.home

	test.Tap(h.rail.items[sectionEntities])
	m.bg.wait()
	if h.section != sectionEntities || h.entities == nil {
		t.Fatal("the rail did not open the Entities section")
	}
	if len(h.entities.rows) != 1 || h.entities.cellText(0, 1) != "MSC Aurora" || h.entities.cellText(0, 4) != "2" {
		t.Errorf("entities: %d rows, %q in %q cases", len(h.entities.rows), h.entities.cellText(0, 1), h.entities.cellText(0, 4))
	}
	if got := h.entities.cellText(0, 3); !strings.Contains(got, "9074729") {
		t.Errorf("identifiers = %q", got)
	}
	choose(h.entityKind, entityKindChoices.label(model.KindPerson))
	m.bg.wait()
	if len(h.entities.rows) != 0 || h.entities.count.Text != "0 entities" {
		t.Errorf("filtered on people: %d rows, %q", len(h.entities.rows), h.entities.count.Text)
	}
	choose(h.entityKind, entityKindChoices.label(""))
	m.bg.wait()
	h.entities.table.Select(widget.TableCellID{Row: 0, Col: 1})
	m.bg.wait()
	if h.entity == nil || len(h.entity.cases) != 2 {
		t.Fatal("a row of the Entities section did not open the entity with its two cases")
	}
	test.Tap(h.entity.cases[0])
	m.bg.wait()
	if h.section != sectionCases || h.list.selected == "" {
		t.Errorf("the entity's case button did not open the case in the Cases section: %v %q", h.section, h.list.selected)
	}

	test.Tap(h.rail.items[sectionSeizures])
	m.bg.wait()
	if len(h.seizures.rows) != 1 || h.seizures.cellText(0, 0) != second.Ref || h.seizures.cellText(0, 5) != "1,200 kg" ||
		h.seizures.cellText(0, 6) != "1,250,000.50 EUR" { // money with its cents
		t.Errorf("seizure row: %q %q %q", h.seizures.cellText(0, 0), h.seizures.cellText(0, 5), h.seizures.cellText(0, 6))
	}
	h.seizures.table.Select(widget.TableCellID{Row: 0, Col: 2})
	m.bg.wait()
	if h.section != sectionCases || h.list.selected != second.Ref || h.list.view.ref != second.Ref {
		t.Errorf("the seizure opened %q in section %v, want %s", h.list.selected, h.section, second.Ref)
	}

	test.Tap(h.rail.items[sectionEvidence])
	m.bg.wait()
	if len(h.evidence.rows) != 1 || h.evidence.cellText(0, 0) != second.Ref+"/EX-001" {
		t.Fatalf("evidence rows = %d", len(h.evidence.rows))
	}
	h.evidence.table.Select(widget.TableCellID{Row: 0, Col: 0})
	m.bg.wait()
	if h.list.selected != second.Ref || h.list.view.appTabs.Selected().Text != "Evidence" {
		t.Errorf("the exhibit opened %q on tab %q", h.list.selected, h.list.view.appTabs.Selected().Text)
	}

	test.Tap(h.rail.items[sectionTasks])
	m.bg.wait()
	if len(h.tasks.rows) != 2 || h.tasks.cellText(0, 1) != "late" || h.tasks.cellText(1, 1) != "done" {
		t.Fatalf("tasks: %q, %q", h.tasks.cellText(0, 1), h.tasks.cellText(1, 1))
	}
	if h.tasks.importance(h.tasks.rows[0]) != widget.DangerImportance || h.tasks.importance(h.tasks.rows[1]) == widget.DangerImportance {
		t.Error("the overdue task does not stand out in red, or the done one does")
	}
	if !strings.HasSuffix(h.tasks.cellText(0, 5), "overdue") {
		t.Errorf("due = %q", h.tasks.cellText(0, 5))
	}
	h.tasks.table.Select(widget.TableCellID{Row: 0, Col: 1})
	m.bg.wait()
	if h.list.selected != first.Ref {
		t.Errorf("the task opened %q, want %s", h.list.selected, first.Ref)
	}

	// Ctrl+K still reaches the search field from another section.
	test.Tap(h.rail.items[sectionTasks])
	m.bg.wait()
	m.onFocusSearch()
	if win.Canvas().Focused() != h.search.entry {
		t.Error("Ctrl+K does not focus the search field")
	}
}

func TestCaseListFiltersAndSorts(t *testing.T) {
	_, m, first, second := openOnLists(t)
	l := m.home.list
	if len(l.rows) != 2 {
		t.Fatalf("%d rows", len(l.rows))
	}

	choose(l.threat, threatFilter.label(model.ThreatCocaine))
	m.bg.wait()
	if len(l.rows) != 1 || l.rows[0].Ref != second.Ref || l.count.Text != "1 case matches" {
		t.Errorf("cocaine filter: %d rows, %q", len(l.rows), l.count.Text)
	}
	choose(l.threat, threatFilter.labels[0])
	m.bg.wait()
	choose(l.corridor, corridorFilter.label(model.CorridorEUUK))
	m.bg.wait()
	if len(l.rows) != 1 || l.rows[0].Ref != first.Ref {
		t.Errorf("EU–UK filter: %d rows", len(l.rows))
	}
	l.clearFilters()
	m.bg.wait()

	if _, err := m.own.ws.ArchiveCase(context.Background(), first.Ref); err != nil {
		t.Fatal(err)
	}
	l.reload("")
	m.bg.wait()
	if len(l.rows) != 1 {
		t.Errorf("an archived case is listed: %d rows", len(l.rows))
	}
	l.archived.Checked = true
	l.archived.Refresh()
	l.archived.OnChanged(true)
	m.bg.wait()
	if len(l.rows) != 2 {
		t.Errorf("Show archived shows %d cases, want 2", len(l.rows))
	}
	choose(l.status, statusFilter.label(model.StatusArchived))
	m.bg.wait()
	if len(l.rows) != 1 || l.rows[0].Ref != first.Ref {
		t.Errorf("status filter archived: %d rows", len(l.rows))
	}
	l.clearFilters()
	m.bg.wait()

	// Click Ref once: ascending; twice: descending; a third time: as read.
	l.sortBy(0)
	if l.rows[0].Ref != first.Ref || l.rows[1].Ref != second.Ref {
		t.Errorf("by ref: %s, %s", l.rows[0].Ref, l.rows[1].Ref)
	}
	l.sortBy(0)
	if l.rows[0].Ref != second.Ref {
		t.Errorf("by ref, reversed: %s first", l.rows[0].Ref)
	}
	l.sortBy(1)
	if l.cellText(0, 1) != "Cocaine in bananas" {
		t.Errorf("by title: %q first", l.cellText(0, 1))
	}
	header := l.table.CreateHeader().(*widget.Button)
	l.table.UpdateHeader(widget.TableCellID{Row: -1, Col: 1}, header)
	if header.Icon == nil || header.Text != "Title" {
		t.Error("the sorted column's header shows no arrow")
	}
	header.OnTapped()
	if l.cellText(0, 1) != "Tobacco via Algeciras" {
		t.Errorf("header tapped twice: %q first", l.cellText(0, 1))
	}
}

func TestLastCaseIsReopened(t *testing.T) {
	win := newTestWindow(t)
	_, m, _, second := openOnLists(t)
	path := m.ownPath
	test.Tap(m.home.rail.items[sectionCases])
	for i, c := range m.home.list.rows {
		if c.Ref == second.Ref {
			m.home.list.table.Select(widget.TableCellID{Row: i, Col: 0})
		}
	}
	m.bg.wait()
	m.close()

	again := newMainWindow(win, newTestBackground(t), path)
	t.Cleanup(func() { again.close() })
	again.open()
	again.bg.wait()
	if again.home.list.selected != second.Ref || again.home.list.view.ref != second.Ref {
		t.Errorf("reopened on %q, want the last case %s", again.home.list.selected, second.Ref)
	}
}

func TestSettingsThemeAndProfile(t *testing.T) {
	win, m, _, _ := openOnLists(t)
	h := m.home
	test.Tap(h.rail.items[sectionSettings])
	s := h.settings
	markup := test.RenderToMarkup(win.Canvas())
	for _, want := range []string{m.own.ws.Path(), m.own.ws.BlobDir(), "Version"} {
		if !strings.Contains(markup, want) {
			t.Errorf("Settings does not show %q", want)
		}
	}

	a := fyne.CurrentApp()
	s.theme.SetSelected(themeChoices.label(themeDark))
	if a.Preferences().String(prefTheme) != themeDark {
		t.Error("the dark theme is not remembered")
	}
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); got != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Errorf("dark theme background = %v", got)
	}
	s.theme.SetSelected(themeChoices.label(themeLight))
	if got := a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark); got != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Errorf("light theme background = %v", got)
	}
	s.theme.SetSelected(themeChoices.label(themeSystem))

	s.profile.agency.SetText("Vigilancia Aduanera")
	test.Tap(s.profile.save)
	m.bg.wait()
	if m.own.officer.Agency != "Vigilancia Aduanera" || h.officer.Agency != "Vigilancia Aduanera" || s.saved.Text == "" {
		t.Errorf("profile saved in Settings: window has %q, home %q", m.own.officer.Agency, h.officer.Agency)
	}
}

// choose picks a choice of a select as the officer does: the select shows
// it, then says so. (SetSelected says so first and redraws after, which
// under the test driver races with the read the choice starts.)
func choose(s *widget.Select, label string) {
	s.Selected = label
	s.Refresh()
	s.OnChanged(label)
}
