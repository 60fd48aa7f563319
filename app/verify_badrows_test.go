package app_test

import (
	"testing"
)

// One row with a value Bollard never writes, in any table verify reads, is
// a finding named after its row: the check goes on and reports the rest.
func TestVerifyReportsRowsThatDoNotReadInsteadOfStopping(t *testing.T) {
	t.Run("a partner whose time does not parse", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		sqlOn(t, w, `INSERT INTO partners VALUES ('AAAAC3NzaC1lZDI1NTE5AAAAIDuHkUQ=', 'Evil', 'EVL', 'x', '2026-01-01', '2026-01-01', '')`)
		v := mustVerify(t, w, nil)
		wantProblem(t, v, "partner AAAAC3NzaC1lZDI1NTE5AAAAIDuHkUQ= holds a value Bollard never writes", "first_seen_at", "parsing time", "it is not in the audit trail: it was added outside Bollard")
	})

	t.Run("an exhibit, an attachment and an audit entry whose times do not parse", func(t *testing.T) {
		w, _, x := aCaseWithHistory(t)
		tamper(t, w, `UPDATE audit_log SET at = 'yesterday' WHERE seq = 2`,
			`DROP TRIGGER attachments_no_update`,
			`UPDATE attachments SET added_at = 42`,
			`UPDATE evidence_items SET created_at = 'soon'`)
		v := mustVerify(t, w, nil)
		wantProblems(t, v, "audit entry 2 (", "holds a value Bollard never writes (stored time \"yesterday\"",
			"exhibit "+x.ExhibitRef+" holds a value Bollard never writes",
			"attachment IMG_2041.jpg of exhibit ", "holds a value Bollard never writes",
			"attachments_no_update")
		if v.Entries == 0 {
			t.Error("the trail was not walked")
		}
	})
}

// A damaged signing key with a checkpoint given: both named, the check goes on.
func TestVerifyWithACheckpointReportsADamagedKey(t *testing.T) {
	w, _, _ := aCaseWithHistory(t)
	cp, err := w.Checkpoint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sqlOn(t, w, `UPDATE workspace SET signing_key = 'not a key'`)
	v := mustVerify(t, w, &cp)
	wantProblems(t, v, "the workspace's signing key holds a value Bollard never writes",
		"the checkpoint cannot be checked against this workspace's signing key")
}
