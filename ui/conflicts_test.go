package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/model"
)

// exchangeCase merges a package of one workspace's case into another,
// through the real package file.
func exchangeCase(t *testing.T, from, to *app.Workspace, ref string) exchange.Imported {
	t.Helper()
	pkg := filepath.Join(t.TempDir(), "case.bollard")
	if _, err := exchange.ExportPackage(context.Background(), from, pkg, exchange.Encryption{}, ref); err != nil {
		t.Fatal(err)
	}
	sum, err := exchange.ImportPackage(context.Background(), to, pkg, exchange.ImportOptions{Trust: true})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestConflictListTakeTheirs(t *testing.T) {
	ctx := context.Background()
	a, b := mustOpen(t), mustOpen(t)
	mustSetOfficer(t, a)
	if _, err := b.SetOfficer(ctx, model.Officer{Name: "Insp. Lotte Peeters", Agency: "Belgian Customs", RefPrefix: "BEC"}); err != nil {
		t.Fatal(err)
	}
	c, err := a.CreateCase(ctx, caseForTest("Tobacco via Algeciras"))
	if err != nil {
		t.Fatal(err)
	}
	exchangeCase(t, a, b, c.Ref)
	ca, cb := c, c
	ca.Summary = "Ours: the lorry came from Tanger Med"
	if ca, err = a.UpdateCase(ctx, ca); err != nil {
		t.Fatal(err)
	}
	if cb, err = b.Case(ctx, c.Ref); err != nil {
		t.Fatal(err)
	}
	cb.Summary = "Theirs: the lorry came from Ceuta"
	if _, err := b.UpdateCase(ctx, cb); err != nil {
		t.Fatal(err)
	}
	if sum := exchangeCase(t, b, a, c.Ref); sum.Conflicts != 1 {
		t.Fatalf("summary %+v, want one conflict", sum.MergeSummary)
	}

	win := newTestWindow(t)
	bg := newTestBackground(t)
	l := newConflictList(win, bg, a, func() string { return c.Ref })
	win.SetContent(l.content)
	l.refresh()
	bg.wait()
	if l.empty.Visible() || len(l.box.Objects) != 1 {
		t.Fatalf("the conflict is not listed")
	}
	card := l.box.Objects[0].(*widget.Card)
	if !strings.Contains(card.Title, c.Ref) || !strings.Contains(card.Title, "case") {
		t.Fatalf("card title %q", card.Title)
	}
	theirs := findButton(card, "Take theirs")
	if theirs == nil || findButton(card, "Keep mine") == nil {
		t.Fatal("no Keep mine / Take theirs buttons")
	}
	test.Tap(theirs)
	bg.wait()
	if !l.empty.Visible() {
		t.Fatal("the settled conflict is still listed")
	}
	if got, _ := a.Case(ctx, c.Ref); got.Summary != cb.Summary {
		t.Fatalf("summary %q after taking theirs", got.Summary)
	}
}

func TestExchangeActionsExportImport(t *testing.T) {
	ctx := context.Background()
	a, b := mustOpen(t), mustOpen(t)
	mustSetOfficer(t, a)
	if _, err := b.SetOfficer(ctx, model.Officer{Name: "Insp. Lotte Peeters", Agency: "Belgian Customs", RefPrefix: "BEC"}); err != nil {
		t.Fatal(err)
	}
	c, err := a.CreateCase(ctx, caseForTest("Tobacco via Algeciras"))
	if err != nil {
		t.Fatal(err)
	}
	exchangeCase(t, a, b, c.Ref) // B knows A as a partner from now on

	win := newTestWindow(t)
	bg := newTestBackground(t)
	ea := newExchangeActions(win, bg, a, func() string { return c.Ref }, nil)
	win.SetContent(ea.content)
	pkg := filepath.Join(t.TempDir(), "again.bollard")
	ea.exportTo(c.Ref, pkg, exchange.Encryption{}, true)
	bg.wait()
	if !strings.HasPrefix(ea.status.Text, "Saved "+pkg) {
		t.Fatalf("status after export: %q", ea.status.Text)
	}

	var imported exchange.Imported
	eb := newExchangeActions(win, bg, b, func() string { return "" }, func(s exchange.Imported) { imported = s })
	eb.merge(pkg, "")
	bg.wait()
	if imported.Unchanged == 0 || imported.Added+imported.Updated+imported.Conflicts != 0 {
		t.Fatalf("imported %+v; status %q", imported.MergeSummary, eb.status.Text)
	}
	if !strings.Contains(eb.status.Text, "0 added, 0 updated") {
		t.Fatalf("status after import: %q", eb.status.Text)
	}
}

// findButton finds a button by its text under o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch v := o.(type) {
	case *widget.Button:
		if v.Text == text {
			return v
		}
	case *widget.Card:
		return findButton(v.Content, text)
	case *fyne.Container:
		for _, c := range v.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}
