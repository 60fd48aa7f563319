package ui

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/search"
	"bollard/model"
)

// searchFixture is a workspace with a few cases tied together by a shell
// company, as an investigator would have it after a few weeks.
type searchFixture struct {
	ws                       *app.Workspace
	tobacco, cocaine, medics model.Case
	company, person          model.Entity
}

func mustSearchFixture(t *testing.T) searchFixture {
	t.Helper()
	ctx := context.Background()
	ws := mustOpen(t)
	mustSetOfficer(t, ws)
	f := searchFixture{ws: ws}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var err error
	f.tobacco, err = ws.CreateCase(ctx, caseForTest("Cigarettes for Muñoz Rojas Trading via Algeciras"))
	must(err)
	f.cocaine, err = ws.CreateCase(ctx, caseForTest("Cocaine in banana reefers via Antwerp"))
	must(err)
	f.medics, err = ws.CreateCase(ctx, caseForTest("Counterfeit medicines by air freight"))
	must(err)
	f.company, err = ws.CreateEntity(ctx, model.Entity{Kind: model.KindOrganisation, Name: "Muñoz Rojas Trading S.L.", Country: "ES",
		Aliases: []string{"MRT Logistics"}, Identifiers: model.Identifiers{VATNumber: "ESB12345678"}})
	must(err)
	f.person, err = ws.CreateEntity(ctx, model.Entity{Kind: model.KindPerson, Name: "Joaquín Peña", Country: "ES"})
	must(err)
	for _, l := range []model.CaseLink{
		{CaseID: f.tobacco.ID, EntityID: f.company.ID, Role: model.RoleConsignee},
		{CaseID: f.cocaine.ID, EntityID: f.company.ID, Role: model.RoleImporter},
		{CaseID: f.cocaine.ID, EntityID: f.person.ID, Role: model.RoleSuspect},
	} {
		_, err = ws.LinkEntity(ctx, l)
		must(err)
	}
	_, err = ws.AddNote(ctx, model.Note{CaseID: f.cocaine.ID, Body: "Reefer booked through an agent in Guayaquil; the consignee changed twice."})
	must(err)
	return f
}

// newSearchHome shows the home screen of store in a test window, its
// cases read and its search index built.
func newSearchHome(t *testing.T, store caseStore) (*home, fyne.Window) {
	t.Helper()
	win := newTestWindow(t)
	bg := newTestBackground(t)
	h := newHome(store, testOfficer, win, bg, nil)
	win.SetContent(h.content)
	h.load()
	bg.wait()
	if h.list == nil {
		t.Fatal("the home screen does not show the case list")
	}
	return h, win
}

// typeQuery types text into the search field, one key at a time as the
// officer would, and waits for the answer.
func typeQuery(h *home, text string) {
	typeLive(h, text)
	h.bg.wait()
}

// asOfficer does what the officer does (a key, a tap) in between two
// widget updates of the background work in flight. The test driver runs
// those updates on the work's own goroutines, and Fyne keeps its text
// measurements in caches that two goroutines must not use at once; in the
// app, everything runs on the one UI goroutine.
func asOfficer(h *home, do func()) {
	h.bg.updates.Lock()
	defer h.bg.updates.Unlock()
	do()
}

// typeLive types text into the search field one key at a time without
// waiting for the answers, as a fast typist does.
func typeLive(h *home, text string) {
	for _, r := range text {
		asOfficer(h, func() { test.Type(h.search.entry, string(r)) })
	}
}

// press sends one key to the search field and waits for what it started.
func press(h *home, key fyne.KeyName) {
	asOfficer(h, func() { h.search.entry.TypedKey(&fyne.KeyEvent{Name: key}) })
	h.bg.wait()
}

// tap taps a button and waits for what it started.
func tap(h *home, b *widget.Button) {
	asOfficer(h, func() { test.Tap(b) })
	h.bg.wait()
}

