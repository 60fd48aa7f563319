package exchange_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/model"
	"bollard/storage/storagetest"
)

// The two task-force officers: HMRC sends, the Spanish SVA receives.
var (
	hmrcOfficer = model.Officer{Name: "Off. Jane Whitby", Agency: "HMRC", Country: "GB", RefPrefix: "HMR"}
	svaOfficer  = model.Officer{Name: "M. Torres", Agency: "SVA", Country: "ES", RefPrefix: "ESA"}
)

// asOfficer gives a workspace its officer.
func asOfficer(t *testing.T, w *app.Workspace, o model.Officer) {
	t.Helper()
	if _, err := w.SetOfficer(ctx, o); err != nil {
		t.Fatal(err)
	}
}

// sentPackage exports the case from one workspace as a signed package file
// and returns its path and what the receiving side should record of it.
func sentPackage(t *testing.T, from *app.Workspace, ref string) (string, model.Provenance) {
	t.Helper()
	pkg := filepath.Join(t.TempDir(), "case.bollard")
	if _, err := exchange.ExportPackage(ctx, from, pkg, exchange.Encryption{}, ref); err != nil {
		t.Fatalf("export: %v", err)
	}
	data, err := os.ReadFile(pkg)
	if err != nil {
		t.Fatal(err)
	}
	id, err := from.SigningIdentity(ctx)
	if err != nil {
		t.Fatal(err)
	}
	o, err := from.Officer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return pkg, model.Provenance{Officer: o.Author(), Package: fmt.Sprintf("%x", sha256.Sum256(data)),
		Key: base64.StdEncoding.EncodeToString(id.Key.Public().(ed25519.PublicKey))}
}

