package app_test

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"bollard/model"
)

// appendForgedEntry appends to the trail an entry chained and hashed as
// Bollard would, as a forger who read docs/evidence-and-audit.md could.
func appendForgedEntry(t *testing.T, db *sql.DB, e model.AuditEntry) {
	t.Helper()
	var prev model.AuditEntry
	if err := db.QueryRow(`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&prev.Seq, &prev.Hash); err != nil {
		t.Fatal(err)
	}
	e.Seq, e.PrevHash = prev.Seq+1, prev.Hash
	e.At = time.Now().UTC().Truncate(time.Microsecond)
	e.Hash = e.ComputeHash()
	_, err := db.Exec(`INSERT INTO audit_log (seq, at, by_name, by_agency, workspace_id, record_type, record_id, case_id, action, before, after, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Seq, e.At.Format("2006-01-02T15:04:05.000000Z"), e.By.Name, e.By.Agency, e.Workspace, e.RecordType, e.RecordID,
		e.CaseID, e.Action, e.Before, e.After, e.PrevHash, e.Hash)
	if err != nil {
		t.Fatal(err)
	}
}

func TestVerifyNamesEntriesBollardNeverWrites(t *testing.T) {
	w, _, x := aCaseWithHistory(t)
	ev, err := w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: x.ID, Action: model.CustodySealed, Place: "Locker 4"})
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", w.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var trigger string
	if err := db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'custody_events_no_update'`).Scan(&trigger); err != nil {
		t.Fatal(err)
	}
	var last model.AuditEntry
	err = db.QueryRow(`SELECT workspace_id, case_id, after FROM audit_log WHERE record_type = 'custody event' AND record_id = ?`, ev.ID).
		Scan(&last.Workspace, &last.CaseID, &last.After)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`DROP TRIGGER custody_events_no_update`, `UPDATE custody_events SET place = 'Car park' WHERE id = '` + ev.ID + `'`, trigger} {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	after := strings.Replace(last.After, `"place":"Locker 4"`, `"place":"Car park"`, 1)
	if after == last.After {
		t.Fatalf("no place in %s", last.After)
	}
	appendForgedEntry(t, db, model.AuditEntry{By: model.Author{Name: "M. Torres"}, Workspace: last.Workspace,
		RecordType: "custody event", RecordID: ev.ID, CaseID: last.CaseID, Action: model.AuditUpdate,
		Before: last.After, After: after})
	wantProblem(t, mustVerify(t, w, nil), "records an update of custody event (sealed, ", "of exhibit "+x.ExhibitRef,
		"a change Bollard never makes: it was written outside Bollard")
}

// A record whose bytes differ from its last entry's but whose values are
// the same was re-encoded outside Bollard: named so, not as a change of
// value between two values that look the same.
func TestVerifySaysReencodedWhenOnlyTheBytesDiffer(t *testing.T) {
	w, s, _ := aCaseWithHistory(t)
	s.Description = "bananas (AAD&A)"
	s, err := w.UpdateSeizure(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", w.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var last model.AuditEntry
	err = db.QueryRow(`SELECT workspace_id, case_id, after FROM audit_log WHERE record_id = ? ORDER BY seq DESC LIMIT 1`, s.ID).
		Scan(&last.Workspace, &last.CaseID, &last.After)
	if err != nil {
		t.Fatal(err)
	}
	after := strings.Replace(last.After, `\u0026`, `&`, 1)
	if after == last.After {
		t.Fatalf("no escaped & in %s", last.After)
	}
	appendForgedEntry(t, db, model.AuditEntry{By: model.Author{Name: "M. Torres", Agency: "SVA"}, Workspace: last.Workspace,
		RecordType: "seizure", RecordID: s.ID, CaseID: last.CaseID, Action: model.AuditUpdate, Before: last.After, After: after})
	v := mustVerify(t, w, nil)
	wantProblem(t, v, "/SZ-0001 differs from its last audit entry", "in its bytes, not its values: it was re-encoded outside Bollard",
		"(commodity_description: the same value, re-encoded)")
	if strings.Contains(v.Problems[0], "→") {
		t.Errorf("a re-encoding is shown as a change of value: %s", v.Problems[0])
	}
}

// A custody event "created" again, or given a new baseline, after its
// creation: both are Bollard's actions for the kind, but never for a
// record that already exists, nor a baseline after the trail began.
func TestVerifyNamesACreationOrBaselineOfARecordAlreadyThere(t *testing.T) {
	for _, action := range []string{model.AuditCreate, model.AuditBaseline} {
		t.Run(action, func(t *testing.T) {
			w, _, x := aCaseWithHistory(t)
			ev, err := w.AddCustodyEvent(ctx, model.CustodyEvent{ItemID: x.ID, Action: model.CustodySealed, Place: "Locker 4"})
			if err != nil {
				t.Fatal(err)
			}
			db, err := sql.Open("sqlite3", w.Path())
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var last model.AuditEntry
			err = db.QueryRow(`SELECT workspace_id, case_id, after FROM audit_log WHERE record_id = ?`, ev.ID).
				Scan(&last.Workspace, &last.CaseID, &last.After)
			if err != nil {
				t.Fatal(err)
			}
			appendForgedEntry(t, db, model.AuditEntry{By: model.Author{Name: "Bollard", Agency: "audit trail started"}, Workspace: last.Workspace,
				RecordType: "custody event", RecordID: ev.ID, CaseID: last.CaseID, Action: action, After: last.After})
			wantProblem(t, mustVerify(t, w, nil), "of custody event (sealed, ", "which audit entry ", "already recorded",
				"a change Bollard never makes: it was written outside Bollard")
		})
	}
}
