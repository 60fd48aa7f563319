package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bollard/app/exchange"
	"bollard/model"
)

// A package from the window is encrypted by default to the known partners
// of the case's agencies: the dialog names them, the partner opens it with
// its own key, and sending it in the clear is a choice the audit trail
// records.
func TestWindowExportEncryptsToPartners(t *testing.T) {
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
	exchangeCase(t, a, b, c.Ref) // B knows A, and A's key, from now on

	win := newTestWindow(t)
	bg := newTestBackground(t)
	eb := newExchangeActions(win, bg, b, func() string { return c.Ref }, nil)
	win.SetContent(eb.content)
	eb.onExport()
	bg.wait()
	markup := test.RenderToMarkup(win.Canvas())
	if !strings.Contains(markup, testOfficer.Name+" ("+testOfficer.Agency+")") {
		t.Fatalf("the export dialog does not name the partner it encrypts to:\n%s", markup)
	}

	known, err := exchange.RecipientsOf(ctx, b, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := packageEncryption(known, "", false)
	if err != nil || len(enc.Recipients) != 1 {
		t.Fatalf("the default is not the partner's key: %+v, %v", enc, err)
	}
	pkg := filepath.Join(t.TempDir(), "back.bollard")
	eb.exportTo(c.Ref, pkg, enc, false)
	bg.wait()
	if !strings.Contains(eb.status.Text, "(encrypted)") {
		t.Fatalf("status after export: %q", eb.status.Text)
	}
	if _, err := exchange.ImportPackage(ctx, a, pkg, exchange.ImportOptions{Trust: true}); err != nil {
		t.Fatalf("the partner could not open the package with its own key: %v", err)
	}

	// In the clear only when ticked, and then answered for.
	plain := filepath.Join(t.TempDir(), "plain.bollard")
	eb.exportTo(c.Ref, plain, exchange.Encryption{}, true)
	bg.wait()
	if !strings.Contains(eb.status.Text, "NOT encrypted") {
		t.Fatalf("status after a plain export: %q", eb.status.Text)
	}
	trail, err := b.CaseHistory(ctx, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range trail {
		found = found || strings.Contains(l.Text, "in the clear")
	}
	if !found {
		t.Error("the audit trail does not record the package sent in the clear")
	}
}

func TestPackageEncryptionChoice(t *testing.T) {
	none := exchange.CaseRecipients{Agencies: []string{"Guardia Civil"}}
	if _, err := packageEncryption(none, "", false); err == nil || !strings.Contains(err.Error(), "passphrase") {
		t.Errorf("no key known and nothing chosen: %v", err)
	}
	if !strings.Contains(recipientsText(none), "Guardia Civil") {
		t.Errorf("why nobody is named does not name the agency: %q", recipientsText(none))
	}
	if _, err := packageEncryption(none, "short", false); err == nil {
		t.Error("a short passphrase is taken")
	}
	if enc, err := packageEncryption(none, "a passphrase told by phone", false); err != nil || enc.Passphrase == "" {
		t.Errorf("a passphrase is not used: %+v, %v", enc, err)
	}
	if enc, err := packageEncryption(none, "", true); err != nil || !enc.IsZero() {
		t.Errorf("ticked plain: %+v, %v", enc, err)
	}
}
