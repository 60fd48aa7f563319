package app_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/model"
)

var ctx = context.Background()

// mustOpen opens a new workspace file with an officer profile, its clock
// set to a fixed moment.
func mustOpen(t *testing.T) *app.Workspace {
	t.Helper()
	w := mustOpenBare(t)
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "M. Torres", Agency: "SVA", Country: "ES", RefPrefix: "esa"}); err != nil {
		t.Fatal(err)
	}
	return w
}

func mustOpenBare(t *testing.T) *app.Workspace {
	t.Helper()
	w, err := app.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	w.Now = func() time.Time { return time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC) }
	t.Cleanup(func() { w.Close() })
	return w
}

func mustCreateCase(t *testing.T, w *app.Workspace, title string) model.Case {
	t.Helper()
	c, err := w.CreateCase(ctx, model.Case{Title: title, Corridor: model.CorridorEULAC,
		ThreatTypes: []model.ThreatType{model.ThreatCocaine}})
	if err != nil {
		t.Fatalf("create case %q: %v", title, err)
	}
	return c
}

func validSeizure(caseID string) model.Seizure {
	return model.Seizure{
		CaseID: caseID, SeizedAt: time.Date(2026, 11, 20, 6, 0, 0, 0, time.UTC), PlaceName: "Antwerp, Kaai 1742",
		LOCODE: "be anr", Category: model.CommodityCocaine, Description: "cocaine bricks in banana boxes",
		Quantity: 1200, Unit: model.Kilogram, TransportMode: model.ModeContainer,
		ContainerNumbers: []string{"MSCU 123456-6"},
	}
}

func TestOfficerProfile(t *testing.T) {
	t.Run("nothing is written without a profile", func(t *testing.T) {
		w := mustOpenBare(t)
		_, err := w.CreateCase(ctx, model.Case{Title: "x"})
		if !errors.Is(err, model.ErrNoOfficer) {
			t.Fatalf("create case without a profile: %v, want ErrNoOfficer", err)
		}
	})
	t.Run("an incomplete profile is refused field by field", func(t *testing.T) {
		w := mustOpenBare(t)
		_, err := w.SetOfficer(ctx, model.Officer{Name: "M. Torres", RefPrefix: "e$a"})
		fields := map[string]bool{}
		for _, f := range model.FieldErrors(err) {
			fields[f.Field] = true
		}
		if !fields["agency"] || !fields["case-ref prefix"] {
			t.Fatalf("errors %v: want agency and case-ref prefix named", err)
		}
		o, _ := w.Officer(ctx)
		if o.IsSet() {
			t.Fatal("a refused profile was saved")
		}
	})
}

func TestCases(t *testing.T) {
	w := mustOpen(t)
	c := mustCreateCase(t, w, "Bananas from Guayaquil")

	t.Run("defaults come from the profile", func(t *testing.T) {
		if c.Ref != "ESA-2026-0001" || c.Status != model.StatusOpen || c.Priority != model.PriorityNormal ||
			c.HandlingMarking != "LIMITE" || c.LeadOfficer != "M. Torres" || c.LeadAgency != "SVA" ||
			c.OpenedOn.String() != "2026-11-27" {
			t.Fatalf("new case %+v", c)
		}
		if c.CreatedBy.Name != "M. Torres" || c.Workspace != w.ID() || !model.ValidID(c.ID) {
			t.Fatalf("new case record %+v", c.Record)
		}
	})

	t.Run("an edit keeps the ref and history", func(t *testing.T) {
		edit := c
		edit.Ref = "HACKED-1"
		edit.Title = "Bananas from Guayaquil via Kingston"
		edit.CreatedBy = model.Author{Name: "someone else"}
		w.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
		got, err := w.UpdateCase(ctx, edit)
		if err != nil {
			t.Fatal(err)
		}
		if got.Ref != c.Ref || got.CreatedBy.Name != "M. Torres" || !got.UpdatedAt.After(c.UpdatedAt) {
			t.Fatalf("edited case %+v", got)
		}
		stored, _ := w.Case(ctx, c.Ref)
		if stored.Title != edit.Title {
			t.Fatalf("stored title %q", stored.Title)
		}
	})

	t.Run("an invalid case is refused and nothing is saved", func(t *testing.T) {
		_, err := w.CreateCase(ctx, model.Case{Title: " ", Corridor: "atlantic"})
		if err == nil {
			t.Fatal("an invalid case was accepted")
		}
		for _, want := range []string{"title: is required", `corridor "atlantic": should be one of`, "threat types"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
		}
		if n, _ := w.CountCases(ctx); n != 1 {
			t.Fatalf("%d cases after a refused one, want 1", n)
		}
	})

	t.Run("archive, refuse changes, restore", func(t *testing.T) {
		if _, err := w.ArchiveCase(ctx, c.Ref); err != nil {
			t.Fatal(err)
		}
		if _, err := w.AddSeizure(ctx, validSeizure(c.ID)); err == nil || !strings.Contains(err.Error(), "archived") {
			t.Fatalf("seizure added to an archived case: %v", err)
		}
		if list, _ := w.Cases(ctx, model.CaseFilter{}); len(list) != 0 {
			t.Fatal("an archived case is in the working list")
		}
		if list, _ := w.Cases(ctx, model.CaseFilter{IncludeArchived: true}); len(list) != 1 {
			t.Fatal("the archived case is gone")
		}
		got, err := w.RestoreCase(ctx, c.Ref)
		if err != nil || got.Status != model.StatusOpen {
			t.Fatalf("restore: %v, status %s", err, got.Status)
		}
	})
}

