package exchange_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/exchange"
	"bollard/model"
)

// linkOf returns the live link of the entity in the case file, and how
// many live links it has there (one, or none).
func linkOf(f app.CaseFile, entityID string) (model.CaseLink, int) {
	var l model.CaseLink
	n := 0
	for _, ce := range f.Entities {
		if ce.Entity.ID == entityID {
			l, n = ce.Link, n+1
		}
	}
	return l, n
}

// Every removal is a change that travels, and none comes back with the
// partner's next package: an unlinked entity, a role changed (an edit of
// the link, never a second one), a relation, a task and a note removed.
func TestRemovalsTravel(t *testing.T) {
	a, b := mustOpen(t, "ESA"), mustOpen(t, "GBH")
	ref := demoCase(t, a)
	exchangeContent(t, a, b, ref)
	f := caseFile(t, a, ref)
	if len(f.Entities) < 2 || len(f.Relations) == 0 || len(f.Tasks) == 0 {
		t.Fatalf("the demo case is too small: %d entities, %d relations, %d tasks", len(f.Entities), len(f.Relations), len(f.Tasks))
	}
	note, err := a.AddNote(ctx, model.Note{CaseID: f.Case.ID, Body: "The consignee's phone was seized."})
	if err != nil {
		t.Fatal(err)
	}
	exchangeContent(t, a, b, ref)

	gone, moved := f.Entities[0], f.Entities[1]
	if err := a.UnlinkEntity(ctx, gone.Link.ID); err != nil {
		t.Fatal(err)
	}
	newRole := model.RoleWitness
	if moved.Link.Role == newRole {
		newRole = model.RoleSuspect
	}
	l := moved.Link
	l.Role = newRole
	if _, err := a.UpdateLink(ctx, l); err != nil {
		t.Fatal(err)
	}
	rel, task := f.Relations[0], f.Tasks[0]
	for kind, id := range map[string]string{model.RecordRelation: rel.ID, model.RecordTask: task.ID, model.RecordNote: note.ID} {
		if _, err := a.Remove(ctx, kind, id); err != nil {
			t.Fatalf("remove %s: %v", kind, err)
		}
	}

	sum := exchangeContent(t, a, b, ref)
	if sum.Conflicts != 0 {
		t.Fatalf("A → B: %+v", sum)
	}
	for _, w := range []*app.Workspace{b, a} {
		got := caseFile(t, w, ref)
		if _, n := linkOf(got, gone.Entity.ID); n != 0 {
			t.Errorf("%s: the unlinked %s is still linked", w.Path(), gone.Entity.Name)
		}
		if l, n := linkOf(got, moved.Entity.ID); n != 1 || l.Role != newRole {
			t.Errorf("%s: %s has %d links, role %q; want one, as %s", w.Path(), moved.Entity.Name, n, l.Role, newRole)
		}
		if slices.ContainsFunc(got.Relations, func(r model.Relation) bool { return r.ID == rel.ID }) {
			t.Errorf("%s: the removed relation is still there", w.Path())
		}
		if slices.ContainsFunc(got.Tasks, func(x model.Task) bool { return x.ID == task.ID }) {
			t.Errorf("%s: the removed task is still there", w.Path())
		}
		if slices.ContainsFunc(got.Notes, func(x model.Note) bool { return x.ID == note.ID }) {
			t.Errorf("%s: the removed note is still there", w.Path())
		}
		verified(t, w)
	}
	// B's next package brings nothing back.
	if sum := exchangeContent(t, b, a, ref); sum.Added+sum.Updated+sum.Conflicts != 0 {
		t.Fatalf("B → A after the removals: %+v", sum)
	}
	if _, n := linkOf(caseFile(t, a, ref), gone.Entity.ID); n != 0 {
		t.Fatal("the unlinked entity came back with B's package")
	}

	t.Run("linking again puts the same link back", func(t *testing.T) {
		back, err := a.LinkEntity(ctx, model.CaseLink{CaseID: f.Case.ID, EntityID: gone.Entity.ID, Role: model.RoleSuspect})
		if err != nil {
			t.Fatal(err)
		}
		if back.ID != gone.Link.ID {
			t.Fatalf("linking again made link %s, not the removed %s", back.ID, gone.Link.ID)
		}
		exchangeContent(t, a, b, ref)
		if l, n := linkOf(caseFile(t, b, ref), gone.Entity.ID); n != 1 || l.Role != model.RoleSuspect {
			t.Fatalf("at B: %d links, role %q", n, l.Role)
		}
	})
}