// shownKinds is the kind of every hit on screen, in order.
func shownKinds(h *home) []search.Kind {
	var ks []search.Kind
	for _, hit := range h.search.results.hits {
		ks = append(ks, hit.Doc.Kind)
	}
	return ks
}

// hitFor is the row of the shown hit for the record with that ID.
func hitFor(t *testing.T, h *home, id string) *hitRow {
	t.Helper()
	for i, hit := range h.search.results.hits {
		if hit.Doc.ID == id {
			return h.search.results.rows[i]
		}
	}
	var titles []string
	for _, hit := range h.search.results.hits {
		titles = append(titles, hit.Doc.Title)
	}
	t.Fatalf("record %s not among the hits %q", id, titles)
	return nil
}

// highlightedText is the text of a row's highlighted characters, run by run.
func highlightedText(row *hitRow) []string {
	rt := row.title
	if row.match != nil {
		rt = row.match
	}
	var bold []string
	for _, seg := range rt.Segments {
		if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
			bold = append(bold, ts.Text)
		}
	}
	return bold
}

func TestSearchFindsNameTypedWithoutAccent(t *testing.T) {
	f := mustSearchFixture(t)
	h, win := newSearchHome(t, f.ws)

	typeQuery(h, "munoz")
	if h.body.Visible() || !h.search.panel.Visible() {
		t.Fatal("the results do not take the place of the case list")
	}
	row := hitFor(t, h, f.company.ID)
	if got := highlightedText(row); !slices.Equal(got, []string{"Muñoz"}) {
		t.Errorf("highlighted in %q: %q, want [Muñoz] with its ñ", f.company.Name, got)
	}
	if got := richTextString(row.context); !strings.Contains(got, "ES") {
		t.Errorf("context of the company = %q, want its country", got)
	}
	markup := test.RenderToMarkup(win.Canvas())
	for _, heading := range []string{"Entities", "Cases"} {
		if !strings.Contains(markup, ">"+heading+"<") {
			t.Errorf("no %q heading over the results", heading)
		}
	}
	// The case whose title names the company is found too, grouped apart.
	hitFor(t, h, f.tobacco.ID)

	press(h, fyne.KeyEscape)
	if h.search.entry.Text != "" || !h.body.Visible() || h.search.panel.Visible() {
		t.Error("Escape does not empty the field and bring the case list back")
	}
}

func TestSearchKindChipRestrictsResults(t *testing.T) {
	f := mustSearchFixture(t)
	h, _ := newSearchHome(t, f.ws)

	typeQuery(h, "munoz")
	if ks := shownKinds(h); !slices.Contains(ks, search.KindCase) || !slices.Contains(ks, search.KindEntity) {
		t.Fatalf("unfiltered kinds = %q, want cases and entities", ks)
	}
	tap(h, h.search.kinds.chips[search.KindEntity])
	ks := shownKinds(h)
	if len(ks) == 0 || slices.ContainsFunc(ks, func(k search.Kind) bool { return k != search.KindEntity }) {
		t.Errorf("with the Entities chip, kinds = %q", ks)
	}
	tap(h, h.search.kinds.all)
	if ks := shownKinds(h); !slices.Contains(ks, search.KindCase) {
		t.Errorf("after All, kinds = %q, want the cases back", ks)
	}
}

func TestSearchDownEnterOpensSecondHit(t *testing.T) {
	f := mustSearchFixture(t)
	h, _ := newSearchHome(t, f.ws)

	tap(h, h.search.kinds.chips[search.KindCase])
	typeQuery(h, "via")
	hits := h.search.results.hits
	if len(hits) < 2 {
		t.Fatalf("%d case hits for \"via\", want the two cases shipped via somewhere", len(hits))
	}
	if !h.search.results.rows[0].isSelected() {
		t.Error("the best hit is not selected at first")
	}
	press(h, fyne.KeyDown)
	if !h.search.results.rows[1].isSelected() || h.search.results.rows[0].isSelected() {
		t.Error("Down does not move the selection to the second hit")
	}
	second := hits[1].Doc.CaseRef
	press(h, fyne.KeyReturn)

	if h.list.selected != second {
		t.Errorf("opened %q, want the second hit %q", h.list.selected, second)
	}
	if h.search.entry.Text != "" || !h.body.Visible() {
		t.Error("opening a case does not bring the case list back")
	}
}

