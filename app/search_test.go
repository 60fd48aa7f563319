package app_test

import (
	"context"
	"testing"
	"time"

	"bollard/app"
	"bollard/app/search"
	"bollard/model"
)

// firstHit searches and returns the best hit's title, or "".
func firstHit(t *testing.T, w *app.Workspace, query string, kinds ...search.Kind) string {
	t.Helper()
	hits, err := w.Search(ctx, query, app.SearchOptions{Limit: 5, Kinds: kinds})
	if err != nil {
		t.Fatalf("search %q: %v", query, err)
	}
	if len(hits) == 0 {
		return ""
	}
	return hits[0].Doc.Title
}

func found(t *testing.T, w *app.Workspace, query, id string) bool {
	t.Helper()
	hits, err := w.Search(ctx, query, app.SearchOptions{Limit: 5})
	if err != nil {
		t.Fatalf("search %q: %v", query, err)
	}
	for _, h := range hits {
		if h.Doc.ID == id {
			return true
		}
	}
	return false
}

// The index is built from the file once and then follows every saved
// change: an addition, an edit and an archiving show in the next search.
func TestSearchFollowsChanges(t *testing.T) {
	w := mustOpen(t)
	c := mustCreateCase(t, w, "Bananas from Guayaquil")
	ship, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindVessel, Name: "MSC Aurora", Identifiers: model.Identifiers{IMO: "9074729"}})
	if err != nil {
		t.Fatal(err)
	}
	// The first search builds the index from the file.
	if !found(t, w, "aurora", ship.ID) || !found(t, w, "guayaquil", c.ID) {
		t.Fatal("records saved before the index was built are not found")
	}

	t.Run("an addition", func(t *testing.T) {
		p, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindPerson, Name: "Andrés Muñoz Rojas", Country: "EC"})
		if err != nil {
			t.Fatal(err)
		}
		if !found(t, w, "munoz rojas", p.ID) {
			t.Fatal("a new person is not found")
		}
	})
	t.Run("an edit", func(t *testing.T) {
		ship.Name = "MSC Boreal"
		if _, err := w.UpdateEntity(ctx, ship); err != nil {
			t.Fatal(err)
		}
		if !found(t, w, "boreal", ship.ID) {
			t.Fatal("the new name is not found")
		}
		if found(t, w, "aurora", ship.ID) {
			t.Fatal("the old name is still found")
		}
	})
	s, err := w.AddSeizure(ctx, validSeizure(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("a seizure by its container number", func(t *testing.T) {
		if !found(t, w, "MSCU 123456-6", s.ID) {
			t.Fatal("the seizure is not found by its container number")
		}
	})
	t.Run("an archiving and a restore", func(t *testing.T) {
		if _, err := w.ArchiveCase(ctx, c.Ref); err != nil {
			t.Fatal(err)
		}
		if found(t, w, "guayaquil", c.ID) || found(t, w, "MSCU1234566", s.ID) {
			t.Fatal("an archived case, or its seizure, is still found")
		}
		if _, err := w.RestoreCase(ctx, c.Ref); err != nil {
			t.Fatal(err)
		}
		if !found(t, w, "guayaquil", c.ID) || !found(t, w, "MSCU1234566", s.ID) {
			t.Fatal("a restored case, or its seizure, is not found")
		}
	})
	t.Run("a refused change leaves the index as it was", func(t *testing.T) {
		_, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindVessel, Name: "Ghost Ship", Identifiers: model.Identifiers{IMO: "9074728"}})
		if err == nil {
			t.Fatal("a wrong IMO was accepted")
		}
		if firstHit(t, w, "ghost ship", search.KindEntity) == "Ghost Ship" {
			t.Fatal("a refused entity is in the index")
		}
	})
}

// Changes saved while the index is being built are not lost to it.
func TestSearchWhileIndexing(t *testing.T) {
	w := mustOpen(t)
	for i := range 50 {
		if _, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindOrganisation, Name: "Shell company " + string(rune('A'+i%26))}); err != nil {
			t.Fatal(err)
		}
	}
	w.IndexInBackground()
	late, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindOrganisation, Name: "Frutas del Pacífico Export"})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-w.IndexReady():
	case <-time.After(30 * time.Second):
		t.Fatal("the index was not built")
	}
	if !found(t, w, "frutas pacifico", late.ID) {
		t.Fatal("an entity saved during the build is not found")
	}
}

func TestSearchGivesUpWhenCancelled(t *testing.T) {
	w := mustOpen(t)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := w.Search(cancelled, "anything", app.SearchOptions{}); err == nil {
		t.Fatal("a cancelled search did not stop")
	}
}
