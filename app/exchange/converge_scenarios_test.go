package exchange_test

import (
	"testing"
	"time"

	"bollard/model"
)

// Small, fixed scenarios of the convergence test (converge_test.go): a
// situation the random runs do not reach, played out step by step.

// sameVessel has sides record the same vessel (one IMO number), each under
// its own UUID, and link it to the joint case, each with its own role, in
// that order.
func sameVessel(t *testing.T, w *world, order ...int) {
	t.Helper()
	c := caseFile(t, w.sides[0].w, w.ref).Case
	roles := []model.CaseRole{model.RoleCarrier, model.RoleOwner, model.RoleSuspect}
	for _, i := range order {
		e, err := w.sides[i].w.CreateEntity(ctx, model.Entity{Kind: model.KindVessel, Name: "MSC Cordoba", Identifiers: model.Identifiers{IMO: "9074729"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.sides[i].w.LinkEntity(ctx, model.CaseLink{CaseID: c.ID, EntityID: e.ID, Role: roles[i]}); err != nil {
			t.Fatal(err)
		}
		w.logf("%s records vessel IMO 9074729 (%s) and links it as %s", w.name(i), short8(e.ID), roles[i])
	}
}

// vesselRoles are the roles the vessel has in the case on each side.
func vesselRoles(t *testing.T, w *world) []string {
	var out []string
	for _, s := range w.sides {
		role := "(not linked)"
		for _, ce := range caseFile(t, s.w, w.ref).Entities {
			if ce.Entity.IMO == "9074729" {
				role = string(ce.Link.Role)
			}
		}
		out = append(out, role)
	}
	return out
}

// TestConvergeSameVesselOnTwoSides: a merge takes the partner's record of
// a vessel it already holds (the same IMO) as its own, and the partner's
// link of it to the case as a version of its own link. Every side ends
// with the vessel in one role.
//
// The two sides keep their own UUID of the vessel (a merge keeps ours), so
// their cases differ in the vessel's id, its link's id and who recorded it
// first: this scenario compares the roles, not the whole case.
func TestConvergeSameVesselOnTwoSides(t *testing.T) {
	t.Run("the first to record it sends first", func(t *testing.T) {
		w := newWorld(t, 1, sendContent)
		sameVessel(t, w, 0, 1)
		w.deliver(w.send(0, 1))
		w.deliver(w.send(1, 0))
		w.settle()
		if roles := vesselRoles(t, w); roles[0] != roles[1] || roles[1] != roles[2] {
			w.fail("the vessel's roles differ: %v", roles)
		}
	})
	t.Run("the last to record it sends first", func(t *testing.T) {
		w := newWorld(t, 1, sendContent)
		sameVessel(t, w, 1, 0)
		w.deliver(w.send(0, 1))
		w.deliver(w.send(1, 0))
		w.settle()
		if roles := vesselRoles(t, w); roles[0] != roles[1] || roles[1] != roles[2] {
			w.fail("the vessel's roles differ: %v", roles)
		}
	})
}

// TestConvergeConflictSentBack: both sides change a seizure's notes; the
// first sends its package, which raises a conflict at the second; the
// second sends its package back before settling. The first must not take
// the second's notes as settled: the second has chosen nothing yet.
func TestConvergeConflictSentBack(t *testing.T) {
	w := newWorld(t, 1, sendContent)
	a := w.sides[0].w
	f := caseFile(t, a, w.ref)
	s, err := a.AddSeizure(ctx, model.Seizure{CaseID: f.Case.ID, SeizedAt: f.Case.OpenedOn.Time().Add(6 * time.Hour),
		PlaceName: "Algeciras, TCB terminal", Category: model.CommodityCocaine, Description: "bricks in reefer",
		Quantity: 12.5, Unit: model.Kilogram, TransportMode: model.ModeContainer})
	if err != nil {
		t.Fatal(err)
	}
	w.deliver(w.send(0, 1))
	for i, notes := range []string{"SVA: weighed again at the lab", "HMRC: second sample sent"} {
		x, err := w.sides[i].w.Seizure(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		x.Notes = notes
		if _, err := w.sides[i].w.UpdateSeizure(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	if sum := w.deliver(w.send(0, 1)); sum.Conflicts != 1 {
		t.Fatalf("SVA → HMRC: %+v, want a conflict on the notes", sum)
	}
	sum := w.deliver(w.send(1, 0))
	got, _ := a.Seizure(ctx, s.ID)
	if open, _ := a.Conflicts(ctx, ""); len(open) != 1 || got.Notes != "SVA: weighed again at the lab" {
		t.Fatalf("HMRC → SVA with HMRC's conflict still open: %+v; SVA's notes now %q, %d conflicts open: want SVA's notes kept and the conflict raised at SVA too",
			sum, got.Notes, len(open))
	}
}