func TestSearchEnterOpensCaseDetail(t *testing.T) {
	f := mustSearchFixture(t)
	h, _ := newSearchHome(t, f.ws)

	typeQuery(h, "banana reefer")
	if hit, ok := h.search.results.selectedHit(); !ok || hit.Doc.CaseRef != f.cocaine.Ref {
		t.Fatalf("best hit = %+v, want case %s", hit.Doc, f.cocaine.Ref)
	}
	press(h, fyne.KeyReturn)
	d := h.list.detail
	if h.list.selected != f.cocaine.Ref || d.ref.Text != f.cocaine.Ref || d.title.Text != f.cocaine.Title {
		t.Errorf("detail shows %q %q, want %s", d.ref.Text, d.title.Text, f.cocaine.Ref)
	}
	if got := d.text("Contents"); got != "0 seizures, 2 entities, 0 exhibits, 0 tasks" {
		t.Errorf("contents = %q: the case file was not read", got)
	}
}

func TestSearchNoteOpensItsCase(t *testing.T) {
	f := mustSearchFixture(t)
	h, _ := newSearchHome(t, f.ws)

	typeQuery(h, "guayaquil")
	hit, ok := h.search.results.selectedHit()
	if !ok || hit.Doc.Kind != search.KindNote {
		t.Fatalf("best hit = %+v, want the note", hit.Doc)
	}
	if got := highlightedText(h.search.results.rows[0]); strings.ToLower(strings.Join(got, "")) != "guayaquil" {
		t.Errorf("highlighted in the note: %q", got)
	}
	press(h, fyne.KeyReturn)
	if h.list.selected != f.cocaine.Ref {
		t.Errorf("the note opened %q, want its case %s", h.list.selected, f.cocaine.Ref)
	}
}

func TestSearchEntityFollowsToItsCases(t *testing.T) {
	f := mustSearchFixture(t)
	h, win := newSearchHome(t, f.ws)

	tap(h, h.search.kinds.chips[search.KindEntity])
	typeQuery(h, "rojas munoz")
	press(h, fyne.KeyReturn)
	if h.entity == nil {
		t.Fatal("Enter on an entity opens no dialog")
	}
	markup := test.RenderToMarkup(win.Canvas())
	for _, want := range []string{"Muñoz Rojas Trading S.L.", "Organisation · Spain (ES)", "ESB12345678", "MRT Logistics", "Appears in 2 cases", "Importer", "Consignee"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the entity dialog does not show %q", want)
		}
	}
	if len(h.entity.cases) != 2 {
		t.Fatalf("%d case buttons, want 2", len(h.entity.cases))
	}
	b := h.entity.cases[slices.IndexFunc(h.entity.cases, func(b *widget.Button) bool { return b.Text == f.tobacco.Ref })]
	tap(h, b)
	if h.list.selected != f.tobacco.Ref || h.list.detail.title.Text != f.tobacco.Title {
		t.Errorf("the case button opened %q, want %s", h.list.selected, f.tobacco.Ref)
	}
	if h.search.panel.Visible() {
		t.Error("the results still cover the case list")
	}
}

// slowSearcher answers every query but the last one only when released,
// and without noticing it was cancelled: the slowest case there is for
// answers arriving out of order.
type slowSearcher struct {
	*app.Workspace
	last    string
	release chan struct{}

	mu        sync.Mutex
	cancelled []string // stale queries whose context was cancelled by the time they answered
}

