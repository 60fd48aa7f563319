package app_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/model"
)

// editable is one kind of record an officer edits: how to make one, change
// it, and save the change.
type editable[T any] struct {
	create func(t *testing.T, w *app.Workspace) T
	edit   func(v T, mark string) T
	update func(w *app.Workspace, v T) (T, error)
	record func(v *T) *model.Record
}

// Two programs on one workspace file (the window and a script): the second
// save of what both read is refused naming the first save's officer and
// time, writes nothing, and goes through once reloaded.
func TestStaleSaveRefusedForEveryEditableKind(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	open := func(at time.Time) *app.Workspace {
		w, err := app.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		w.Now = func() time.Time { return at }
		t.Cleanup(func() { w.Close() })
		return w
	}
	window := open(time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC))
	if _, err := window.SetOfficer(ctx, model.Officer{Name: "M. Torres", Agency: "SVA", Country: "ES", RefPrefix: "esa"}); err != nil {
		t.Fatal(err)
	}
	script := open(time.Date(2026, 11, 27, 9, 45, 12, 0, time.UTC))
	c := mustCreateCase(t, window, "Bananas from Guayaquil")
	ship, err := window.CreateEntity(ctx, model.Entity{Kind: model.KindVessel, Name: "MSC Aurora", Identifiers: model.Identifiers{IMO: "9074729"}})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("case", func(t *testing.T) {
		staleCheck(t, window, script, editable[model.Case]{
			create: func(t *testing.T, w *app.Workspace) model.Case { return mustCreateCase(t, w, "Reefer") },
			edit:   func(v model.Case, mark string) model.Case { v.Summary = mark; return v },
			update: func(w *app.Workspace, v model.Case) (model.Case, error) { return w.UpdateCase(ctx, v) },
			record: func(v *model.Case) *model.Record { return &v.Record },
		})
	})
	t.Run("case archived and restored meanwhile", func(t *testing.T) {
		read := mustCreateCase(t, window, "Archived meanwhile")
		if _, err := script.ArchiveCase(ctx, read.Ref); err != nil {
			t.Fatal(err)
		}
		if _, err := script.RestoreCase(ctx, read.Ref); err != nil {
			t.Fatal(err)
		}
		read.Summary = "typed before the archiving"
		if _, err := window.UpdateCase(ctx, read); !errors.Is(err, model.ErrStale) {
			t.Fatalf("a save over an archive and a restore: %v, want ErrStale", err)
		}
	})
	t.Run("seizure", func(t *testing.T) {
		staleCheck(t, window, script, editable[model.Seizure]{
			create: func(t *testing.T, w *app.Workspace) model.Seizure {
				s, err := w.AddSeizure(ctx, validSeizure(c.ID))
				if err != nil {
					t.Fatal(err)
				}
				return s
			},
			edit:   func(v model.Seizure, mark string) model.Seizure { v.Notes = mark; return v },
			update: func(w *app.Workspace, v model.Seizure) (model.Seizure, error) { return w.UpdateSeizure(ctx, v) },
			record: func(v *model.Seizure) *model.Record { return &v.Record },
		})
	})
	t.Run("entity", func(t *testing.T) {
		staleCheck(t, window, script, editable[model.Entity]{
			create: func(t *testing.T, w *app.Workspace) model.Entity {
				e, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindPerson, Name: "Juan García"})
				if err != nil {
					t.Fatal(err)
				}
				return e
			},
			edit:   func(v model.Entity, mark string) model.Entity { v.Notes = mark; return v },
			update: func(w *app.Workspace, v model.Entity) (model.Entity, error) { return w.UpdateEntity(ctx, v) },
			record: func(v *model.Entity) *model.Record { return &v.Record },
		})
	})
	t.Run("relation", func(t *testing.T) {
		staleCheck(t, window, script, editable[model.Relation]{
			create: func(t *testing.T, w *app.Workspace) model.Relation {
				owner, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindOrganisation, Name: "Frutas del Pacífico SA"})
				if err != nil {
					t.Fatal(err)
				}
				r, err := w.AddRelation(ctx, model.Relation{FromID: owner.ID, ToID: ship.ID, Type: model.RelOperates})
				if err != nil {
					t.Fatal(err)
				}
				return r
			},
			edit:   func(v model.Relation, mark string) model.Relation { v.Note = mark; return v },
			update: func(w *app.Workspace, v model.Relation) (model.Relation, error) { return w.UpdateRelation(ctx, v) },
			record: func(v *model.Relation) *model.Record { return &v.Record },
		})
	})
	t.Run("task", func(t *testing.T) {
		staleCheck(t, window, script, editable[model.Task]{
			create: func(t *testing.T, w *app.Workspace) model.Task {
				task, err := w.AddTask(ctx, model.Task{CaseID: c.ID, Kind: model.TaskAssistanceRequest, Title: "Bank records",
					Partner: "DIAN Colombia", LegalBasis: "CMAA EU–Colombia"})
				if err != nil {
					t.Fatal(err)
				}
				return task
			},
			edit:   func(v model.Task, mark string) model.Task { v.Description = mark; return v },
			update: func(w *app.Workspace, v model.Task) (model.Task, error) { return w.UpdateTask(ctx, v) },
			record: func(v *model.Task) *model.Record { return &v.Record },
		})
	})
	t.Run("evidence item", func(t *testing.T) {
		staleCheck(t, window, script, editable[model.EvidenceItem]{
			create: func(t *testing.T, w *app.Workspace) model.EvidenceItem {
				x, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Description: "cocaine brick",
					Kind: model.EvidencePhysical, SealNumber: "BE-SEAL-0042"})
				if err != nil {
					t.Fatal(err)
				}
				return x
			},
			edit: func(v model.EvidenceItem, mark string) model.EvidenceItem { v.StorageLocation = mark; return v },
			update: func(w *app.Workspace, v model.EvidenceItem) (model.EvidenceItem, error) {
				return w.UpdateEvidence(ctx, v)
			},
			record: func(v *model.EvidenceItem) *model.Record { return &v.Record },
		})
	})

	// What both saved still verifies: the version is not in the trail.
	if v := mustVerify(t, window, nil); !v.OK() {
		t.Fatalf("verify after the saves: %q", v.Problems)
	}
}

