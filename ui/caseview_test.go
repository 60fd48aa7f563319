package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bollard/app"
	"bollard/model"
)

// slowCaseFile is a workspace whose file of one case is read only when
// the test releases it, and then read or refused as the test says: a
// slow disk, a big case, or a file that cannot be read.
type slowCaseFile struct {
	*app.Workspace
	ref     string
	release chan struct{}
	fail    error
}

func (s *slowCaseFile) CaseFile(ctx context.Context, ref string) (app.CaseFile, error) {
	if ref == s.ref {
		<-s.release
		if s.fail != nil {
			return app.CaseFile{}, s.fail
		}
	}
	return s.Workspace.CaseFile(ctx, ref)
}

// twoCasesWithEntities is a workspace with the test officer and two cases:
// the first with two organisations linked and a relation between them,
// the second empty.
func twoCasesWithEntities(t *testing.T) (ws *app.Workspace, first, second model.Case) {
	t.Helper()
	ws = mustOpen(t)
	mustSetOfficer(t, ws)
	ctx := context.Background()
	first, err := ws.CreateCase(ctx, caseForTest("Tobacco via Algeciras"))
	if err != nil {
		t.Fatal(err)
	}
	second, err = ws.CreateCase(ctx, caseForTest("Cigarettes in tyre shipment"))
	if err != nil {
		t.Fatal(err)
	}
	owner := mustCreateEntity(t, ws, model.Entity{Kind: model.KindOrganisation, Name: "Atlas Holdings Ltd", Country: "GB"})
	firm := mustCreateEntity(t, ws, model.Entity{Kind: model.KindOrganisation, Name: "Atlas Freight Ltd", Country: "GB"})
	mustLink(t, ws, first, owner, model.RoleConsignee)
	mustLink(t, ws, first, firm, model.RoleFreightForwader)
	if _, err := ws.AddRelation(ctx, model.Relation{FromID: owner.ID, ToID: firm.ID, Type: model.RelOwns}); err != nil {
		t.Fatal(err)
	}
	return ws, first, second
}

// assertNothingToActOn fails the test when any tab of v still offers an
// action, or still shows the entities or relations of another case.
func assertNothingToActOn(t *testing.T, v *caseView) {
	t.Helper()
	a := v.overview.actions
	if !a.edit.Disabled() || !a.archive.Disabled() || !a.restore.Disabled() {
		t.Error("Edit, Archive or Restore is enabled before the case is read")
	}
	test.Tap(a.edit)
	if v.editor.form != nil {
		t.Errorf("Edit opened a form on %q before the case was read", v.editor.form.old.Ref)
	}
	if !v.entities.link.Disabled() {
		t.Error("“Link entity…” is enabled before the case is read")
	}
	if len(v.entities.shown) != 0 || len(v.entities.file.Entities) != 0 {
		t.Errorf("the Entities tab still shows %d entities of the case before", len(v.entities.shown))
	}
	if !v.relations.add.Disabled() {
		t.Error("“Add relation…” is enabled before the case is read")
	}
	if len(v.relations.file.Relations) != 0 {
		t.Errorf("the Relations tab still shows %d relations of the case before", len(v.relations.file.Relations))
	}
	for _, b := range []interface{ Disabled() bool }{v.seizures.add, v.evidence.add, v.timeline.add, v.tasks.add, v.notes.add, v.notes.entry} {
		if !b.Disabled() {
			t.Errorf("an action of another tab is enabled before the case is read: %T", b)
		}
	}
}