func TestSeizures(t *testing.T) {
	w := mustOpen(t)
	c := mustCreateCase(t, w, "Reefer cocaine")

	t.Run("identifiers are normalised", func(t *testing.T) {
		s, err := w.AddSeizure(ctx, validSeizure(c.ID))
		if err != nil {
			t.Fatal(err)
		}
		if s.Ref != "SZ-0001" || s.LOCODE != "BEANR" || s.Country != "BE" || s.ContainerNumbers[0] != "MSCU1234566" {
			t.Fatalf("seizure %+v", s)
		}
	})

	t.Run("a wrong container check digit is refused with the right digit", func(t *testing.T) {
		s := validSeizure(c.ID)
		s.ContainerNumbers = []string{"MSCU1234565"}
		_, err := w.AddSeizure(ctx, s)
		if err == nil || !strings.Contains(err.Error(), `container number "MSCU1234565": check digit should be 6`) {
			t.Fatalf("error %v", err)
		}
		f, _ := w.CaseFile(ctx, c.Ref)
		if len(f.Seizures) != 1 {
			t.Fatalf("%d seizures after a refused one, want 1", len(f.Seizures))
		}
	})

	t.Run("a seizure in the future is refused", func(t *testing.T) {
		s := validSeizure(c.ID)
		s.SeizedAt = w.Now().Add(48 * time.Hour)
		if _, err := w.AddSeizure(ctx, s); err == nil || !strings.Contains(err.Error(), "cannot be in the future") {
			t.Fatalf("error %v", err)
		}
	})

	t.Run("a seizure for a case that does not exist", func(t *testing.T) {
		_, err := w.AddSeizure(ctx, validSeizure(model.NewID()))
		if !app.IsNotFound(err) {
			t.Fatalf("error %v, want not found", err)
		}
	})
}