func staleCheck[T any](t *testing.T, window, script *app.Workspace, k editable[T]) {
	t.Helper()
	read := k.create(t, window) // both programs show this version
	if v := k.record(&read).Version; v != 1 {
		t.Fatalf("a new record has version %d, want 1", v)
	}

	saved, err := k.update(script, k.edit(read, "saved by the script"))
	if err != nil {
		t.Fatalf("the first save: %v", err)
	}
	if v := k.record(&saved).Version; v != 2 {
		t.Fatalf("after one save version %d, want 2", v)
	}
	head, _ := window.AuditHead(ctx)

	_, err = k.update(window, k.edit(read, "typed in the window"))
	var stale *model.StaleError
	if !errors.As(err, &stale) || !errors.Is(err, model.ErrStale) {
		t.Fatalf("a save over the script's: %v, want a StaleError", err)
	}
	wantAt := time.Date(2026, 11, 27, 9, 45, 12, 0, time.UTC)
	if stale.By.Name != "M. Torres" || !stale.At.Equal(wantAt) {
		t.Errorf("stale error names %v at %v, want M. Torres at %v", stale.By, stale.At, wantAt)
	}
	if msg := err.Error(); !strings.Contains(msg, "changed by M. Torres (SVA) at "+wantAt.Local().Format("2006-01-02 15:04:05")+" — reload to see it") {
		t.Errorf("message %q", msg)
	}
	if after, _ := window.AuditHead(ctx); after.Seq != head.Seq {
		t.Errorf("the refused save wrote audit entries %d → %d", head.Seq, after.Seq)
	}

	// Reloaded (here: the script's save as returned), the edit goes through.
	again, err := k.update(window, k.edit(saved, "typed in the window"))
	if err != nil {
		t.Fatalf("the save after reloading: %v", err)
	}
	if v := k.record(&again).Version; v != 3 {
		t.Errorf("after the second save version %d, want 3", v)
	}
}