func TestCaseViewSwitchDisablesEveryTabUntilRead(t *testing.T) {
	ws, first, second := twoCasesWithEntities(t)
	slow := &slowCaseFile{Workspace: ws, ref: second.Ref, release: make(chan struct{})}
	win := newTestWindow(t)
	bg := newTestBackground(t)
	v := newCaseView(slow, win, bg, nil, nil)
	win.SetContent(v.content)
	v.open(first)
	bg.wait()
	if v.entities.link.Disabled() || len(v.entities.shown) != 2 || len(v.relations.file.Relations) != 1 {
		t.Fatalf("the first case is not shown: link disabled %v, %d entities, %d relations",
			v.entities.link.Disabled(), len(v.entities.shown), len(v.relations.file.Relations))
	}

	v.open(second) // its file is read only when released
	if v.file.Case.Ref != second.Ref {
		t.Errorf("while the second case is read the view holds %q", v.file.Case.Ref)
	}
	assertNothingToActOn(t, v)
	if got := v.entities.count.Text; got != caseReading {
		t.Errorf("the Entities tab says %q while reading", got)
	}

	close(slow.release)
	bg.wait()
	if v.entities.link.Disabled() || v.overview.actions.edit.Disabled() {
		t.Fatal("the actions stay disabled once the case is read")
	}
	test.Tap(v.overview.actions.edit)
	if v.editor.form == nil || v.editor.form.old.Ref != second.Ref || v.editor.form.old.Title != second.Title {
		t.Fatalf("Edit opened on %+v, want %s", v.editor.form, second.Ref)
	}
	v.editor.form.guard.close()
	test.Tap(v.entities.link)
	if v.entities.form == nil || v.entities.form.file.Case.ID != second.ID {
		t.Error("“Link entity…” does not link to the case shown")
	}
}

func TestCaseViewFirstCaseEditWaitsForRead(t *testing.T) {
	ws, first, _ := twoCasesWithEntities(t)
	slow := &slowCaseFile{Workspace: ws, ref: first.Ref, release: make(chan struct{})}
	win := newTestWindow(t)
	bg := newTestBackground(t)
	v := newCaseView(slow, win, bg, nil, nil)
	win.SetContent(v.content)

	v.open(first)
	if v.file.Case.Ref != first.Ref {
		t.Errorf("while the first case is read the view holds %q", v.file.Case.Ref)
	}
	assertNothingToActOn(t, v)
	close(slow.release)
	bg.wait()
	test.Tap(v.overview.actions.edit)
	if v.editor.form == nil || v.editor.form.old.Ref != first.Ref {
		t.Fatal("Edit does not open on the case once read")
	}
}

func TestCaseViewFailedReadLeavesEveryActionDisabled(t *testing.T) {
	ws, first, second := twoCasesWithEntities(t)
	slow := &slowCaseFile{Workspace: ws, ref: second.Ref, release: make(chan struct{}), fail: errors.New("storage: disk I/O error")}
	close(slow.release)
	win := newTestWindow(t)
	bg := newTestBackground(t)
	v := newCaseView(slow, win, bg, nil, nil)
	win.SetContent(v.content)
	v.open(first)
	bg.wait()

	v.open(second)
	bg.wait()
	assertNothingToActOn(t, v)
	if !v.failureBox.Visible() || !strings.Contains(v.failure.Text, second.Ref+" could not be read") {
		t.Errorf("the failure is not said above the tabs: visible %v, %q", v.failureBox.Visible(), v.failure.Text)
	}
	if got := v.entities.count.Text; got != caseReadFailed {
		t.Errorf("the Entities tab says %q after a failed read", got)
	}
	if !strings.Contains(onScreen(win), "could not be read") {
		t.Error("the failure is not on the screen")
	}

	// Once the disk answers again, “Try again” reads it and puts everything back.
	slow.fail = nil
	test.Tap(v.retry)
	bg.wait()
	if v.failureBox.Visible() || v.entities.link.Disabled() || v.overview.actions.edit.Disabled() {
		t.Error("after the case is read the failure stays or the actions stay disabled")
	}
	if v.file.Case.Ref != second.Ref || v.entities.count.Text != "0 entities" {
		t.Errorf("after trying again the view holds %s, its Entities tab says %q", v.file.Case.Ref, v.entities.count.Text)
	}
}
