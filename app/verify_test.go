package app_test

import (
	"database/sql"
	"os"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"bollard/app"
	"bollard/model"
)

// tamper changes the workspace file behind Bollard's back, as someone with
// the file and an SQLite shell could: the audit trail's triggers dropped
// first and put back afterwards, as a careful forger would.
func tamper(t *testing.T, w *app.Workspace, statements ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", w.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var triggers []string
	rows, err := db.Query(`SELECT sql FROM sqlite_master WHERE name IN ('audit_log_no_update', 'audit_log_no_delete')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		triggers = append(triggers, s)
	}
	rows.Close()
	statements = append([]string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`}, statements...)
	for _, s := range append(statements, triggers...) {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func mustVerify(t *testing.T, w *app.Workspace, cp *model.Checkpoint) app.Verification {
	t.Helper()
	v, err := w.Verify(ctx, cp)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// wantProblem checks that verification found exactly one problem, saying all of want.
func wantProblem(t *testing.T, v app.Verification, want ...string) {
	t.Helper()
	if len(v.Problems) != 1 {
		t.Fatalf("problems = %q, want one", v.Problems)
	}
	for _, w := range want {
		if !strings.Contains(v.Problems[0], w) {
			t.Errorf("problem %q does not say %q", v.Problems[0], w)
		}
	}
}

// aCaseWithHistory is a workspace with a case, a seizure edited once and an
// exhibit with a photo.
func aCaseWithHistory(t *testing.T) (*app.Workspace, model.Seizure, model.EvidenceItem) {
	t.Helper()
	w := mustOpen(t)
	c, x := mustAddExhibit(t, w, writeFile(t, "IMG_2041.jpg", "\xFF\xD8\xFF the brick"))
	s, err := w.AddSeizure(ctx, validSeizure(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	s.Quantity = 1250
	if s, err = w.UpdateSeizure(ctx, s); err != nil {
		t.Fatal(err)
	}
	return w, s, x
}

func TestVerify(t *testing.T) {
	t.Run("an untouched workspace is intact", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		v := mustVerify(t, w, nil)
		if !v.OK() {
			t.Fatalf("problems: %q", v.Problems)
		}
		// case, exhibit, attachment, seizure, seizure edit
		if v.Entries != 5 || v.Head.Seq != 5 || v.Records != 4 || v.Files != 1 {
			t.Errorf("checked %d entries (head %d), %d records, %d files; want 5, 5, 4, 1", v.Entries, v.Head.Seq, v.Records, v.Files)
		}
	})

	t.Run("one byte of a stored file flipped names the exhibit", func(t *testing.T) {
		w, _, x := aCaseWithHistory(t)
		p := w.AttachmentPath(x.Attachments[0].SHA256)
		os.Chmod(p, 0o600)
		b, _ := os.ReadFile(p)
		b[5] ^= 1
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		wantProblem(t, mustVerify(t, w, nil), "exhibit "+x.ExhibitRef, "IMG_2041.jpg", "no longer matches")
	})

	t.Run("a deleted stored file names the exhibit", func(t *testing.T) {
		w, _, x := aCaseWithHistory(t)
		os.Remove(w.AttachmentPath(x.Attachments[0].SHA256))
		wantProblem(t, mustVerify(t, w, nil), "exhibit "+x.ExhibitRef, "missing")
	})

	t.Run("an audit entry changed with SQL is named", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		tamper(t, w, `UPDATE audit_log SET after = replace(after, '1250', '1150') WHERE seq = 5`)
		v := mustVerify(t, w, nil)
		// The seizure no longer matches the forged entry either.
		if len(v.Problems) != 2 || !strings.Contains(v.Problems[0], "audit entry 5 (update seizure") ||
			!strings.Contains(v.Problems[0], "changed after it was written") {
			t.Errorf("problems = %q", v.Problems)
		}
	})

	t.Run("an audit entry replaced, hash and all, breaks the chain after it", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		tamper(t, w, `UPDATE audit_log SET hash = 'f00d' || substr(hash, 5) WHERE seq = 3`)
		v := mustVerify(t, w, nil)
		if len(v.Problems) != 2 || !strings.Contains(v.Problems[0], "audit entry 3 (create attachment") ||
			!strings.Contains(v.Problems[1], "audit entry 4") || !strings.Contains(v.Problems[1], "does not chain") {
			t.Errorf("problems = %q", v.Problems)
		}
	})

	t.Run("a record changed with SQL is named", func(t *testing.T) {
		w, s, _ := aCaseWithHistory(t)
		tamper(t, w, `UPDATE seizures SET quantity = 900 WHERE id = '`+s.ID+`'`)
		wantProblem(t, mustVerify(t, w, nil), "seizure ESA-2026-0001/SZ-0001", "differs from its last audit entry (5)", "quantity 1250 → 900")
	})

	t.Run("entries deleted from the end are caught against a checkpoint", func(t *testing.T) {
		w, s, _ := aCaseWithHistory(t)
		cp, err := w.Checkpoint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !mustVerify(t, w, &cp).OK() {
			t.Fatal("a fresh checkpoint does not verify")
		}
		// The checkpoint made the signing key: its entry (6) is the last.
		// Without it the key itself is no longer in the trail, and says so.
		tamper(t, w, `DELETE FROM audit_log WHERE seq >= 4`, `DELETE FROM seizures WHERE id = '`+s.ID+`'`)
		v := mustVerify(t, w, &cp)
		if len(v.Problems) != 2 || !strings.Contains(v.Problems[0], "ends at entry 3, but the checkpoint of 2026-11-27 09:30 recorded 6 entries: entries 4 to 6 were deleted") ||
			!strings.Contains(v.Problems[1], "the workspace's signing key is not in the audit trail") {
			t.Errorf("problems = %q", v.Problems)
		}
	})

	t.Run("a rewritten trail is caught against a checkpoint", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		cp, _ := w.Checkpoint(ctx)
		tamper(t, w, `UPDATE audit_log SET hash = 'beef' || substr(hash, 5) WHERE seq = 6`)
		v := mustVerify(t, w, &cp)
		if len(v.Problems) != 2 || !strings.Contains(v.Problems[1], "differs from the checkpoint") {
			t.Errorf("problems = %q", v.Problems)
		}
	})

	t.Run("a safeguard removed is named", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		db, err := sql.Open("sqlite3", w.Path())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(`DROP TRIGGER custody_events_no_delete`); err != nil {
			t.Fatal(err)
		}
		wantProblem(t, mustVerify(t, w, nil), "the safeguard custody_events_no_delete was removed")
	})

	t.Run("a value Bollard never writes is named against its record", func(t *testing.T) {
		w, s, _ := aCaseWithHistory(t)
		tamper(t, w, `UPDATE seizures SET seized_at = '20/11/2026 06:00' WHERE id = '`+s.ID+`'`)
		v := mustVerify(t, w, nil)
		// The rest is still checked: the file counts.
		if len(v.Problems) != 1 || !strings.Contains(v.Problems[0], "seizure ESA-2026-0001/"+s.Ref+" holds a value Bollard never writes") || v.Files != 1 {
			t.Errorf("problems = %q, %d files checked", v.Problems, v.Files)
		}
	})

	t.Run("a checkpoint of a new workspace is extended by any trail", func(t *testing.T) {
		w := mustOpen(t)
		cp, err := w.Checkpoint(ctx)
		// Its one entry: the signing key the checkpoint made.
		if err != nil || cp.Seq != 1 {
			t.Fatalf("checkpoint = %+v, %v", cp, err)
		}
		mustCreateCase(t, w, "After the checkpoint")
		if v := mustVerify(t, w, &cp); !v.OK() {
			t.Errorf("problems = %q", v.Problems)
		}
	})

	t.Run("a checkpoint changed after signing, or of another workspace, is refused", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		cp, _ := w.Checkpoint(ctx)
		forged := cp
		forged.Seq = 2
		wantProblem(t, mustVerify(t, w, &forged), "signature does not match")
		other := mustOpen(t)
		theirs, _ := other.Checkpoint(ctx)
		wantProblem(t, mustVerify(t, w, &theirs), "made by another workspace")
	})
}

