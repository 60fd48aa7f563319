package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bollard/model"
)

// auditOf returns the trail's entries about one kind of record, oldest first.
func auditOf(t *testing.T, s *Store, recordType string) []model.AuditEntry {
	t.Helper()
	var out []model.AuditEntry
	err := s.Read(context.Background(), func(tx *Tx) error {
		return tx.EachAuditEntry(func(e model.AuditEntry) error {
			if e.RecordType == recordType {
				out = append(out, e)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Whom the workspace trusts is audited: a partner's first acceptance and
// each later change, and each key made, by its public half only.
func TestTrustIsAudited(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	seen := time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)
	secret := mustAgeKey(t)
	err := s.Write(ctx, func(tx *Tx) error {
		tx.SetAuthor(officer, "ws", seen)
		if err := tx.PutPartner(model.Partner{PublicKey: "k1", Name: "A", Agency: "HMRC", WorkspaceID: "w1", LastSeenAt: seen}); err != nil {
			return err
		}
		if err := tx.PutPartner(model.Partner{PublicKey: "k1", Name: "A. Smith", Agency: "HMRC", WorkspaceID: "w1", LastSeenAt: seen.Add(time.Hour)}); err != nil {
			return err
		}
		if _, err := tx.SigningKey(); err != nil {
			return err
		}
		return tx.SetAgeIdentity(secret)
	})
	if err != nil {
		t.Fatal(err)
	}
	partners := auditOf(t, s, model.RecordPartner)
	if len(partners) != 2 || partners[0].Action != model.AuditCreate || partners[1].Action != model.AuditUpdate ||
		partners[1].By != officer {
		t.Fatalf("partner entries: %+v", partners)
	}
	var p model.Partner
	if err := json.Unmarshal([]byte(partners[1].After), &p); err != nil || p.Name != "A. Smith" {
		t.Errorf("partner entry after: %s", partners[1].After)
	}
	keys := auditOf(t, s, model.RecordKey)
	if len(keys) != 2 || keys[0].RecordID != model.KeySigning || keys[1].RecordID != model.KeyAge {
		t.Fatalf("key entries: %+v", keys)
	}
	for _, e := range keys {
		var k model.WorkspaceKey
		if err := json.Unmarshal([]byte(e.After), &k); err != nil || k.PublicKey == "" {
			t.Errorf("key entry %s: %s", e.RecordID, e.After)
		}
		if e.After == secret || strings.Contains(e.After, "AGE-SECRET-KEY") {
			t.Errorf("the key's entry holds its secret: %s", e.After)
		}
	}
	// The stored records are what the entries say.
	err = s.Read(ctx, func(tx *Tx) error {
		latest := map[string]string{}
		for _, e := range append(partners, keys...) {
			latest[e.RecordType+"/"+e.RecordID] = e.After
		}
		n := 0
		err := tx.EachTrustRecord(func(r StoredRecord) error {
			n++
			if latest[r.Type+"/"+r.ID] != r.JSON {
				t.Errorf("%s %s is %s, its entry says %s", r.Type, r.ID, r.JSON, latest[r.Type+"/"+r.ID])
			}
			return nil
		})
		if n != 3 {
			t.Errorf("%d trust records, want 3", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A workspace of the current release (schema 3) with partners and keys gets
// a baseline entry for each when it is opened by this build, once.
func TestTrustTrailStartsWithWhatIsThere(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v3.db")
	db, err := sql.Open("sqlite3", dsn(path, false, nil))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db, 3, nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO workspace (id, created_at, signing_key, age_identity) VALUES ('6f1c1b7e-8d2a-4c3e-9b1a-1d2e3f4a5b6c', '2025-01-02T03:04:05.000000Z',
			'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=', '` + mustAgeKey(t) + `')`,
		`INSERT INTO partners VALUES ('k1', 'A', 'HMRC', 'w1', '2026-03-14T09:30:00.000000Z', '2026-03-14T09:30:00.000000Z')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	for range 2 {
		s := mustOpenAt(t, path)
		var got []string
		for _, typ := range []string{model.RecordPartner, model.RecordKey} {
			for _, e := range auditOf(t, s, typ) {
				if e.Action != model.AuditBaseline || e.By != model.AuditBaselineAuthor {
					t.Errorf("entry %d: %s by %v", e.Seq, e.Action, e.By)
				}
				got = append(got, e.RecordType+"/"+e.RecordID)
			}
		}
		if len(got) != 3 || got[0] != "partner/k1" || got[1] != "workspace key/signing" || got[2] != "workspace key/age" {
			t.Fatalf("baseline entries: %q", got)
		}
		s.Close()
	}
}