func TestEntitiesAcrossCases(t *testing.T) {
	w := mustOpen(t)
	c1 := mustCreateCase(t, w, "first")
	c2 := mustCreateCase(t, w, "second")
	shell, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindOrganisation, Name: "Muñoz Rojas Trading S.A.", Country: "EC"})
	if err != nil {
		t.Fatal(err)
	}
	ship, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindVessel, Name: "MSC Aurora", Identifiers: model.Identifiers{IMO: "IMO 9074729"}})
	if err != nil {
		t.Fatal(err)
	}
	if ship.IMO != "9074729" {
		t.Fatalf("IMO stored as %q", ship.IMO)
	}
	for _, l := range []model.CaseLink{
		{CaseID: c1.ID, EntityID: shell.ID, Role: model.RoleConsignee},
		{CaseID: c2.ID, EntityID: shell.ID, Role: model.RoleImporter},
		{CaseID: c1.ID, EntityID: ship.ID, Role: model.RoleCarrier},
	} {
		if _, err := w.LinkEntity(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.LinkEntity(ctx, model.CaseLink{CaseID: c1.ID, EntityID: shell.ID, Role: model.RoleConsignee}); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("the same link twice: %v, want ErrConflict", err)
	}
	if _, err := w.AddRelation(ctx, model.Relation{FromID: shell.ID, ToID: ship.ID, Type: model.RelOperates}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.AddRelation(ctx, model.Relation{FromID: shell.ID, ToID: shell.ID, Type: model.RelOwns}); err == nil {
		t.Fatal("an entity was related to itself")
	}

	f, err := w.EntityFile(ctx, shell.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Appearances) != 2 || f.Appearances[0].Case.Ref != c1.Ref || f.Appearances[1].Link.Role != model.RoleImporter {
		t.Fatalf("appearances %+v", f.Appearances)
	}
	if len(f.Relations) != 1 || f.Relations[0].Other.ID != ship.ID || f.Relations[0].Relation.Grading() != "F6" {
		t.Fatalf("relations %+v", f.Relations)
	}
	cf, err := w.CaseFile(ctx, c1.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(cf.Entities) != 2 || len(cf.Relations) != 1 {
		t.Fatalf("case file: %d entities, %d relations", len(cf.Entities), len(cf.Relations))
	}
}

func TestTimelineTasksNotes(t *testing.T) {
	w := mustOpen(t)
	c := mustCreateCase(t, w, "tasks")
	if _, err := w.AddTimelineEvent(ctx, model.TimelineEvent{CaseID: c.ID, At: w.Now().Add(-time.Hour), Title: "Controlled delivery to Rotterdam"}); err != nil {
		t.Fatal(err)
	}
	req, err := w.AddTask(ctx, model.Task{CaseID: c.ID, Kind: model.TaskAssistanceRequest, Title: "Bank records of Muñoz Rojas",
		Partner: "DIAN Colombia", LegalBasis: "CMAA EU–Colombia", SentOn: model.Date{Year: 2026, Month: 10, Day: 1},
		DueOn: model.Date{Year: 2026, Month: 11, Day: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if !req.Overdue(model.DateOf(w.Now())) {
		t.Fatal("a request past its due date is not overdue")
	}
	if _, err := w.AddTask(ctx, model.Task{CaseID: c.ID, Kind: model.TaskAssistanceRequest, Title: "no partner"}); err == nil {
		t.Fatal("an assistance request without a partner was accepted")
	}
	req.Status, req.AnsweredOn = model.TaskAnswered, model.Date{Year: 2026, Month: 11, Day: 3}
	if req, err = w.UpdateTask(ctx, req); err != nil || req.Overdue(model.DateOf(w.Now())) {
		t.Fatalf("answered request: %v, overdue %v", err, req.Overdue(model.DateOf(w.Now())))
	}
	if _, err := w.AddNote(ctx, model.Note{CaseID: c.ID, Body: "Informant says the next load is in week 48."}); err != nil {
		t.Fatal(err)
	}
	f, _ := w.CaseFile(ctx, c.Ref)
	if len(f.Timeline) != 1 || len(f.Tasks) != 1 || len(f.Notes) != 1 || f.Notes[0].CreatedBy.Name != "M. Torres" {
		t.Fatalf("case file %+v", f)
	}
}

func TestArchivedCasesStayAsTheyAre(t *testing.T) {
	w := mustOpen(t)
	c := mustCreateCase(t, w, "to archive")
	ship, _ := w.CreateEntity(ctx, model.Entity{Kind: model.KindVessel, Name: "MSC Aurora"})
	link, err := w.LinkEntity(ctx, model.CaseLink{CaseID: c.ID, EntityID: ship.ID, Role: model.RoleCarrier})
	if err != nil {
		t.Fatal(err)
	}
	edit := c
	edit.Status = model.StatusArchived
	if _, err := w.UpdateCase(ctx, edit); err == nil {
		t.Fatal("an edit archived the case without remembering its status")
	}
	if _, err := w.ArchiveCase(ctx, c.Ref); err != nil {
		t.Fatal(err)
	}
	edit = c
	edit.Title = "changed while archived"
	if _, err := w.UpdateCase(ctx, edit); err == nil || !strings.Contains(err.Error(), "archived") {
		t.Fatalf("edit of an archived case: %v", err)
	}
	if err := w.UnlinkEntity(ctx, link.ID); err == nil || !strings.Contains(err.Error(), "archived") {
		t.Fatalf("unlink in an archived case: %v", err)
	}
}

func TestLastChangeFollowsTheContents(t *testing.T) {
	w := mustOpen(t)
	c := mustCreateCase(t, w, "busy")
	later := c.UpdatedAt.Add(3 * time.Hour)
	w.Now = func() time.Time { return later }
	if _, err := w.AddNote(ctx, model.Note{CaseID: c.ID, Body: "a new lead"}); err != nil {
		t.Fatal(err)
	}
	got, err := w.Case(ctx, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if !got.UpdatedAt.Equal(later) {
		t.Fatalf("last change %v after a note at %v", got.UpdatedAt, later)
	}
}
