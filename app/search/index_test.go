package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
)

func entity(id, name string, more ...string) Doc {
	return Doc{ID: id, Kind: KindEntity, Title: name, Fields: append([]string{name}, more...)}
}

func TestPutReplacesAnEditedRecord(t *testing.T) {
	ix := small(t)
	n := ix.Len()
	ix.Put(entity("org-mrt", "Atlántico Fruit Ltd", "CO900123456"))
	if ix.Len() != n {
		t.Errorf("Len = %d after an edit, want %d", ix.Len(), n)
	}
	if hits := search(t, ix, "munoz rojas trading s a", Options{}); rank(hits, "org-mrt") != 0 {
		t.Errorf("the old name still finds the record: %v", ids(hits))
	}
	hits := search(t, ix, "atlantico fruit", Options{})
	if len(hits) == 0 || hits[0].Doc.ID != "org-mrt" || hits[0].Doc.Title != "Atlántico Fruit Ltd" {
		t.Errorf("the new name: %v, want the edited record first, with its new title", ids(hits))
	}
	if hits := search(t, ix, "CO900123456", Options{}); len(hits) == 0 || hits[0].Doc.ID != "org-mrt" {
		t.Errorf("a field the edit kept: %v", ids(hits))
	}
	if d, ok := ix.Get("org-mrt"); !ok || d.Title != "Atlántico Fruit Ltd" {
		t.Errorf("Get = %+v, %v", d, ok)
	}
}

func TestRemove(t *testing.T) {
	ix := small(t)
	n := ix.Len()
	ix.Remove("per-garcia", "no-such-id")
	if ix.Len() != n-1 {
		t.Errorf("Len = %d, want %d", ix.Len(), n-1)
	}
	if hits := search(t, ix, "maria garcia", Options{}); rank(hits, "per-garcia") != 0 {
		t.Errorf("a removed record is still found: %v", ids(hits))
	}
	if _, ok := ix.Get("per-garcia"); ok {
		t.Error("Get finds a removed record")
	}
	// put back, as restoring an archived case does
	ix.Put(entity("per-garcia", "María García"))
	if hits := search(t, ix, "maria garcia", Options{}); rank(hits, "per-garcia") != 1 {
		t.Errorf("a record put back is not found first: %v", ids(hits))
	}
}

func TestPutSameIDTwiceInOneCall(t *testing.T) {
	ix := New()
	ix.Put(entity("1", "First Name"), entity("1", "Second Name"))
	if ix.Len() != 1 {
		t.Fatalf("Len = %d, want 1", ix.Len())
	}
	if hits := search(t, ix, "first", Options{}); len(hits) != 0 {
		t.Errorf("the first version is still found")
	}
	if hits := search(t, ix, "second", Options{}); len(hits) != 1 {
		t.Errorf("the second version is not found")
	}
}

func TestPutIgnoresDocsWithoutID(t *testing.T) {
	ix := New()
	ix.Put(Doc{Kind: KindEntity, Title: "Nobody", Fields: []string{"Nobody"}})
	if ix.Len() != 0 {
		t.Errorf("Len = %d, want 0", ix.Len())
	}
}

func TestDocsRoundTrip(t *testing.T) {
	ix := New()
	docs := []Doc{
		{ID: "3f2b8c1e-5a4d-4e6f-9a7b-0c1d2e3f4a5b", Kind: KindEntity, Title: "Muñoz", Context: "person · ES", Fields: []string{"Muñoz", "alias"}},
		{ID: "3F2B8C1E-5A4D-4E6F-9A7B-0C1D2E3F4A5B", Kind: KindCase, Title: "ESA-2026-0001 x", CaseRef: "ESA-2026-0001", Fields: []string{"ESA-2026-0001", "x"}},
		{ID: "plain", Kind: "custom", Title: "", Fields: nil},
		{ID: "empty-field", Kind: KindNote, Title: "", Fields: []string{"", "—", "text"}},
	}
	ix.Put(docs...)
	for _, want := range docs {
		got, ok := ix.Get(want.ID)
		if !ok || got.ID != want.ID || got.Kind != want.Kind || got.Title != want.Title || got.Context != want.Context ||
			got.CaseRef != want.CaseRef || !slices.Equal(got.Fields, want.Fields) {
			t.Errorf("Get(%q) = %+v, %v; want %+v", want.ID, got, ok, want)
		}
	}
	// field numbers follow Doc.Fields even past a field that folds to nothing
	hits := search(t, ix, "text", Options{})
	if len(hits) != 1 || hits[0].Field != 2 || !slices.Equal(hits[0].Matched, []int{0, 1, 2, 3}) {
		t.Errorf("Search(text) = %+v, want field 2 of empty-field", hits)
	}
}