func (s *slowSearcher) Search(ctx context.Context, query string, opt app.SearchOptions) ([]app.SearchHit, error) {
	if query != s.last {
		<-s.release
		s.mu.Lock()
		if ctx.Err() != nil {
			s.cancelled = append(s.cancelled, query)
		}
		s.mu.Unlock()
		return s.Workspace.Search(context.Background(), query, opt)
	}
	return s.Workspace.Search(ctx, query, opt)
}

// waitFor waits until cond, checked between widget updates, holds.
func waitFor(t *testing.T, bg *background, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		bg.updates.Lock()
		ok := cond()
		bg.updates.Unlock()
		if ok {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestSearchShowsAnswerToLastQuery(t *testing.T) {
	f := mustSearchFixture(t)
	slow := &slowSearcher{Workspace: f.ws, last: "banana", release: make(chan struct{})}
	h, _ := newSearchHome(t, slow)

	typeLive(h, "munoz")
	asOfficer(h, func() { h.search.entry.SetText("") })
	typeLive(h, "banana")
	waitFor(t, h.bg, "the answer to the last query", func() bool { return h.search.results.query == "banana" })
	close(slow.release) // now every earlier answer comes, after the last one
	h.bg.wait()

	if got := h.search.results.query; got != "banana" {
		t.Errorf("the results answer %q, want the last query typed", got)
	}
	if hit, ok := h.search.results.selectedHit(); !ok || hit.Doc.CaseRef != f.cocaine.Ref {
		t.Errorf("best hit shown = %+v, want case %s", hit.Doc, f.cocaine.Ref)
	}
	// munoz, m, mu, mun, muno, b, ba, ban, bana, banan: every one was
	// cancelled by the keystroke after it.
	if len(slow.cancelled) != 10 {
		t.Errorf("cancelled %d stale searches (%q), want 10", len(slow.cancelled), slow.cancelled)
	}
}

func TestSearchEnterBeforeAnswerOpensBestHit(t *testing.T) {
	f := mustSearchFixture(t)
	slow := &slowSearcher{Workspace: f.ws, release: make(chan struct{})}
	h, _ := newSearchHome(t, slow)

	typeLive(h, "antwerp") // every query waits for the release
	asOfficer(h, func() { h.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	close(slow.release)
	h.bg.wait()
	if h.list.selected != f.cocaine.Ref {
		t.Errorf("Enter typed before the answer opened %q, want %s", h.list.selected, f.cocaine.Ref)
	}
}

// unreadyIndex is a workspace whose index is still being built until the test says.
type unreadyIndex struct {
	*app.Workspace
	ready chan struct{}
}

func (u *unreadyIndex) IndexReady() <-chan struct{} { return u.ready }

func TestSearchSaysWhileIndexing(t *testing.T) {
	ws := mustOpen(t)
	mustSetOfficer(t, ws)
	u := &unreadyIndex{Workspace: ws, ready: make(chan struct{})}
	win := newTestWindow(t)
	bg := newTestBackground(t)
	h := newHome(u, testOfficer, win, bg, nil)
	win.SetContent(h.content)
	h.load()
	if !h.search.hint.Visible() {
		t.Error("no indexing hint while the index is being built")
	}
	close(u.ready)
	bg.wait()
	if h.search.hint.Visible() {
		t.Error("the indexing hint stays once the index is ready")
	}
}

func TestCtrlKFocusesSearch(t *testing.T) {
	win, m := openOnOneCase(t)

	shortcuts := win.Canvas().(fyne.Shortcutable)
	shortcuts.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault})
	if win.Canvas().Focused() != m.home.search.entry {
		t.Fatal("Ctrl+K does not put the cursor in the search field")
	}
	if !strings.Contains(test.RenderToMarkup(win.Canvas()), searchPlaceholder) {
		t.Error("the search field does not say what it finds")
	}
	// Ctrl+N still opens a new case while the cursor is in the field.
	m.home.search.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	if m.home.form == nil {
		t.Error("Ctrl+N in the search field opened no new-case dialog")
	}
}
