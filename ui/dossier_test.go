package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bollard/app"
	"bollard/model"
)

func TestDossierPanelSavesThePDF(t *testing.T) {
	win := newTestWindow(t)
	ws := mustOpen(t)
	mustSetOfficer(t, ws)
	c, err := ws.CreateCase(context.Background(), caseForTest("Tobacco via Algeciras"))
	if err != nil {
		t.Fatal(err)
	}
	bg := newTestBackground(t)
	p := newDossierPanelView(win, bg, ws, func() string { return c.Ref })
	// The panel loads the profile at once; its widget updates and showing
	// the panel are one at a time, as on the UI goroutine.
	bg.serial(func() { win.SetContent(p.content) })
	bg.wait()

	p.language.SetSelectedIndex(1) // Español
	if p.titleBox.Visible() {
		t.Fatal("the title for the non-nominal version shows without it")
	}
	p.redact.SetChecked(true)
	if !p.titleBox.Visible() || p.redactedTitle.Disabled() {
		t.Fatal("the title for the non-nominal version is not offered with it")
	}
	p.redactedTitle.SetText("Tabaco por el puerto")
	p.marking.SetText("OFFICIAL-SENSITIVE")
	path := filepath.Join(t.TempDir(), "dossier.pdf")
	p.saveTo(c.Ref, path)
	bg.wait()

	data, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("no PDF saved at %s: %v", path, err)
	}
	if !strings.Contains(p.status.Text, "pages") || !p.folder.Visible() || p.progress.Visible() || p.save.Disabled() {
		t.Fatalf("after saving: status %q, open folder shown %v, progress shown %v", p.status.Text, p.folder.Visible(), p.progress.Visible())
	}
	if p.savedIn != filepath.Dir(path) {
		t.Fatalf("open folder would open %q", p.savedIn)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil || !strings.Contains(string(out), "Expediente del caso") || !strings.Contains(string(out), "OFFICIAL-SENSITIVE") ||
			!strings.Contains(string(out), "Tabaco por el puerto") || strings.Contains(string(out), "Tobacco via Algeciras") {
			t.Fatalf("the dossier does not carry the panel's choices: %v\n%s", err, out)
		}
	}
}

func TestDossierPanelNeedsASection(t *testing.T) {
	win := newTestWindow(t)
	ws := mustOpen(t)
	bg := newTestBackground(t)
	p := newDossierPanelView(win, bg, ws, func() string { return "" })
	bg.wait()
	p.sections.SetSelected(nil)
	if _, err := p.options(); err == nil || !strings.Contains(err.Error(), "tick at least one") {
		t.Fatalf("no section ticked: %v", err)
	}
}

