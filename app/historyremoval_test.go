package app_test

import (
	"slices"
	"strings"
	"testing"

	"bollard/app"
	"bollard/model"
)

// A removal is a tombstone, an edit of the record, but the history reads it
// as the removal it is; a role change reads as one, and so does putting a
// record back.
func TestHistoryReadsRemovalsAsRemovals(t *testing.T) {
	w := mustOpen(t)
	c := mustCreateCase(t, w, "Cigarettes in tyre shipment")
	driver, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindPerson, Name: "NOWAK, Piotr"})
	if err != nil {
		t.Fatal(err)
	}
	firm, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindOrganisation, Name: "Opony Trans Sp. z o.o."})
	if err != nil {
		t.Fatal(err)
	}
	link, err := w.LinkEntity(ctx, model.CaseLink{CaseID: c.ID, EntityID: driver.ID, Role: model.RoleSuspect})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.LinkEntity(ctx, model.CaseLink{CaseID: c.ID, EntityID: firm.ID, Role: model.RoleConsignee}); err != nil {
		t.Fatal(err)
	}
	link.Role = model.RoleWitness
	if link, err = w.UpdateLink(ctx, link); err != nil {
		t.Fatal(err)
	}
	rel, err := w.AddRelation(ctx, model.Relation{FromID: driver.ID, ToID: firm.ID, Type: model.RelEmploys})
	if err != nil {
		t.Fatal(err)
	}
	task, err := w.AddTask(ctx, model.Task{CaseID: c.ID, Kind: model.TaskTodo, Title: "Check the seal numbers", Status: model.TaskOpen})
	if err != nil {
		t.Fatal(err)
	}
	note, err := w.AddNote(ctx, model.Note{CaseID: c.ID, Body: "Written in the wrong case,\nsorry."})
	if err != nil {
		t.Fatal(err)
	}
	for _, remove := range []func() error{
		func() error { return w.RemoveTask(ctx, task.ID) },
		func() error { return w.RemoveNote(ctx, note.ID) },
		func() error { return w.RemoveRelation(ctx, rel.ID) },
		func() error { return w.UnlinkEntity(ctx, link.ID) },
	} {
		if err := remove(); err != nil {
			t.Fatal(err)
		}
	}
	// Linking the driver again puts the one link back, in its new role.
	if _, err := w.LinkEntity(ctx, model.CaseLink{CaseID: c.ID, EntityID: driver.ID, Role: model.RoleSuspect}); err != nil {
		t.Fatal(err)
	}

	file, err := w.CaseFile(ctx, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Tasks) != 0 || len(file.Notes) != 0 || len(file.Relations) != 0 || len(file.Entities) != 2 {
		t.Errorf("the case file holds %d tasks, %d notes, %d relations, %d entities", len(file.Tasks), len(file.Notes), len(file.Relations), len(file.Entities))
	}

	caseLines, err := w.CaseHistory(ctx, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	trail, err := w.AuditTrail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lines []string
		want  string
	}{
		{texts(caseLines), "M. Torres changed role of person NOWAK, Piotr: suspect → witness"},
		{texts(caseLines), "M. Torres removed task “Check the seal numbers”"},
		{texts(caseLines), "M. Torres removed a note (“Written in the wrong case, sorry.”)"},
		{texts(caseLines), "M. Torres unlinked person NOWAK, Piotr from the case (as witness)"},
		{texts(caseLines), "M. Torres put back person NOWAK, Piotr in the case as suspect"},
		{texts(trail), "M. Torres removed relation person NOWAK, Piotr employs organisation Opony Trans Sp. z o.o."},
		{texts(trail), "M. Torres removed task “Check the seal numbers” of " + c.Ref},
		{texts(trail), "M. Torres unlinked person NOWAK, Piotr from " + c.Ref + " (as witness)"},
		{texts(trail), "M. Torres changed role of person NOWAK, Piotr in " + c.Ref + ": suspect → witness"},
	} {
		if !slices.Contains(tc.lines, tc.want) {
			t.Errorf("no history line %q in\n%s", tc.want, strings.Join(tc.lines, "\n"))
		}
	}
}

func texts(lines []app.HistoryLine) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text
	}
	return out
}
