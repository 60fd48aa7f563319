package ui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// openCaseView opens the window on the one-case workspace and selects the
// case, with its view open on the tab named.
func openCaseView(t *testing.T, tab string) (*mainWindow, *caseView) {
	t.Helper()
	_, m := openOnOneCase(t)
	m.home.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	m.bg.wait()
	v := m.home.list.view
	v.selectTab(tab)
	m.bg.wait()
	return m, v
}

// writePhoto writes a small PNG photo and returns its path and SHA-256.
func writePhoto(t *testing.T) (string, string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for x := range 40 {
		for y := range 30 {
			img.Set(x, y, color.RGBA{uint8(6 * x), uint8(8 * y), 90, 255})
		}
	}
	path := filepath.Join(t.TempDir(), "container seal.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	f.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return path, hex.EncodeToString(sum[:])
}

func TestAddExhibitThroughForm(t *testing.T) {
	m, v := openCaseView(t, "Evidence")
	tab := v.evidence
	if tab.add.Disabled() || !tab.attach.Disabled() || !tab.custody.Disabled() {
		t.Fatal("with no exhibit selected only Add exhibit should be enabled")
	}
	test.Tap(tab.add)
	f := tab.form
	if f == nil {
		t.Fatal("Add exhibit opened no dialog")
	}

	// Without a description the form says so under the field and stays open.
	f.kind.SetSelected("Photo")
	test.Tap(f.save)
	m.bg.wait()
	if msg := f.errs.message("description"); !strings.Contains(msg, "Description") {
		t.Errorf("no inline error for the missing description: %q", msg)
	}
	if len(tab.file.Evidence) != 0 {
		t.Fatal("an exhibit without description was saved")
	}

	photo, sum := writePhoto(t)
	test.Type(f.description, "Photo of the broken container seal")
	test.Type(f.seal, "SVA-000123")
	f.files.addPath(photo)
	test.Tap(f.save)
	m.bg.wait()

	if f.errs.message("description") != "" {
		t.Error("the description error stays after it was corrected")
	}
	if len(tab.file.Evidence) != 1 {
		t.Fatalf("the Evidence tab lists %d exhibits, want 1", len(tab.file.Evidence))
	}
	x := tab.file.Evidence[0]
	if !strings.HasSuffix(x.Item.ExhibitRef, "/EX-001") || tab.selected != x.Item.ExhibitRef {
		t.Errorf("new exhibit %q is not the one shown (%q)", x.Item.ExhibitRef, tab.selected)
	}
	if len(x.Item.Attachments) != 1 || x.Item.Attachments[0].SHA256 != sum {
		t.Fatalf("attachments = %+v, want the photo with SHA-256 %s", x.Item.Attachments, sum)
	}
	markup := test.RenderToMarkup(m.win.Canvas())
	for _, want := range []string{x.Item.ExhibitRef, "Photo of the broken container seal", sum, "container seal.png", "image/png", "SVA-000123"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the Evidence tab does not show %q", want)
		}
	}
	if _, ok := tab.thumbs[sum]; !ok {
		t.Error("no thumbnail was made of the photo")
	}
	if !strings.Contains(m.home.status.head.Text, "Audit trail: entry ") {
		t.Errorf("status line = %q", m.home.status.head.Text)
	}
	if tab.attach.Disabled() || tab.custody.Disabled() {
		t.Error("attach and custody are disabled for an open exhibit")
	}
}