// importedEntries imports the package and returns the audit entries the
// import wrote, oldest first.
func importedEntries(t *testing.T, to *app.Workspace, pkg string) []model.AuditEntry {
	t.Helper()
	before := auditLength(t, to)
	if _, err := exchange.ImportPackage(ctx, to, pkg, exchange.ImportOptions{Trust: true}); err != nil {
		t.Fatalf("import: %v", err)
	}
	trail, err := to.AuditTrail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []model.AuditEntry
	for i := len(trail) - 1; i >= 0; i-- {
		if e := trail[i].Entry; e.Seq > before {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		t.Fatal("the import wrote no audit entry")
	}
	return out
}

func auditLength(t *testing.T, w *app.Workspace) int64 {
	t.Helper()
	trail, err := w.AuditTrail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(trail) == 0 {
		return 0
	}
	return trail[0].Entry.Seq
}

// checkReceived asserts that every entry an import wrote about the case's
// records names the partner, the package and its key and is credited to
// the partner's officer. The partner record (the officer's acceptance of
// the signer) and the workspace's own key, made the first time a package
// is opened, are this workspace's own. It returns how many it checked.
func checkReceived(t *testing.T, entries []model.AuditEntry, want model.Provenance, ours model.Author) int {
	t.Helper()
	n := 0
	for _, e := range entries {
		if e.RecordType == model.RecordPartner || e.RecordType == model.RecordKey {
			if !e.Received.IsZero() || e.By != ours {
				t.Errorf("accepting the partner and making the workspace's key are this officer's acts: entry %d by %v, received %+v", e.Seq, e.By, e.Received)
			}
			continue
		}
		n++
		if e.Received != want {
			t.Errorf("entry %d (%s %s %s) received %+v, want %+v", e.Seq, e.Action, e.RecordType, e.RecordID, e.Received, want)
		}
		if e.By != want.Officer || e.By == ours {
			t.Errorf("entry %d (%s %s) is credited to %v, want the partner's officer %v", e.Seq, e.Action, e.RecordType, e.By, want.Officer)
		}
	}
	if n == 0 {
		t.Fatal("the import wrote no entry about the case's records")
	}
	return n
}

// historyLine is the first line of the case's history that contains want.
func historyLine(t *testing.T, w *app.Workspace, ref, want string) app.HistoryLine {
	t.Helper()
	lines, err := w.CaseHistory(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if strings.Contains(l.Text, want) {
			return l
		}
	}
	var texts []string
	for _, l := range lines[:min(len(lines), 8)] {
		texts = append(texts, l.Text)
	}
	t.Fatalf("no line of %s's history says %q; the latest:\n%s", ref, want, strings.Join(texts, "\n"))
	return app.HistoryLine{}
}

// TestImportCreditsThePartner exchanges a case through signed package files
// between HMRC and the SVA: every change the import writes names HMRC's
// officer, the package's SHA-256 and the signing key, never the SVA
// officer who imported it; the history says "received from"; a conflict
// the SVA officer resolves afterwards is the SVA officer's; the trail verifies.
func TestImportCreditsThePartner(t *testing.T) {
	hmrc, sva := mustOpen(t, "HMR"), mustOpen(t, "ESA")
	asOfficer(t, hmrc, hmrcOfficer)
	ref := demoCase(t, hmrc)
	asOfficer(t, sva, svaOfficer)
	ours := svaOfficer.Author()

	pkg, from := sentPackage(t, hmrc, ref)
	n := checkReceived(t, importedEntries(t, sva, pkg), from, ours)
	verified(t, sva)
	l := historyLine(t, sva, ref, "received from HMRC (Off. Jane Whitby) in package "+from.Package[:8]+"…")
	if !strings.HasPrefix(l.Text, "Off. Jane Whitby ") {
		t.Errorf("a received change is told as %q, want it to start with the partner's officer", l.Text)
	}
	if src := l.Source(); !strings.Contains(src, from.Package) || !strings.Contains(src, from.Key) {
		t.Errorf("the line's source %q lacks the whole package hash or the key", src)
	}
	t.Logf("%d entries received in the first package", n)

	// Both sides change the same seizure's notes: HMRC's next package
	// updates one field and raises a conflict on the other.
	s := caseFile(t, hmrc, ref).Seizures[0]
	s.Notes, s.Concealment = "HMRC: lab weight confirmed", "false floor of the trailer"
	if _, err := hmrc.UpdateSeizure(ctx, s); err != nil {
		t.Fatal(err)
	}
	mine, err := sva.Seizure(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	mine.Notes = "SVA: sample sent to Madrid"
	if _, err := sva.UpdateSeizure(ctx, mine); err != nil {
		t.Fatal(err)
	}
	pkg2, from2 := sentPackage(t, hmrc, ref)
	if from2.Package == from.Package || from2.Key != from.Key {
		t.Fatalf("second package %+v, first %+v", from2, from)
	}
	second := importedEntries(t, sva, pkg2)
	checkReceived(t, second, from2, ours)
	updated := false
	for _, e := range second {
		updated = updated || e.RecordID == s.ID && e.Action == model.AuditUpdate
	}
	if !updated {
		t.Fatal("the second package's change to the seizure wrote no received entry")
	}
	verified(t, sva)

	conflicts, err := sva.Conflicts(ctx, ref)
	if err != nil || len(conflicts) != 1 {
		t.Fatalf("conflicts %v, %v; want one on the notes", conflicts, err)
	}
	before := auditLength(t, sva)
	if _, err := sva.ResolveConflict(ctx, conflicts[0].ID, app.TakeTheirs); err != nil {
		t.Fatal(err)
	}
	trail, err := sva.AuditTrail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	resolved := 0
	for _, l := range trail {
		if e := l.Entry; e.Seq > before {
			resolved++
			// Taking theirs made the record HMRC's version as it came: the
			// change is HMRC's, from the second package, never ours.
			if e.By == ours || e.Received.Officer != hmrcOfficer.Author() || e.Received.Package != from2.Package ||
				e.Received.Key != from2.Key {
				t.Errorf("taking theirs is HMRC's change: entry %d by %v, received %+v, %q", e.Seq, e.By, e.Received, l.Text)
			}
		}
	}
	if resolved == 0 {
		t.Fatal("resolving the conflict wrote no audit entry")
	}
	verified(t, sva)

	// Crediting the SVA officer afterwards, outside Bollard, or dropping
	// where a change came from, breaks the chain.
	var seq int64
	for _, e := range second {
		if !e.Received.IsZero() {
			seq = e.Seq
		}
	}
	for _, forge := range []string{
		`UPDATE audit_log SET by_name = 'M. Torres', by_agency = 'SVA', received_name = 'M. Torres', received_agency = 'SVA' WHERE seq = ?`,
		`UPDATE audit_log SET received_name = '', received_agency = '', received_package = '', received_key = '' WHERE seq = ?`,
	} {
		forged := forgedCopy(t, sva, forge, seq)
		v, err := forged.Verify(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if v.OK() {
			t.Errorf("verify accepts a trail changed by %s", forge)
		}
	}
}

// forgedCopy copies the workspace's file and changes one of its audit
// entries there as someone with the file and a SQLite shell could.
func forgedCopy(t *testing.T, w *app.Workspace, statement string, seq int64) *app.Workspace {
	t.Helper()
	path := filepath.Join(t.TempDir(), "forged.db")
	db, err := sql.Open("sqlite3", w.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`VACUUM INTO ?`, path); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = sql.Open("sqlite3", path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`DROP TRIGGER audit_log_no_update`); err != nil {
		t.Fatal(err)
	}
	if res, err := db.Exec(statement, seq); err != nil {
		t.Fatalf("%s: %v", statement, err)
	} else if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("%s changed %d entries", statement, n)
	}
	forged, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { forged.Close() })
	return forged
}

// TestProvenanceOnAWorkspaceFromBefore0007 takes a workspace with a trail
// back to before migration 0007, opens it with this build (which adds the
// columns), imports a package into it: the old entries still verify, the
// new ones carry the partner's provenance.
func TestProvenanceOnAWorkspaceFromBefore0007(t *testing.T) {
	hmrc := mustOpen(t, "HMR")
	asOfficer(t, hmrc, hmrcOfficer)
	ref := demoCase(t, hmrc)
	pkg, from := sentPackage(t, hmrc, ref)

	path := filepath.Join(t.TempDir(), "before.db")
	sva, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	asOfficer(t, sva, svaOfficer)
	c, err := sva.CreateCase(ctx, model.Case{Title: "Tobacco in furniture, Algeciras", Corridor: model.Corridor("eu_lac"), ThreatTypes: []model.ThreatType{"cocaine"}})
	if err != nil {
		t.Fatal(err)
	}
	sva.Close()

	storagetest.Downgrade(t, path, 6)

	sva, err = app.Open(ctx, path)
	if err != nil {
		t.Fatalf("open a workspace from before 0007: %v", err)
	}
	t.Cleanup(func() { sva.Close() })
	verified(t, sva)
	checkReceived(t, importedEntries(t, sva, pkg), from, svaOfficer.Author())
	verified(t, sva)
	historyLine(t, sva, c.Ref, "M. Torres opened")
	historyLine(t, sva, ref, "received from HMRC (Off. Jane Whitby)")
}