func TestManyEditsSweepDeadEntries(t *testing.T) {
	ix := New()
	for i := range 100 {
		ix.Put(entity(fmt.Sprint(i), fmt.Sprintf("Vessel %d", i)))
	}
	for round := range 10 {
		for i := range 100 {
			ix.Put(entity(fmt.Sprint(i), fmt.Sprintf("Vessel %d renamed %d", i, round)))
		}
		ix.Remove("0")
		ix.Put(entity("0", "Vessel 0"))
	}
	ix.mu.RLock()
	items, dead := ix.items.len(), ix.dead
	ix.mu.RUnlock()
	if ix.Len() != 100 || items > 2*100+1 || dead*2 > items {
		t.Errorf("Len %d, %d entries of which %d dead: dead entries are not swept", ix.Len(), items, dead)
	}
	hits := search(t, ix, "vessel 42 renamed 9", Options{})
	if len(hits) == 0 || hits[0].Doc.ID != "42" {
		t.Errorf("after the sweep: %v", ids(hits))
	}
	if hits := search(t, ix, "renamed 3", Options{Limit: 200}); len(hits) != 0 && hits[0].Doc.Title == "Vessel 42 renamed 3" {
		t.Errorf("an old version outranks: %v", hits[0].Doc.Title)
	}
	for i := range 100 {
		if d, ok := ix.Get(fmt.Sprint(i)); !ok || d.ID != fmt.Sprint(i) {
			t.Fatalf("Get(%d) = %+v, %v after the sweep", i, d, ok)
		}
	}
}

func TestConcurrentPutAndSearch(t *testing.T) {
	ix := New()
	ix.Put(newCorpus(1).docs(2000)...)
	ctx := context.Background()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 100 {
				if _, err := ix.Search(ctx, []string{"garcia", "mscu", "rojas munoz", "garsia lopes"}[i%4], Options{}); err != nil {
					t.Error(err)
					return
				}
				_ = ix.Len()
				_, _ = ix.Get(fmt.Sprintf("w%d-%d", w, i))
			}
		})
	}
	for w := range 2 {
		wg.Go(func() {
			for i := range 200 {
				id := fmt.Sprintf("w%d-%d", w, i%50)
				ix.Put(entity(id, fmt.Sprintf("Concurrent Trading %d %d", w, i)))
				if i%7 == 0 {
					ix.Remove(id)
				}
			}
		})
	}
	wg.Wait()
	hits := search(t, ix, "concurrent trading 1 199", Options{})
	if len(hits) == 0 || hits[0].Doc.ID != "w1-49" {
		t.Errorf("after concurrent writes: %v", ids(hits))
	}
}

// startedContext is a context that is cancelled the moment a search starts
// its workers, so that the test sees the search stop between chunks
// without racing a timer.
type startedContext struct {
	context.Context
	once sync.Once
	done chan struct{}
}

func (c *startedContext) Done() <-chan struct{} {
	c.once.Do(func() { close(c.done) })
	return c.done
}

func (c *startedContext) Err() error {
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

func TestSearchStopsWhenCancelled(t *testing.T) {
	ix := New()
	ix.Put(newCorpus(2).docs(50_000)...)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if hits, err := ix.Search(ctx, "garcia", Options{}); !errors.Is(err, context.Canceled) || hits != nil {
		t.Errorf("Search with a cancelled context = %d hits, %v", len(hits), err)
	}

	mid := &startedContext{Context: context.Background(), done: make(chan struct{})}
	if hits, err := ix.Search(mid, "garsia lopes", Options{}); !errors.Is(err, context.Canceled) || hits != nil {
		t.Errorf("Search cancelled while running = %d hits, %v", len(hits), err)
	}

	// and the index is none the worse for it
	if _, err := ix.Search(context.Background(), "garcia", Options{}); err != nil {
		t.Error(err)
	}
}

func TestParseKind(t *testing.T) {
	for in, want := range map[string]Kind{
		"case": KindCase, "Cases": KindCase, "seizure": KindSeizure, "SEIZURES": KindSeizure, "entity": KindEntity,
		"entities": KindEntity, " evidence ": KindEvidence, "exhibits": KindEvidence, "task": KindTask, "tasks": KindTask,
		"note": KindNote, "notes": KindNote,
	} {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := ParseKind("vessel")
	if err == nil {
		t.Fatal(`ParseKind("vessel") succeeded`)
	}
	for _, k := range Kinds {
		if !containsWord(err.Error(), string(k)) {
			t.Errorf("the error %q does not list %s", err, k)
		}
	}
}

func containsWord(s, w string) bool { return slices.Contains(splitWords(s), w) }

func splitWords(s string) []string {
	var out []string
	word := []rune{}
	for _, r := range s + " " {
		if r >= 'a' && r <= 'z' {
			word = append(word, r)
		} else if len(word) > 0 {
			out = append(out, string(word))
			word = word[:0]
		}
	}
	return out
}

func TestGroup(t *testing.T) {
	h := func(id string, k Kind, score int) Hit { return Hit{Doc: Doc{ID: id, Kind: k}, Score: score} }
	hits := []Hit{
		h("e1", KindEntity, 90), h("c1", KindCase, 80), h("e2", KindEntity, 70),
		h("s1", KindSeizure, 60), h("c2", KindCase, 50), h("e3", KindEntity, 40),
	}
	groups := Group(hits)
	var got [][]string
	for _, g := range groups {
		got = append(got, ids(g))
	}
	want := [][]string{{"e1", "e2", "e3"}, {"c1", "c2"}, {"s1"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Group = %v, want %v", got, want)
	}
	// groups are ordered by their best hit even when hits come unsorted
	got = nil
	for _, g := range Group([]Hit{h("n1", KindNote, 10), h("t1", KindTask, 99), h("n2", KindNote, 5)}) {
		got = append(got, ids(g))
	}
	if want := [][]string{{"t1"}, {"n1", "n2"}}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Group = %v, want %v", got, want)
	}
	if Group(nil) != nil {
		t.Error("Group(nil) is not empty")
	}
}
