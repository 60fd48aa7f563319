package app_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/model"
	"bollard/storage"
	"bollard/storage/storagetest"
)

// Earlier versions changed a role by unlinking and linking again, and a
// merge brought the unlinked one back: an entity stood twice in a case.
// Opening such a workspace keeps the newest link and removes the others by
// an audited tombstone, which travels to the partners holding them too.
func TestDuplicateLinksAreRepairedKeepingTheNewest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	w, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	officer, err := w.SetOfficer(ctx, model.Officer{Name: "M. Torres", Agency: "SVA", Country: "ES", RefPrefix: "esa"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := w.CreateCase(ctx, model.Case{Title: "Cocaine in bananas", Corridor: model.CorridorEULAC,
		ThreatTypes: []model.ThreatType{model.ThreatCocaine}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindPerson, Name: "Muñoz-Rojas"})
	if err != nil {
		t.Fatal(err)
	}
	old, err := w.LinkEntity(ctx, model.CaseLink{CaseID: c.ID, EntityID: p.ID, Role: model.RoleSuspect})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()

	// The duplicate, as an earlier version's merge wrote it: a second
	// link of the same entity, saved later, audited like any write.
	s, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	newer := model.CaseLink{CaseID: c.ID, EntityID: p.ID, Role: model.RoleWitness}
	newer.Stamp(model.Author{Name: "J. Smith", Agency: "HMRC"}, model.NewID(), later)
	if err := s.Write(ctx, func(tx *storage.Tx) error {
		tx.SetAuthor(officer.Author(), w.ID(), later)
		return tx.InsertCaseLink(&newer)
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	storagetest.Downgrade(t, path, 5)

	w, err = app.Open(ctx, path)
	if err != nil {
		t.Fatalf("open a workspace with duplicate links: %v", err)
	}
	t.Cleanup(func() { w.Close() })
	f, err := w.CaseFile(ctx, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entities) != 1 || f.Entities[0].Link.ID != newer.ID || f.Entities[0].Link.Role != model.RoleWitness {
		t.Fatalf("after the repair the case lists %d links (%+v), want only the newest, as witness", len(f.Entities), f.Entities)
	}
	if v := mustVerify(t, w, nil); !v.OK() {
		t.Fatalf("verify after the repair: %q", v.Problems)
	}
	lines, err := w.CaseHistory(ctx, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range lines {
		if l.Entry.RecordID == old.ID && strings.Contains(l.Entry.By.String(), storage.LinkRepairAuthor.Agency) {
			found = true
		}
	}
	if !found {
		t.Fatalf("no history line credits the repair of link %s: %+v", old.ID, lines)
	}
}
