package app_test

import (
	"testing"

	"bollard/model"
)

// An outgoing bundle carries a case's records, kinds in model.Kinds order,
// each once, and a relation only when both the entities it ties travel:
// one to an entity of a case left behind would name an entity the other
// side does not have.
func TestOutgoingCarriesARelationOnlyWithBothItsEnds(t *testing.T) {
	w := mustOpen(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	sent, err := w.CreateCase(ctx, model.Case{Title: "Cocaine in banana reefer", Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatCocaine}})
	must(err)
	kept, err := w.CreateCase(ctx, model.Case{Title: "Cigarettes by parcel", Corridor: model.CorridorEULAC, ThreatTypes: []model.ThreatType{model.ThreatCocaine}})
	must(err)
	jorge, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindPerson, Name: "Jorge Muñoz"})
	must(err)
	firm, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindOrganisation, Name: "Muñoz Trading SL"})
	must(err)
	other, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindPerson, Name: "Ana Pereira"})
	must(err)
	for _, l := range []model.CaseLink{{CaseID: sent.ID, EntityID: jorge.ID, Role: model.RoleSuspect},
		{CaseID: sent.ID, EntityID: firm.ID, Role: model.RoleConsignee}, {CaseID: kept.ID, EntityID: other.ID, Role: model.RoleSuspect}} {
		_, err := w.LinkEntity(ctx, l)
		must(err)
	}
	travels, err := w.AddRelation(ctx, model.Relation{FromID: jorge.ID, ToID: firm.ID, Type: model.RelDirects})
	must(err)
	stays, err := w.AddRelation(ctx, model.Relation{FromID: jorge.ID, ToID: other.ID, Type: model.RelAssociate})
	must(err)

	out, err := w.Outgoing(ctx, sent.Ref, sent.Ref)
	must(err)
	count := map[string]int{}
	last := -1
	for _, r := range out.Records {
		count[r.RecordID()]++
		at := kindIndex(r.RecordKind())
		if at < last {
			t.Errorf("a %s comes after a %s: kinds are not in model.Kinds order", r.RecordKind(), model.Kinds[last].Name)
		}
		last = at
	}
	if count[sent.ID] != 1 || count[jorge.ID] != 1 || count[firm.ID] != 1 || count[travels.ID] != 1 {
		t.Errorf("the case, its entities and their relation should travel once each: %v", count)
	}
	if count[stays.ID] != 0 || count[other.ID] != 0 || count[kept.ID] != 0 {
		t.Error("a relation to an entity of a case left behind travelled, or that case did")
	}
}

func kindIndex(name string) int {
	for i, k := range model.Kinds {
		if k.Name == name {
			return i
		}
	}
	return -1
}