func TestAuditTrail(t *testing.T) {
	t.Run("a change that fails writes no entry", func(t *testing.T) {
		w, s, _ := aCaseWithHistory(t)
		err := w.Change(ctx, func(b *app.Batch) error {
			s.Quantity = 1
			if err := b.UpdateSeizure(&s); err != nil {
				return err
			}
			s.Country = "Atlantis"
			return b.UpdateSeizure(&s)
		})
		if err == nil {
			t.Fatal("an invalid country was accepted")
		}
		head, _ := w.AuditHead(ctx)
		if head.Seq != 5 {
			t.Errorf("head = %d, want 5: the failed batch left entries", head.Seq)
		}
	})

	t.Run("the case history reads as sentences, newest first", func(t *testing.T) {
		w, _, x := aCaseWithHistory(t)
		lines, err := w.CaseHistory(ctx, strings.Split(x.ExhibitRef, "/")[0])
		if err != nil || len(lines) != 5 {
			t.Fatalf("history = %d lines, %v", len(lines), err)
		}
		want := []string{
			"M. Torres changed seizure SZ-0001 quantity 1,200 kg → 1,250 kg",
			"M. Torres added seizure SZ-0001",
			"M. Torres attached IMG_2041.jpg to exhibit " + x.ExhibitRef + " (SHA-256 " + x.Attachments[0].SHA256 + ")",
			"M. Torres added exhibit " + x.ExhibitRef,
			"M. Torres opened case ESA-2026-0001",
		}
		for i, l := range lines {
			if l.Text != want[i] {
				t.Errorf("line %d = %q\n      want %q", i, l.Text, want[i])
			}
		}
	})

	t.Run("the trail refuses to be changed", func(t *testing.T) {
		w, _, x := aCaseWithHistory(t)
		if _, err := w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: x.ID, Action: model.CustodySealed}); err != nil {
			t.Fatal(err)
		}
		db, err := sql.Open("sqlite3", w.Path())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, s := range []string{`UPDATE audit_log SET by_name = 'X'`, `DELETE FROM audit_log WHERE seq = 5`,
			`UPDATE custody_events SET place = 'X'`, `DELETE FROM attachments`} {
			if _, err := db.Exec(s); err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("%s: %v", s, err)
			}
		}
	})
}
