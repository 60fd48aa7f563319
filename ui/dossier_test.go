package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
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
	win.SetContent(p.content)
	bg.wait()

	p.language.SetSelectedIndex(1) // Español
	p.redact.SetChecked(true)
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
		if err != nil || !strings.Contains(string(out), "Expediente del caso") || !strings.Contains(string(out), "OFFICIAL-SENSITIVE") {
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
