package app_test

import (
	"testing"

	"bollard/model"
)

func TestWorkspaceLists(t *testing.T) {
	w := mustOpen(t)
	a := mustCreateCase(t, w, "Bananas from Guayaquil")
	b := mustCreateCase(t, w, "Cigarettes via Algeciras")
	archived := mustCreateCase(t, w, "An old case")

	vessel, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindVessel, Name: "MSC Aurora", Identifiers: model.Identifiers{IMO: "9074729"}})
	if err != nil {
		t.Fatal(err)
	}
	person, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindPerson, Name: "Juan García"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []model.Case{a, b, archived} {
		if _, err := w.LinkEntity(ctx, model.CaseLink{CaseID: c.ID, EntityID: vessel.ID, Role: model.RoleCarrier}); err != nil {
			t.Fatal(err)
		}
	}
	// Two roles in one case are one case.
	if _, err := w.LinkEntity(ctx, model.CaseLink{CaseID: a.ID, EntityID: vessel.ID, Role: model.RoleOwner}); err != nil {
		t.Fatal(err)
	}

	for _, c := range []model.Case{a, archived} {
		if _, err := w.AddSeizure(ctx, validSeizure(c.ID)); err != nil {
			t.Fatal(err)
		}
	}
	tasks := []model.Task{
		{CaseID: a.ID, Kind: model.TaskTodo, Title: "done long ago", Status: model.TaskDone, DueOn: model.Date{Year: 2026, Month: 1, Day: 5}},
		{CaseID: b.ID, Kind: model.TaskTodo, Title: "no due date", Status: model.TaskOpen},
		{CaseID: b.ID, Kind: model.TaskAssistanceRequest, Title: "ask the NCA", Partner: "NCA", Status: model.TaskSent,
			DueOn: model.Date{Year: 2026, Month: 12, Day: 1}},
		{CaseID: a.ID, Kind: model.TaskTodo, Title: "overdue", Status: model.TaskOpen, DueOn: model.Date{Year: 2026, Month: 11, Day: 1}},
		{CaseID: archived.ID, Kind: model.TaskTodo, Title: "in the archived case", Status: model.TaskOpen},
	}
	for _, task := range tasks {
		if _, err := w.AddTask(ctx, task); err != nil {
			t.Fatal(err)
		}
	}
	x, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: a.ID, Description: "brick", Kind: model.EvidencePhysical, SealNumber: "S-1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: b.ID, Description: "invoice", Kind: model.EvidenceDocument}); err != nil {
		t.Fatal(err)
	}
	broken := false
	for _, ev := range []model.CustodyEvent{
		{ItemID: x.ID, Action: model.CustodySeized},
		{ItemID: x.ID, Action: model.CustodyTransferred, To: model.Author{Name: "Dr. Peeters", Agency: "NICC"}, SealIntact: &broken},
	} {
		if _, err := w.AddCustodyEvent(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.ArchiveCase(ctx, archived.Ref); err != nil {
		t.Fatal(err)
	}

	t.Run("entities with the cases they are in", func(t *testing.T) {
		rows, err := w.EntityList(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 || rows[0].Entity.Name != "Juan García" || rows[1].Entity.Name != "MSC Aurora" {
			t.Fatalf("rows = %+v", rows)
		}
		if rows[0].Cases != 0 || rows[1].Cases != 2 {
			t.Errorf("cases = %d, %d; want 0 and 2 (the archived case is not counted)", rows[0].Cases, rows[1].Cases)
		}
		if rows[1].Entity.IMO != "9074729" || rows[1].Entity.CreatedBy.Name != "M. Torres" {
			t.Errorf("vessel = %+v", rows[1].Entity)
		}
		vessels, err := w.EntityList(ctx, model.KindVessel)
		if err != nil || len(vessels) != 1 || vessels[0].Entity.ID != vessel.ID {
			t.Errorf("vessels = %+v, %v", vessels, err)
		}
		_ = person
	})

	t.Run("seizures of unarchived cases", func(t *testing.T) {
		rows, err := w.SeizureList(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].CaseRef != a.Ref || rows[0].Seizure.Ref != "SZ-0001" || rows[0].Seizure.Quantity != 1200 {
			t.Errorf("rows = %+v", rows)
		}
	})

	t.Run("tasks waiting first, soonest due first", func(t *testing.T) {
		rows, err := w.TaskList(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, r := range rows {
			titles = append(titles, r.Task.Title)
		}
		want := []string{"overdue", "ask the NCA", "no due date", "done long ago"}
		if len(titles) != len(want) {
			t.Fatalf("titles = %q, want %q", titles, want)
		}
		for i := range want {
			if titles[i] != want[i] {
				t.Fatalf("titles = %q, want %q", titles, want)
			}
		}
		if rows[0].CaseRef != a.Ref || rows[1].CaseRef != b.Ref || rows[1].Task.Partner != "NCA" {
			t.Errorf("rows = %+v", rows)
		}
	})

	t.Run("exhibits with their custody", func(t *testing.T) {
		rows, err := w.EvidenceList(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 || rows[0].CaseRef != a.Ref || rows[1].CaseRef != b.Ref {
			t.Fatalf("rows = %+v", rows)
		}
		if h := rows[0].Holder(); h.Name != "Dr. Peeters" || !rows[0].SealBroken() {
			t.Errorf("exhibit %s: holder %+v, seal broken %v", rows[0].Item.ExhibitRef, h, rows[0].SealBroken())
		}
		if len(rows[1].Custody) != 0 || rows[1].SealBroken() {
			t.Errorf("exhibit %s: custody %+v", rows[1].Item.ExhibitRef, rows[1].Custody)
		}
	})

	if got := w.BlobDir(); got == "" {
		t.Error("no blob folder")
	}
}
