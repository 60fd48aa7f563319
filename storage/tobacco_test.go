package storage

import (
	"context"
	"testing"
	"time"

	"bollard/model"
)

// A seizure's own make-up of its cigarette units is stored, read back and
// changed with the seizure.
func TestSeizureKeepsItsTobaccoFactors(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c := newCase("Operation Humo")
	insertCase(t, s, c)
	sz := newSeizure(c.ID)
	sz.Category, sz.Description, sz.Quantity, sz.Unit = model.CommodityCigarettes, "Marlboro Gold", 12, model.Cartons
	sz.SticksPerPack, sz.PacksPerCarton = 25, 20
	if err := s.Write(ctx, func(tx *Tx) error { return tx.InsertSeizure(sz) }); err != nil {
		t.Fatal(err)
	}
	read := func() model.Seizure {
		var got model.Seizure
		err := s.Read(ctx, func(tx *Tx) (err error) { got, err = tx.SeizureByID(sz.ID); return err })
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	got := read()
	if got.SticksPerPack != 25 || got.PacksPerCarton != 20 || got.CartonsPerMasterCase != 0 {
		t.Fatalf("factors read back %d/%d/%d, want 25/20/0", got.SticksPerPack, got.PacksPerCarton, got.CartonsPerMasterCase)
	}
	got.CartonsPerMasterCase, got.PacksPerCarton = 30, 0
	got.Touch(officer, time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC))
	if err := s.Write(ctx, func(tx *Tx) error { return tx.UpdateSeizure(&got) }); err != nil {
		t.Fatal(err)
	}
	again := read()
	if again.SticksPerPack != 25 || again.PacksPerCarton != 0 || again.CartonsPerMasterCase != 30 {
		t.Fatalf("factors after an edit %d/%d/%d, want 25/0/30", again.SticksPerPack, again.PacksPerCarton, again.CartonsPerMasterCase)
	}
}