// Two agencies linking the same entity to the same case make one link,
// not two: its role is compared like any field.
func TestTheSameLinkMadeOnBothSides(t *testing.T) {
	a, b := mustOpen(t, "ESA"), mustOpen(t, "GBH")
	c, err := a.CreateCase(ctx, model.Case{Title: "Cigarettes in furniture", Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatCocaine}})
	if err != nil {
		t.Fatal(err)
	}
	e, err := a.CreateEntity(ctx, model.Entity{Kind: model.KindPerson, Name: "Jean O'Neill"})
	if err != nil {
		t.Fatal(err)
	}
	exchangeContent(t, a, b, c.Ref)
	if _, err := a.LinkEntity(ctx, model.CaseLink{CaseID: c.ID, EntityID: e.ID, Role: model.RoleSuspect}); err != nil {
		t.Fatal(err)
	}
	// The entity travels with a case it is linked to; B links it as a witness.
	if _, err := b.CreateEntity(ctx, e); err != nil {
		t.Fatal(err)
	}
	if _, err := b.LinkEntity(ctx, model.CaseLink{CaseID: c.ID, EntityID: e.ID, Role: model.RoleWitness}); err != nil {
		t.Fatal(err)
	}
	fromA, fromB := exportContent(t, a, c.Ref), exportContent(t, b, c.Ref)
	sumA, sumB := fromB(a), fromA(b)
	if sumA.Conflicts != 1 || sumB.Conflicts != 1 {
		t.Fatalf("want the role in conflict on each side: A %+v, B %+v", sumA, sumB)
	}
	for _, w := range []*app.Workspace{a, b} {
		if _, n := linkOf(caseFile(t, w, c.Ref), e.ID); n != 1 {
			t.Fatalf("%s: %d links, want one", w.Path(), n)
		}
	}
}

// A removal on one side and an edit on the other is a conflict, and so is
// settled by an officer; the settlement travels and closes the partner's
// side of it.
func TestRemovedThereEditedHere(t *testing.T) {
	a, b := mustOpen(t, "ESA"), mustOpen(t, "GBH")
	ref := demoCase(t, a)
	exchangeContent(t, a, b, ref)
	task := caseFile(t, a, ref).Tasks[0]
	if err := a.RemoveTask(ctx, task.ID); err != nil {
		t.Fatal(err)
	}
	tb := task
	got, _ := b.CaseFile(ctx, ref)
	for _, x := range got.Tasks {
		if x.ID == task.ID {
			tb = x
		}
	}
	tb.Title = "Ask the shipping line for the booking history"
	if _, err := b.UpdateTask(ctx, tb); err != nil {
		t.Fatal(err)
	}
	fromA, fromB := exportContent(t, a, ref), exportContent(t, b, ref)
	if sum := fromB(a); sum.Conflicts != 1 {
		t.Fatalf("B → A: %+v, want the removal in conflict", sum)
	}
	if sum := fromA(b); sum.Conflicts != 1 {
		t.Fatalf("A → B: %+v, want the removal in conflict", sum)
	}
	cs, _ := a.Conflicts(ctx, ref)
	if len(cs) != 1 || !slices.Equal(conflictFields(cs[0]), []string{"removed"}) {
		t.Fatalf("A's conflicts: %s", asJSON(cs))
	}
	if _, err := a.ResolveConflict(ctx, cs[0].ID, app.KeepMine); err != nil {
		t.Fatal(err)
	}
	sum := exchangeContent(t, a, b, ref)
	if sum.Settled != 1 {
		t.Fatalf("A's settlement at B: %+v, want B's conflict settled", sum)
	}
	if left, _ := b.Conflicts(ctx, ""); len(left) != 0 {
		t.Fatalf("B still holds %s", asJSON(left))
	}
	if slices.ContainsFunc(caseFile(t, b, ref).Tasks, func(x model.Task) bool { return x.ID == task.ID }) {
		t.Fatal("B kept the task A removed and settled as removed")
	}
	if sum := exchangeContent(t, b, a, ref); sum.Conflicts+sum.Updated != 0 {
		t.Fatalf("B → A after settling: %+v", sum)
	}
	verified(t, a)
	verified(t, b)
}

