package model

import (
	"strings"
	"testing"
	"time"
)

// anEntry is an audit entry as the trail held one before provenance
// existed.
func anEntry() AuditEntry {
	return AuditEntry{Seq: 42, At: time.Date(2026, 11, 27, 10, 4, 5, 123456000, time.UTC), By: Author{Name: "M. Torres", Agency: "SVA"},
		Workspace: "0b6e1c1e-7d2f-4c47-9d3e-2f0f3c9a1a11", RecordType: "seizure", RecordID: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
		CaseID: "1d4b2c8e-3a5f-4e6d-8b7c-9a0e1f2d3c4b", Action: "update", Before: `{"quantity":54}`, After: `{"quantity":55}`, PrevHash: "ab"}
}

func TestProvenanceInTheHash(t *testing.T) {
	t.Run("an entry without provenance hashes as before 0007", func(t *testing.T) {
		// The hash this entry had when Bollard wrote it without provenance.
		const before0007 = "a3072dae550880dbafd2b92bf1301658b01caff211a20102863a812564febb0d"
		if got := anEntry().ComputeHash(); got != before0007 {
			t.Fatalf("hash %s, want %s: the trails written before provenance no longer verify", got, before0007)
		}
	})
	received := Provenance{Officer: Author{Name: "Off. Jane Whitby", Agency: "HMRC"},
		Package: "3f2a91c0d4b1e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0", Key: "Cq3Ztb2tAhlc8qhtJ+g9qz1x1kNM6Uf1xKk4cJkqW0E="}
	with := anEntry()
	with.By, with.Received = received.Officer, received
	seen := map[string]string{anEntry().ComputeHash(): "no provenance", with.ComputeHash(): "provenance"}
	for name, change := range map[string]func(*Provenance){
		"officer":        func(p *Provenance) { p.Officer.Name = "Off. J. Whitby" },
		"agency":         func(p *Provenance) { p.Officer.Agency = "Border Force" },
		"package":        func(p *Provenance) { p.Package = strings.Repeat("0", 64) },
		"key":            func(p *Provenance) { p.Key = "AAAA" },
		"field boundary": func(p *Provenance) { p.Officer.Name, p.Officer.Agency = "Off. Jane WhitbyH", "MRC" },
	} {
		e := with
		change(&e.Received)
		h := e.ComputeHash()
		if other, ok := seen[h]; ok {
			t.Errorf("changing the provenance's %s leaves the hash of %s", name, other)
		}
		seen[h] = name
	}
}

func TestProvenanceText(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    Provenance
		want string
	}{
		{"agency and officer", Provenance{Officer: Author{Name: "Off. Jane Whitby", Agency: "HMRC"}, Package: "3f2a91c0d4b1e5f6"},
			"received from HMRC (Off. Jane Whitby) in package 3f2a91c0…"},
		{"no agency", Provenance{Officer: Author{Name: "Off. Jane Whitby"}, Package: "3f2a91c0d4b1e5f6"},
			"received from Off. Jane Whitby in package 3f2a91c0…"},
		{"nobody named", Provenance{Package: "3f2a91c0d4b1e5f6"}, "received from a partner in package 3f2a91c0…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.p.String(); got != tc.want {
				t.Fatalf("%q, want %q", got, tc.want)
			}
		})
	}
	if !(Provenance{}).IsZero() || (Provenance{Package: "3f"}).IsZero() {
		t.Fatal("IsZero")
	}
}
