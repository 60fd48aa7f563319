package ui

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bollard/app/exchange"
	"bollard/model"
)

// A case received from HMRC in a signed package: the History tab credits
// each change to HMRC's officer, says "received from HMRC (…) in package
// 3f2a…", and shows the package's whole SHA-256 and the signing key.
func TestHistoryTabShowsWhereAChangeWasReceivedFrom(t *testing.T) {
	ctx := context.Background()
	hmrc := mustOpen(t)
	if _, err := hmrc.SetOfficer(ctx, model.Officer{Name: "Off. Jane Whitby", Agency: "HMRC", Country: "GB", RefPrefix: "HMR"}); err != nil {
		t.Fatal(err)
	}
	c, err := hmrc.CreateCase(ctx, caseForTest("Cigarettes in a furniture trailer, Dover"))
	if err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(t.TempDir(), "case.bollard")
	if _, err := exchange.ExportPackage(ctx, hmrc, pkg, exchange.Encryption{}, c.Ref); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(pkg)
	if err != nil {
		t.Fatal(err)
	}
	sum := fmt.Sprintf("%x", sha256.Sum256(data))

	ws := mustOpen(t)
	mustSetOfficer(t, ws)
	if _, err := exchange.ImportPackage(ctx, ws, pkg, exchange.ImportOptions{Trust: true}); err != nil {
		t.Fatal(err)
	}
	win := newTestWindow(t)
	bg := newTestBackground(t)
	h := newHistoryTab(ws, win, bg)
	win.SetContent(h.content)
	h.setCase(c.Ref)
	h.load()
	bg.wait()

	lines := h.texts()
	want := "Off. Jane Whitby opened case " + c.Ref + " — received from HMRC (Off. Jane Whitby) in package " + sum[:8] + "…"
	if len(lines) != 1 || !strings.HasSuffix(lines[0], want) {
		t.Fatalf("history = %q, want one line ending %q", lines, want)
	}
	markup := test.RenderToMarkup(win.Canvas())
	for _, shown := range []string{"received from HMRC (Off. Jane Whitby)", "package " + sum + ", signed with key "} {
		if !strings.Contains(markup, shown) {
			t.Errorf("the History tab does not show %q", shown)
		}
	}
	if strings.Contains(markup, testOfficer.Name) {
		t.Errorf("the History tab credits the officer who imported the case:\n%s", markup)
	}
}
