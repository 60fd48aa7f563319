package app_test

import (
	"crypto/ed25519"
	"database/sql"
	"encoding/base64"
	"strings"
	"testing"

	"bollard/app"
	"bollard/model"
)

// sqlOn runs statements on the workspace file as any SQLite client could.
func sqlOn(t *testing.T, w *app.Workspace, statements ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", w.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range statements {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func wantProblems(t *testing.T, v app.Verification, want ...string) {
	t.Helper()
	all := strings.Join(v.Problems, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("no problem says %q; problems:\n%s", w, all)
		}
	}
}

func TestVerifyCoversTrust(t *testing.T) {
	t.Run("a partner edited with an SQLite client is named, field by field", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		err := w.RememberPartner(ctx, model.Partner{PublicKey: "cGFydG5lcg==", Name: "J. Smith", Agency: "HMRC", WorkspaceID: "w-uk"})
		if err != nil {
			t.Fatal(err)
		}
		if v := mustVerify(t, w, nil); !v.OK() {
			t.Fatalf("problems before the edit: %q", v.Problems)
		}
		sqlOn(t, w, `UPDATE partners SET name = 'Mallory', agency = 'HMRC Border Force'`)
		v := mustVerify(t, w, nil)
		wantProblem(t, v, `partner J. Smith (HMRC, key cGFydG5lcg==) differs from its last audit entry (6)`,
			`agency "HMRC" → "HMRC Border Force"; name "J. Smith" → "Mallory"`)
	})

	t.Run("a partner added with an SQLite client is named", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		sqlOn(t, w, `INSERT INTO partners VALUES ('bWFsbG9yeQ==', 'Mallory', 'Nobody', 'w-x', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', '')`)
		wantProblem(t, mustVerify(t, w, nil), "partner Mallory (Nobody, key bWFsbG9yeQ==) is not in the audit trail: it was added outside Bollard")
	})

	t.Run("a safeguard replaced by one of the same name that does nothing is named", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		sqlOn(t, w, `DROP TRIGGER custody_events_no_delete`,
			`CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events BEGIN SELECT 1; END`)
		wantProblem(t, mustVerify(t, w, nil), "the safeguard custody_events_no_delete was replaced by another of the same name",
			"SELECT 1; END")
	})

	t.Run("a replaced signing key names both keys, against a checkpoint and against a key from outside", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		cp, err := w.Checkpoint(ctx) // makes the key: audit entry 6
		if err != nil {
			t.Fatal(err)
		}
		other := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))
		otherPub := base64.StdEncoding.EncodeToString(other.Public().(ed25519.PublicKey))
		sqlOn(t, w, `UPDATE workspace SET signing_key = '`+base64.StdEncoding.EncodeToString(other.Seed())+`'`)

		v, err := w.VerifyAgainst(ctx, &cp, "")
		if err != nil {
			t.Fatal(err)
		}
		wantProblems(t, v,
			"the checkpoint was signed with the key "+cp.PublicKey+", but this workspace's signing key is "+otherPub+
				": the key the checkpoint names was this workspace's at audit entry 6, and was replaced since",
			`the workspace's signing key differs from its last audit entry (6): it was changed outside Bollard: public_key "`+cp.PublicKey+`" → "`+otherPub+`"`)

		v, err = w.VerifyAgainst(ctx, nil, cp.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		wantProblems(t, v, "the workspace's signing key is "+otherPub+", not the expected "+cp.PublicKey+
			" (the expected key was this workspace's at audit entry 6: it was replaced since)")

		v, err = w.VerifyAgainst(ctx, &cp, otherPub)
		if err != nil {
			t.Fatal(err)
		}
		wantProblems(t, v, "the checkpoint was signed with the key "+cp.PublicKey+", not the expected "+otherPub)
	})

	t.Run("a key from outside that matches passes", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		cp, err := w.Checkpoint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []*struct{ cp bool }{{false}, {true}} {
			var v app.Verification
			if c.cp {
				v, err = w.VerifyAgainst(ctx, &cp, cp.PublicKey)
			} else {
				v, err = w.VerifyAgainst(ctx, nil, cp.PublicKey)
			}
			if err != nil || !v.OK() {
				t.Errorf("with checkpoint %v: %q, %v", c.cp, v.Problems, err)
			}
		}
	})

	t.Run("a changed audit entry names its record by case and ref", func(t *testing.T) {
		w, _, _ := aCaseWithHistory(t)
		tamper(t, w, `UPDATE audit_log SET by_name = 'Someone else' WHERE seq = 5`)
		wantProblem(t, mustVerify(t, w, nil),
			"audit entry 5 (update seizure ESA-2026-0001/SZ-0001, 2026-11-27 09:30 by Someone else) was changed after it was written")
	})

	t.Run("a record changed with SQL is named with its case, field and both values", func(t *testing.T) {
		w, _, x := aCaseWithHistory(t)
		sqlOn(t, w, `UPDATE evidence_items SET description = 'empty bag' WHERE id = '`+x.ID+`'`)
		wantProblem(t, mustVerify(t, w, nil), "exhibit ESA-2026-0001/EX-001 differs from its last audit entry",
			`description "cocaine brick, sealed bag" → "empty bag"`)
	})
}

// sqlOnPath runs statements on a workspace file that is not open.
func sqlOnPath(t *testing.T, path string, statements ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range statements {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}