// After one side settles its conflicts and sends the case back, the other
// side holds none: the settlement is a change it receives, and its own
// conflict closes; "keep theirs" can no longer bring back the text the
// first side rejected.
func TestSettledConflictsCloseOnTheOtherSide(t *testing.T) {
	a, b := mustOpen(t, "ESA"), mustOpen(t, "GBH")
	ref := demoCase(t, a)
	exchangeContent(t, a, b, ref)
	s := caseFile(t, a, ref).Seizures[0]
	sa := s
	sa.Notes = "A: 1,200 kg, lab result pending"
	if _, err := a.UpdateSeizure(ctx, sa); err != nil {
		t.Fatal(err)
	}
	sb, _ := b.Seizure(ctx, s.ID)
	sb.Notes = "B: about a tonne"
	if _, err := b.UpdateSeizure(ctx, sb); err != nil {
		t.Fatal(err)
	}
	fromA, fromB := exportContent(t, a, ref), exportContent(t, b, ref)
	fromB(a)
	fromA(b)
	ca, _ := a.Conflicts(ctx, "")
	cb, _ := b.Conflicts(ctx, "")
	if len(ca) != 1 || len(cb) != 1 {
		t.Fatalf("want one conflict on each side: A %d, B %d", len(ca), len(cb))
	}
	if _, err := a.ResolveConflict(ctx, ca[0].ID, app.KeepMine); err != nil {
		t.Fatal(err)
	}
	if sum := exchangeContent(t, a, b, ref); sum.Settled != 1 || sum.Conflicts != 0 {
		t.Fatalf("A → B after A settled: %+v", sum)
	}
	if left, _ := b.Conflicts(ctx, ""); len(left) != 0 {
		t.Fatalf("B's conflict stays open: %s", asJSON(left))
	}
	if _, err := b.ResolveConflict(ctx, cb[0].ID, app.TakeTheirs); err == nil {
		t.Fatal("B could still settle a conflict the partner settled")
	}
	if got, _ := b.Seizure(ctx, s.ID); got.Notes != sa.Notes {
		t.Fatalf("B's notes %q, want A's choice %q", got.Notes, sa.Notes)
	}
	if sum := exchangeContent(t, b, a, ref); sum.Conflicts+sum.Updated != 0 {
		t.Fatalf("B → A: %+v", sum)
	}
	if left, _ := a.Conflicts(ctx, ""); len(left) != 0 {
		t.Fatalf("A holds %s", asJSON(left))
	}

	t.Run("both settle, differently, and still agree", func(t *testing.T) {
		sa, _ := a.Seizure(ctx, s.ID)
		sa.Concealment = "A: in the banana boxes"
		if _, err := a.UpdateSeizure(ctx, sa); err != nil {
			t.Fatal(err)
		}
		sb, _ := b.Seizure(ctx, s.ID)
		sb.Concealment = "B: in the reefer unit"
		if _, err := b.UpdateSeizure(ctx, sb); err != nil {
			t.Fatal(err)
		}
		fromA, fromB := exportContent(t, a, ref), exportContent(t, b, ref)
		fromB(a)
		fromA(b)
		ca, _ := a.Conflicts(ctx, "")
		cb, _ := b.Conflicts(ctx, "")
		if len(ca) != 1 || len(cb) != 1 {
			t.Fatalf("want one conflict on each side: A %d, B %d", len(ca), len(cb))
		}
		// Each keeps its own, then they exchange at once.
		a.ResolveConflict(ctx, ca[0].ID, app.KeepMine)
		b.ResolveConflict(ctx, cb[0].ID, app.KeepMine)
		for range 3 {
			fromA, fromB := exportContent(t, a, ref), exportContent(t, b, ref)
			fromB(a)
			fromA(b)
			for _, w := range []*app.Workspace{a, b} {
				cs, _ := w.Conflicts(ctx, "")
				for _, c := range cs {
					w.ResolveConflict(ctx, c.ID, app.KeepMine)
				}
			}
		}
		x, _ := a.Seizure(ctx, s.ID)
		y, _ := b.Seizure(ctx, s.ID)
		if x.Concealment != y.Concealment {
			t.Fatalf("the two sides differ: A %q, B %q", x.Concealment, y.Concealment)
		}
	})
}