// The Dossier tab follows the case shown: a marking override or a
// non-nominal version chosen for one case does not carry over to the next,
// and the tab says which marking will print.
func TestDossierPanelFollowsTheCase(t *testing.T) {
	win := newTestWindow(t)
	ws := mustOpen(t)
	mustSetOfficer(t, ws)
	ctx := context.Background()
	a, b := caseForTest("Tobacco via Algeciras"), caseForTest("Cocaine via Valencia")
	a.HandlingMarking, b.HandlingMarking = "RESERVADO", "LIMITE"
	var files []app.CaseFile
	for _, c := range []model.Case{a, b} {
		c, err := ws.CreateCase(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		f, err := ws.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	bg := newTestBackground(t)
	ref := files[0].Case.Ref
	content := newDossierPanel(win, bg, ws, func() string { return ref })
	// The test driver runs fyne.Do on the calling goroutine: let the panel's
	// first reads land before the window measures it, as the UI goroutine
	// would see them one after the other.
	bg.wait()
	win.SetContent(content)
	show := followCase(content)
	if show == nil {
		t.Fatal("the Dossier tab cannot be told which case is shown")
	}
	p := content.(*dossierTab).panel

	show(files[0])
	if !strings.Contains(p.markingNote.Text, "RESERVADO") {
		t.Fatalf("marking note for case A: %q", p.markingNote.Text)
	}
	p.marking.SetText("OFFICIAL-SENSITIVE")
	p.redact.SetChecked(true)
	if want := "OFFICIAL-SENSITIVE instead of the case's RESERVADO"; !strings.Contains(p.markingNote.Text, want) {
		t.Fatalf("marking note %q, want %q", p.markingNote.Text, want)
	}
	show(files[0]) // read again after a change: the choices stay
	if p.marking.Text != "OFFICIAL-SENSITIVE" || !p.redact.Checked {
		t.Fatal("reading the same case again lost the officer's choices")
	}

	ref = files[1].Case.Ref
	show(files[1])
	if p.marking.Text != "" || p.redact.Checked {
		t.Fatalf("case B starts with case A's choices: marking %q, redact %v", p.marking.Text, p.redact.Checked)
	}
	if want := "the case's own marking: LIMITE"; !strings.Contains(p.markingNote.Text, want) {
		t.Fatalf("marking note %q, want %q", p.markingNote.Text, want)
	}
	opt, err := p.options()
	if err != nil || opt.Marking != "" || opt.Redact {
		t.Fatalf("options for case B: %+v, %v", opt, err)
	}

	p.marking.SetText(strings.Repeat("X", 61))
	if _, err := p.options(); err == nil || !strings.Contains(p.markingNote.Text, "Too long") {
		t.Fatalf("a 61-character marking: %v, note %q", err, p.markingNote.Text)
	}
}

// The panel is given a path (askSavePath opens nothing): a failed export
// leaves no file, a good one replaces the old file whole, and the
// workspace is never written over.
func TestDossierPanelWritesWholeOrNothing(t *testing.T) {
	win := newTestWindow(t)
	ws := mustOpen(t)
	mustSetOfficer(t, ws)
	c, err := ws.CreateCase(context.Background(), caseForTest("Tobacco via Algeciras"))
	if err != nil {
		t.Fatal(err)
	}
	bg := newTestBackground(t)
	p := newDossierPanelView(win, bg, ws, func() string { return c.Ref })
	bg.serial(func() { win.SetContent(p.content) }) // as in TestDossierPanelSavesThePDF
	bg.wait()
	dir := t.TempDir()

	t.Run("a failed export leaves no empty file", func(t *testing.T) {
		path := filepath.Join(dir, "new.pdf")
		p.saveTo("NOPE-2026-0001", path)
		bg.wait()
		if info, err := os.Stat(path); err == nil {
			t.Fatalf("a failed export left a file of %d bytes", info.Size())
		}
		if p.save.Disabled() || p.progress.Visible() {
			t.Fatal("the panel is still busy after the failure")
		}
	})
	t.Run("a dossier replaces the file whole", func(t *testing.T) {
		path := filepath.Join(dir, "old.pdf")
		if err := os.WriteFile(path, []byte("%PDF-1.4 last week's"), 0o644); err != nil {
			t.Fatal(err)
		}
		p.saveTo(c.Ref, path)
		bg.wait()
		data, err := os.ReadFile(path)
		if err != nil || len(data) < 1000 || !strings.HasPrefix(string(data), "%PDF-") {
			t.Fatalf("after saving over a PDF: %d bytes, %v", len(data), err)
		}
		if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*")); len(leftovers) > 0 {
			t.Fatalf("temporary files left: %v", leftovers)
		}
	})
	t.Run("never the workspace", func(t *testing.T) {
		before, err := os.Stat(ws.Path())
		if err != nil {
			t.Fatal(err)
		}
		p.saveTo(c.Ref, ws.Path())
		bg.wait()
		after, err := os.Stat(ws.Path())
		if err != nil || after.Size() != before.Size() || p.folder.Visible() && strings.Contains(p.status.Text, ws.Path()) {
			t.Fatalf("saving over the workspace: %v, %d → %d bytes, status %q", err, before.Size(), after.Size(), p.status.Text)
		}
		if _, err := ws.CaseFile(context.Background(), c.Ref); err != nil {
			t.Fatalf("the workspace after: %v", err)
		}
	})
}