func TestRecordCustodyEvents(t *testing.T) {
	m, v := openCaseView(t, "Evidence")
	ws := m.own.ws
	if _, err := ws.AddEvidence(context.Background(), model.EvidenceItem{CaseID: v.file.Case.ID,
		Description: "24 bricks of white powder", Kind: model.EvidencePhysical, SealNumber: "SVA-9"}); err != nil {
		t.Fatal(err)
	}
	v.reload()
	m.bg.wait()
	tab := v.evidence
	tab.list.Select(0)

	test.Tap(tab.custody)
	f := tab.custodyForm
	f.action.SetSelected("Seized")
	f.place.SetText("Algeciras port")
	f.sealState.SetSelected(sealIntact)
	test.Tap(f.save)
	m.bg.wait()

	x, _ := tab.exhibit()
	if len(x.Custody) != 1 || x.Custody[0].Action != model.CustodySeized {
		t.Fatalf("custody = %+v, want one seizure", x.Custody)
	}
	markup := test.RenderToMarkup(m.win.Canvas())
	for _, want := range []string{"1.  ", "Seized", "Algeciras port", "Seal SVA-9 (found intact)", testOfficer.Name} {
		if !strings.Contains(markup, want) {
			t.Errorf("the chain of custody does not show %q", want)
		}
	}

	// A transfer needs a recipient: the form says so under To.
	test.Tap(tab.custody)
	f = tab.custodyForm
	f.action.SetSelected("Transferred")
	test.Tap(f.save)
	m.bg.wait()
	if msg := f.errs.message("to"); msg == "" {
		t.Error("no inline error for a transfer to nobody")
	}
	test.Type(f.toName, "Dr. Ana Lima")
	test.Type(f.toAgency, "Instituto Nacional de Toxicología")
	f.sealState.SetSelected(sealBroken)
	f.corrects.SetSelected(f.corrects.Options[1])
	test.Tap(f.save)
	m.bg.wait()
	x, _ = tab.exhibit()
	if len(x.Custody) != 2 || x.Holder().Name != "Dr. Ana Lima" || !x.SealBroken() || x.Custody[1].Corrects != x.Custody[0].ID {
		t.Fatalf("custody = %+v", x.Custody)
	}
	markup = test.RenderToMarkup(m.win.Canvas())
	for _, want := range []string{"SEAL BROKEN", "Corrects event 1 (seized", "Corrected by event 2", "held by Dr. Ana Lima"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the Evidence tab does not show %q", want)
		}
	}

	// Once destroyed, the chain is closed: no more events or files.
	test.Tap(tab.custody)
	f = tab.custodyForm
	f.action.SetSelected("Destroyed")
	test.Tap(f.save)
	m.bg.wait()
	if !tab.custody.Disabled() || !tab.attach.Disabled() || !tab.reason.Visible() {
		t.Error("custody and attach stay enabled after the exhibit was destroyed")
	}
	if !strings.Contains(tab.reason.Text, "destroyed") {
		t.Errorf("reason = %q", tab.reason.Text)
	}
	if !strings.Contains(test.RenderToMarkup(m.win.Canvas()), "CLOSED: DESTROYED") {
		t.Error("no closed badge")
	}
}

func TestHistoryTabShowsChanges(t *testing.T) {
	m, v := openCaseView(t, "History")
	h := v.history
	if len(h.lines) == 0 || !strings.Contains(h.texts()[0], "opened case "+v.ref) {
		t.Fatalf("history = %q", h.texts())
	}
	// A change made while the tab is open shows at the top.
	v.selectTab("Evidence")
	ws := m.own.ws
	if _, err := ws.AddEvidence(context.Background(), model.EvidenceItem{CaseID: v.file.Case.ID,
		Description: "Bill of lading", Kind: model.EvidenceDocument}); err != nil {
		t.Fatal(err)
	}
	v.reload()
	m.bg.wait()
	v.selectTab("History")
	m.bg.wait()
	lines := h.texts()
	if len(lines) < 2 {
		t.Fatalf("history = %q", lines)
	}
	top := lines[0]
	if len(top) < 18 || top[16:18] != "  " || !strings.Contains(top, testOfficer.Name+" added exhibit "+v.ref+"/EX-001") {
		t.Errorf("newest line = %q", top)
	}
	if !strings.Contains(test.RenderToMarkup(m.win.Canvas()), "added exhibit "+v.ref+"/EX-001") {
		t.Error("the History tab does not show the new line")
	}
}