// A package whose record bears the UUID of a record of another case here
// (or of another kind) is refused whole, naming the record and both cases;
// nothing is written.
func TestPackageCannotReachIntoAnotherCase(t *testing.T) {
	a, b := mustOpen(t, "ESA"), mustOpen(t, "GBH")
	ref := demoCase(t, a)
	mine := caseFile(t, a, ref)
	victim := mine.Seizures[0]

	theirs, err := b.CreateCase(ctx, model.Case{Title: "Parcel of counterfeit medicines", Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatCocaine}})
	if err != nil {
		t.Fatal(err)
	}
	for _, forged := range []struct {
		name string
		id   string
		want string
	}{
		{"a seizure of another case", victim.ID, "seizure " + ref + "/" + victim.Ref},
		{"a task here", mine.Tasks[0].ID, "task"},
	} {
		t.Run(forged.name, func(t *testing.T) {
			x, err := exchange.BuildContent(ctx, b, theirs.Ref)
			if err != nil {
				t.Fatal(err)
			}
			bundle := x.Content.Bundle()
			s := victim
			s.ID, s.CaseID, s.Quantity = forged.id, theirs.ID, 1
			bundle.Records = append(bundle.Records, &s)
			head, _ := a.AuditHead(ctx)
			_, err = a.Merge(ctx, bundle, app.MergeOptions{})
			if err == nil {
				t.Fatal("a package reached into another case")
			}
			if !strings.Contains(err.Error(), forged.want) || !strings.Contains(err.Error(), theirs.Ref) ||
				!strings.Contains(err.Error(), "nothing was imported") {
				t.Fatalf("error %q, want it to name %q and case %s", err, forged.want, theirs.Ref)
			}
			if after, _ := a.AuditHead(ctx); after.Seq != head.Seq {
				t.Fatal("the refused package changed the workspace")
			}
			if got, _ := a.Seizure(ctx, victim.ID); got.Quantity != victim.Quantity {
				t.Fatalf("the seizure of %s changed: quantity %v", ref, got.Quantity)
			}
			if _, err := a.Case(ctx, theirs.Ref); !errors.Is(err, model.ErrNotFound) {
				t.Fatalf("the package's case was added: %v", err)
			}
		})
	}
}

// A JSON case file whose record bears the UUID of a record of another kind
// here is refused, naming that record: two records would otherwise share
// one ID, and every later package of the case would be refused.
func TestJSONImportRefusesAnIDTaken(t *testing.T) {
	w := mustOpen(t, "ESA")
	ref := demoCase(t, w)
	here := caseFile(t, w, ref)
	d := readExample(t)
	d.Cases[0].ID = ""
	d.Cases[0].Seizures[0].ID = here.Case.ID
	head, _ := w.AuditHead(ctx)
	_, err := exchange.Import(ctx, w, d)
	if err == nil || !strings.Contains(err.Error(), "case "+ref) {
		t.Fatalf("import: %v, want a refusal naming case %s", err, ref)
	}
	if after, _ := w.AuditHead(ctx); after.Seq != head.Seq {
		t.Fatal("the refused file changed the workspace")
	}
}

// Taking theirs whole makes the record the partner's version as it came:
// the change is credited to their officer, never to ours who chose it.
func TestTakingTheirsCreditsThePartner(t *testing.T) {
	a, b := mustOpen(t, "ESA"), mustOpen(t, "GBH")
	if _, err := b.SetOfficer(ctx, model.Officer{Name: "Off. Jane Whitby", Agency: "HMRC", RefPrefix: "GBH"}); err != nil {
		t.Fatal(err)
	}
	ref := demoCase(t, a)
	exchangeContent(t, a, b, ref)
	task := caseFile(t, a, ref).Tasks[0]
	if err := a.RemoveTask(ctx, task.ID); err != nil {
		t.Fatal(err)
	}
	tb := task
	for _, x := range caseFile(t, b, ref).Tasks {
		if x.ID == task.ID {
			tb = x
		}
	}
	tb.Title = "Ask the shipping line for the booking history"
	if _, err := b.UpdateTask(ctx, tb); err != nil {
		t.Fatal(err)
	}
	exportContent(t, a, ref)
	if sum := exchangeContent(t, b, a, ref); sum.Conflicts != 1 {
		t.Fatalf("B → A: %+v", sum)
	}
	cs, _ := a.Conflicts(ctx, ref)
	if _, err := a.ResolveConflict(ctx, cs[0].ID, app.TakeTheirs); err != nil {
		t.Fatal(err)
	}
	trail, err := a.AuditTrail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	last := trail[0].Entry
	if last.RecordID != task.ID || last.By.Name != "Off. Jane Whitby" || last.Received.Officer.Agency != "HMRC" {
		t.Fatalf("taking theirs wrote %+v (%s), want it credited to HMRC's officer", last.By, trail[0].Text)
	}
	verified(t, a)
}
