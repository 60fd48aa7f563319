package app_test

import (
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/model"
)

// A batch numbers its seizures from the case's highest SZ-NNNN, counting
// the ones it adds itself, with or without a ref of their own; the next
// batch goes on from there.
func TestSeizuresNumberedInOneBatch(t *testing.T) {
	w := mustOpen(t)
	c := mustCreateCase(t, w, "Bananas from Guayaquil")
	other := mustCreateCase(t, w, "Cigarettes from Jebel Ali")
	seizure := func(caseID, ref string, i int) model.Seizure {
		return model.Seizure{CaseID: caseID, Ref: ref, SeizedAt: w.Now().Add(-time.Duration(i+1) * time.Hour), PlaceName: "Algeciras",
			Category: model.CommodityCocaine, Description: "bricks", Quantity: float64(i + 1), Unit: model.Kilogram, TransportMode: model.ModeContainer}
	}
	var refs []string
	err := w.Change(ctx, func(b *app.Batch) error {
		for i, tc := range []struct{ caseID, ref string }{
			{c.ID, ""}, {c.ID, ""}, {other.ID, ""}, {c.ID, "SZ-0007"}, {c.ID, ""}, {other.ID, ""}, {c.ID, "SZ-0003"}, {c.ID, ""},
		} {
			s := seizure(tc.caseID, tc.ref, i)
			if err := b.AddSeizure(&s); err != nil {
				return err
			}
			refs = append(refs, s.Ref)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(refs, " "), "SZ-0001 SZ-0002 SZ-0001 SZ-0007 SZ-0008 SZ-0002 SZ-0003 SZ-0009"; got != want {
		t.Fatalf("refs %s, want %s", got, want)
	}
	s, err := w.AddSeizure(ctx, seizure(c.ID, "", 20))
	if err != nil || s.Ref != "SZ-0010" {
		t.Fatalf("the next batch's seizure is %s (%v), want SZ-0010", s.Ref, err)
	}
}
