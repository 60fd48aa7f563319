package ui

import (
	"context"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bollard/app"
)

// another opens a second Workspace on the file the window shows, as a
// script or a second window would, its clock a little ahead.
func another(t *testing.T, m *mainWindow) *app.Workspace {
	t.Helper()
	ws, err := app.Open(context.Background(), m.own.ws.Path())
	if err != nil {
		t.Fatal(err)
	}
	ws.Now = func() time.Time { return time.Now().Add(time.Minute) }
	t.Cleanup(func() { ws.Close() })
	return ws
}

// noticeOutsideChanges is one poll of the window's watcher, as its ticker
// makes every outsidePollEvery, and the reads it starts.
func noticeOutsideChanges(m *mainWindow) {
	m.own.watcher.check(context.Background())
	m.bg.wait()
}

// screenText is the text on screen, as the officer reads it: the texts of
// the rendered canvas joined with spaces, so that a message wrapped over
// several lines of a dialog reads as one.
func screenText(win fyne.Window) string {
	var texts []string
	for _, m := range textNode.FindAllStringSubmatch(onScreen(win), -1) {
		if m[1] != "" {
			texts = append(texts, html.UnescapeString(m[1]))
		}
	}
	return strings.Join(texts, " ")
}

var textNode = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

// With "Edit case…" open, another program saves the case: Save in the
// form is refused with who changed it and when, what was typed stays in
// the form, and the other program's save is kept whole.
func TestEditCaseRefusedAfterOutsideSave(t *testing.T) {
	win, m := openOnOneCase(t)
	m.home.openCase(m.home.list.rows[0].Ref)
	m.bg.wait()
	v := m.home.list.view
	test.Tap(v.overview.actions.edit)
	f := v.editor.form
	if f == nil || !f.guard.open {
		t.Fatal("Edit case opened no form")
	}
	test.Type(f.summary, "Typed in the window")

	script := another(t, m)
	c, err := script.Case(context.Background(), v.ref)
	if err != nil {
		t.Fatal(err)
	}
	c.Title = "Renamed by the script"
	saved, err := script.UpdateCase(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	noticeOutsideChanges(m)
	if got := v.overview.title.Text; got != "Renamed by the script" {
		t.Errorf("the case view still shows %q after the outside save", got)
	}

	test.Tap(f.guard.save)
	m.bg.wait()
	if !f.guard.open {
		t.Fatal("the form closed: the save over the script's went through")
	}
	if f.summary.Text != "Typed in the window" || f.title.Text != "Tobacco via Algeciras" {
		t.Errorf("what was typed is gone: title %q summary %q", f.title.Text, f.summary.Text)
	}
	want := "changed by " + testOfficer.Name + " (" + testOfficer.Agency + ") at " +
		saved.UpdatedAt.Local().Format("2006-01-02 15:04:05") + " — reload to see it"
	if screen := screenText(win); !strings.Contains(screen, want) {
		t.Errorf("the window does not say %q:\n%s", want, screen)
	}
	stored, err := script.Case(context.Background(), v.ref)
	if err != nil || stored.Title != "Renamed by the script" || stored.Summary != "" || stored.Version != saved.Version {
		t.Errorf("the script's save was not kept whole: %+v, %v", stored, err)
	}
}

// Another program adds a case: the list shows it, and the integrity line
// is checked again and says when.
func TestCaseListRefreshesAfterOutsideChange(t *testing.T) {
	_, m := openOnOneCase(t)
	l := m.home.list
	if len(l.rows) != 1 {
		t.Fatalf("the list starts with %d cases", len(l.rows))
	}
	first := m.own.integrity

	// Nothing changed outside: nothing is read again.
	noticeOutsideChanges(m)
	if m.own.integrity != first {
		t.Error("the integrity check ran again with nothing changed")
	}
	// The window's own save is not an outside change.
	if _, err := m.own.ws.CreateCase(context.Background(), caseForTest("Saved in the window")); err != nil {
		t.Fatal(err)
	}
	noticeOutsideChanges(m)
	if m.own.integrity != first {
		t.Error("the window's own save was taken for an outside one")
	}

	script := another(t, m)
	if _, err := script.CreateCase(context.Background(), caseForTest("Cash couriers via Madrid-Barajas")); err != nil {
		t.Fatal(err)
	}
	noticeOutsideChanges(m)
	if len(l.rows) != 3 {
		t.Fatalf("after another program added a case the list shows %d, want 3", len(l.rows))
	}
	found := false
	for _, c := range l.rows {
		found = found || c.Title == "Cash couriers via Madrid-Barajas"
	}
	if !found || l.count.Text != "3 cases" {
		t.Errorf("the list does not show the new case: %q", l.count.Text)
	}
	if m.own.integrity == first || !m.own.integrity.done {
		t.Fatal("the integrity check did not run again")
	}
	s := m.home.status
	if got := s.integrity.Text; !strings.HasPrefix(got, "Integrity checked at "+m.own.integrity.at.Local().Format("15:04:05")) {
		t.Errorf("integrity line = %q", got)
	}
	if got, want := s.head.Text, "Audit trail: entry "; !strings.HasPrefix(got, want) {
		t.Errorf("head = %q", got)
	}
	head, _ := script.AuditHead(context.Background())
	if !strings.Contains(s.head.Text, thousands(head.Seq)) {
		t.Errorf("the audit line %q does not show entry %d", s.head.Text, head.Seq)
	}
}

// Left to itself, the window notices another program's save within a
// couple of polls: no test hook, the ticker alone.
func TestWindowNoticesOutsideSaveOnItsOwn(t *testing.T) {
	_, m := openOnOneCase(t)
	l := m.home.list
	script := another(t, m)
	saved := time.Now()
	if _, err := script.CreateCase(context.Background(), caseForTest("Counterfeit perfume via Le Havre")); err != nil {
		t.Fatal(err)
	}
	rows := func() int {
		m.bg.updates.Lock() // the widget updates run under it, as on the UI goroutine
		defer m.bg.updates.Unlock()
		return len(l.rows)
	}
	for rows() != 2 {
		if time.Since(saved) > 3*outsidePollEvery+2*time.Second {
			t.Fatalf("%v after another program added a case the list still shows %d", time.Since(saved).Round(time.Millisecond), rows())
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("the list showed the new case %v after it was saved", time.Since(saved).Round(time.Millisecond))
	m.bg.wait()
}

// A save by another program while the integrity check runs does not throw
// the check away (a script saving every second would keep it from ever
// finishing): it is marked to run again once it ends.
func TestOutsideSaveDuringACheckChecksAgainAfterIt(t *testing.T) {
	_, m := openOnOneCase(t)
	m.bg.wait()
	running := &integrityCheck{}
	// As the watcher does: on the UI goroutine, then the reloads it starts.
	m.bg.do(func() {
		m.own.integrity = running
		m.onOutsideChange(m.own.ws)
	})
	m.bg.wait()
	if m.own.integrity != running {
		t.Fatal("a check under way was replaced by a new one")
	}
	if !running.stale {
		t.Fatal("the check under way is not marked to run again")
	}
	// A finished check is replaced at once.
	m.bg.do(func() {
		running.done = true
		m.onOutsideChange(m.own.ws)
	})
	m.bg.wait()
	if m.own.integrity == running {
		t.Fatal("a finished check was not run again after an outside save")
	}
}