func TestIntegrityBannerNamesTamperedExhibit(t *testing.T) {
	win := newTestWindow(t)
	path := filepath.Join(t.TempDir(), "w.db")
	ctx := context.Background()
	ws, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustSetOfficer(t, ws)
	c, err := ws.CreateCase(ctx, caseForTest("Tobacco via Algeciras"))
	if err != nil {
		t.Fatal(err)
	}
	photo, sum := writePhoto(t)
	x, err := ws.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "Seal photo", Kind: model.EvidencePhoto}, photo)
	if err != nil {
		t.Fatal(err)
	}
	blob := ws.AttachmentPath(sum)
	ws.Close()
	flipByte(t, blob)

	m := newMainWindow(win, newTestBackground(t), path)
	t.Cleanup(func() { m.close() })
	m.open()
	m.bg.wait()
	s := m.home.status
	if !s.banner.Visible() || !strings.Contains(s.bannerText.Text, "1 problem found") {
		t.Fatalf("no warning banner: %q", s.bannerText.Text)
	}
	if len(s.problems) != 1 || !strings.Contains(s.problems[0], x.ExhibitRef) {
		t.Errorf("problems = %q, want one naming %s", s.problems, x.ExhibitRef)
	}
	s.onDetails()
	if !strings.Contains(test.RenderToMarkup(win.Canvas()), x.ExhibitRef) {
		t.Error("the details do not name the exhibit")
	}
}

func TestIntegrityCheckedAtOpen(t *testing.T) {
	_, m := openOnOneCase(t)
	s := m.home.status
	if s.banner.Visible() {
		t.Error("a sound workspace shows the warning banner")
	}
	if got := s.integrity.Text; !strings.HasPrefix(got, "Integrity checked at ") || !strings.Contains(got, "0 files intact") {
		t.Errorf("status = %q", got)
	}
	if got := s.head.Text; !strings.HasPrefix(got, "Audit trail: entry ") {
		t.Errorf("head = %q", got)
	}
}

// flipByte changes one byte of a stored file, as damage or tampering would.
func flipByte(t *testing.T, path string) {
	t.Helper()
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0x01
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// An exhibit's record is corrected through the same form, without its
// files; the change is in the case's history.
func TestEditExhibitRecord(t *testing.T) {
	m, v := openCaseView(t, "Evidence")
	tab := v.evidence
	if !tab.edit.Disabled() {
		t.Fatal("Edit is enabled with no exhibit selected")
	}
	test.Tap(tab.add)
	test.Type(tab.form.description, "Bag of white powder")
	tab.form.kind.SetSelected("Physical")
	test.Type(tab.form.storage, "Evidence room B")
	test.Tap(tab.form.save)
	m.bg.wait()
	if tab.edit.Disabled() {
		t.Fatal("Edit is disabled with the new exhibit shown")
	}

	test.Tap(tab.edit)
	f := tab.form
	if f.existing == nil || f.description.Text != "Bag of white powder" || f.storage.Text != "Evidence room B" {
		t.Fatalf("the edit form does not hold the exhibit: %q, %q", f.description.Text, f.storage.Text)
	}
	f.storage.SetText("Evidence room C, shelf 2")
	test.Tap(f.save)
	m.bg.wait()
	x := tab.file.Evidence[0]
	if len(tab.file.Evidence) != 1 || x.Item.StorageLocation != "Evidence room C, shelf 2" || !strings.HasSuffix(x.Item.ExhibitRef, "/EX-001") {
		t.Fatalf("after the edit: %d exhibits, %+v", len(tab.file.Evidence), x.Item)
	}
	lines, err := m.showing.CaseHistory(context.Background(), v.ref)
	if err != nil || !strings.Contains(lines[0].Text, "storage location Evidence room B → Evidence room C, shelf 2") {
		t.Errorf("the history's newest line: %v %v", lines, err)
	}
}
