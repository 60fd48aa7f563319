package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// small is an index of a few records that look alike, as a workspace's do.
func small(t *testing.T) *Index {
	t.Helper()
	ix := New()
	ix.Put(
		Doc{ID: "org-mrt", Kind: KindEntity, Title: "Muñoz Rojas Trading S.A.", Context: "organisation · CO", Fields: []string{"Muñoz Rojas Trading S.A.", "CO900123456"}},
		Doc{ID: "org-mrosas", Kind: KindEntity, Title: "Munoz Rosas Logistics", Fields: []string{"Munoz Rosas Logistics"}},
		Doc{ID: "per-garcia", Kind: KindEntity, Title: "María García", Fields: []string{"María García", "X1234567"}},
		Doc{ID: "per-strauss", Kind: KindEntity, Title: "Jürgen Strauß", Fields: []string{"Jürgen Strauß"}},
		Doc{ID: "per-ivanov", Kind: KindEntity, Title: "Дмитрий Иванов", Fields: []string{"Дмитрий Иванов"}},
		Doc{ID: "per-shch", Kind: KindEntity, Title: "Сергей Щербаков", Fields: []string{"Сергей Щербаков"}},
		Doc{ID: "per-georgios", Kind: KindEntity, Title: "Γεώργιος Παπαδόπουλος", Fields: []string{"Γεώργιος Παπαδόπουλος"}},
		Doc{ID: "ves-aurora", Kind: KindEntity, Title: "MSC AURORA", Fields: []string{"MSC AURORA", "IMO 9074729", "MMSI 636012345"}},
		Doc{ID: "box-1", Kind: KindEntity, Title: "MSCU1234566", Fields: []string{"MSCU1234566"}},
		Doc{ID: "box-2", Kind: KindEntity, Title: "MSCU1234576", Fields: []string{"MSCU1234576"}},
		Doc{ID: "box-3", Kind: KindEntity, Title: "MSCU7234566", Fields: []string{"MSCU7234566"}},
		Doc{ID: "phone", Kind: KindEntity, Title: "+442079460958", Fields: []string{"+442079460958"}},
		Doc{ID: "case-1", Kind: KindCase, Title: "ESA-2026-0001 Cocaine in reefers", CaseRef: "ESA-2026-0001", Fields: []string{"ESA-2026-0001", "Cocaine in reefers", "Operation Tidewater"}},
		Doc{ID: "sz-1", Kind: KindSeizure, Title: "SZ-0001 cocaine in banana boxes", CaseRef: "ESA-2026-0001", Fields: []string{"ESA-2026-0001 SZ-0001", "cocaine in banana boxes", "Antwerp", "MSCU 123456-6"}},
		Doc{ID: "task-1", Kind: KindTask, Title: "Request bank records of Muñoz Rojas Trading", CaseRef: "ESA-2026-0001", Fields: []string{"Request bank records of Muñoz Rojas Trading", "AEAT"}},
		Doc{ID: "note-1", Kind: KindNote, Title: "Informant: the MSC AURORA calls at Antwerp", CaseRef: "ESA-2026-0001", Fields: []string{"Informant: the MSC AURORA calls at Antwerp"}},
	)
	return ix
}

func search(t *testing.T, ix *Index, q string, opt Options) []Hit {
	t.Helper()
	hits, err := ix.Search(context.Background(), q, opt)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return hits
}

func ids(hits []Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Doc.ID
	}
	return out
}

// rank is the 1-based place of the doc with that ID in hits, 0 if absent.
func rank(hits []Hit, id string) int {
	return slices.Index(ids(hits), id) + 1
}

func TestSearchFindsFolded(t *testing.T) {
	ix := small(t)
	tests := []struct{ query, want string }{
		{"muñoz rojas", "org-mrt"},
		{"MUÑOZ ROJAS", "org-mrt"},
		{"garcia", "per-garcia"},
		{"maria garcia", "per-garcia"},
		{"strauss", "per-strauss"},
		{"jurgen strauss", "per-strauss"},
		{"ivanov", "per-ivanov"},
		{"Иванов", "per-ivanov"},
		{"dmitriy ivanov", "per-ivanov"},
		{"shcherbakov", "per-shch"},
		{"georgios", "per-georgios"},
		{"papadopoulos", "per-georgios"},
		{"MSCU 123456-6", "box-1"},
		{"mscu1234566", "box-1"},
		{"+44 20 7946 0958", "phone"},
		{"442079460958", "phone"},
		{"9074729", "ves-aurora"},
		{"IMO 9074729", "ves-aurora"},
		{"esa 2026 0001", "case-1"},
		{"tidewater", "case-1"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits := search(t, ix, tt.query, Options{})
			if len(hits) == 0 || hits[0].Doc.ID != tt.want {
				t.Errorf("Search(%q) = %v, want %s first", tt.query, ids(hits), tt.want)
			}
		})
	}
}

func TestSearchWordOrder(t *testing.T) {
	ix := small(t)
	for _, q := range []string{"rojas munoz", "trading rojas", "Rojas, Muñoz", "garcia maria", "strauss jurgen", "aurora msc"} {
		hits := search(t, ix, q, Options{})
		want := map[string]string{
			"rojas munoz": "org-mrt", "trading rojas": "org-mrt", "Rojas, Muñoz": "org-mrt",
			"garcia maria": "per-garcia", "strauss jurgen": "per-strauss", "aurora msc": "ves-aurora",
		}[q]
		if len(hits) == 0 || hits[0].Doc.ID != want {
			t.Errorf("Search(%q) = %v, want %s first", q, ids(hits), want)
		}
	}
	// every word must be found: a word found nowhere rules a record out
	if hits := search(t, ix, "rojas zebra", Options{}); len(hits) != 0 {
		t.Errorf(`Search("rojas zebra") = %v, want nothing`, ids(hits))
	}
}

func TestSearchInOrderBeatsAnyOrder(t *testing.T) {
	ix := New()
	ix.Put(
		Doc{ID: "reordered", Kind: KindEntity, Title: "Garcia Maria", Fields: []string{"Garcia Maria"}},
		Doc{ID: "in-order", Kind: KindEntity, Title: "Maria Garcia", Fields: []string{"Maria Garcia"}},
	)
	if got := ids(search(t, ix, "maria garcia", Options{})); !slices.Equal(got, []string{"in-order", "reordered"}) {
		t.Errorf("Search = %v, want the in-order name first, then the reordered one", got)
	}
}

func TestSearchForgivesTypos(t *testing.T) {
	ix := small(t)
	tests := []struct{ query, want, why string }{
		{"munos", "org-mrt", "one letter wrong"},
		{"mnuoz rojas", "org-mrt", "two letters swapped"},
		{"rojas munos", "org-mrt", "reordered, and one word mistyped"},
		{"garsia", "per-garcia", "spelt as heard"},
		{"shcherbakof", "per-shch", "transliterated another way"},
		{"scherbakov", "per-shch", "a letter missing"},
		{"papadopulos", "per-georgios", "a letter missing"},
		{"msc arora", "ves-aurora", "a vessel name heard over the radio"},
		{"9074792", "ves-aurora", "IMO number with two digits swapped"},
		{"MSCU1234506", "box-1", "container number, one digit wrong"},
		{"MSCU 1204506", "box-1", "container number, two digits wrong"},
		{"+44 20 7946 0959", "phone", "phone number, last digit wrong"},
		{"020 7946 0958", "phone", "phone number in its national form"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			hits := search(t, ix, tt.query, Options{})
			if r := rank(hits, tt.want); r == 0 || r > 5 {
				t.Errorf("Search(%q) = %v, want %s in the top 5", tt.query, ids(hits), tt.want)
			}
		})
	}
}

func TestSearchExactIdentifierFirst(t *testing.T) {
	ix := small(t)
	for _, q := range []string{"MSCU1234566", "MSCU1234576", "MSCU7234566"} {
		hits := search(t, ix, q, Options{})
		if len(hits) == 0 || hits[0].Doc.Title != q {
			t.Errorf("Search(%q) = %v, want the container itself first", q, ids(hits))
		}
	}
	// the near misses come after, as the investigator may have misread
	hits := search(t, ix, "MSCU1234566", Options{})
	if r := rank(hits, "box-2"); r == 0 {
		t.Errorf("Search(MSCU1234566) = %v, want the container one digit off among the hits", ids(hits))
	}
}

func TestSearchHighlightsOriginalCharacters(t *testing.T) {
	ix := New()
	ix.Put(
		Doc{ID: "1", Kind: KindEntity, Title: "Muñoz Rojas", Fields: []string{"Muñoz Rojas"}},
		Doc{ID: "2", Kind: KindEntity, Title: "Jürgen Strauß", Fields: []string{"ID 77", "Jürgen Strauß"}},
		Doc{ID: "3", Kind: KindEntity, Title: "Щербаков", Fields: []string{"Щербаков"}},
		Doc{ID: "4", Kind: KindEntity, Title: "MSCU 123456-6", Fields: []string{"MSCU 123456-6"}},
		Doc{ID: "5", Kind: KindEntity, Title: "Rojas Garsía", Fields: []string{"Rojas Garsía"}},
		Doc{ID: "6", Kind: KindEntity, Title: "Bananas of Ana", Fields: []string{"Bananas of Ana"}},
		Doc{ID: "7", Kind: KindEntity, Title: "+32141429149", Fields: []string{"+32141429149"}},
	)
	tests := []struct {
		query, id string
		field     int
		matched   []int
		segments  string // the field with its matched characters in brackets
	}{
		{"munoz", "1", 0, []int{0, 1, 2, 4, 5}, "[Muñoz] Rojas"},                          // ñ is bytes 2-3, one character
		{"rojas munoz", "1", 0, []int{0, 1, 2, 4, 5, 7, 8, 9, 10, 11}, "[Muñoz] [Rojas]"}, // both words, in any order
		{"strauss", "2", 1, []int{8, 9, 10, 11, 12, 13}, "Jürgen [Strauß]"},               // ß gives "ss": one character highlighted
		{"shcherbakov", "3", 0, []int{0, 2, 4, 6, 8, 10, 12, 14}, "[Щербаков]"},
		{"mscu1234566", "4", 0, []int{0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 12}, "[MSCU] [123456]-[6]"},
		{"garcia", "5", 0, []int{6, 7, 8, 10, 12}, "Rojas [Gar]s[ía]"}, // a typo: the letters typed right
		{"ana", "6", 0, []int{11, 12, 13}, "Bananas of [Ana]"},         // the word, not the letters inside another
		{"+32 1414 29149", "7", 0, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, "+[32141429149]"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits := search(t, ix, tt.query, Options{})
			if len(hits) == 0 || hits[0].Doc.ID != tt.id {
				t.Fatalf("Search(%q) = %v, want %s first", tt.query, ids(hits), tt.id)
			}
			h := hits[0]
			if h.Field != tt.field || !slices.Equal(h.Matched, tt.matched) {
				t.Errorf("hit field %d matched %v, want field %d matched %v", h.Field, h.Matched, tt.field, tt.matched)
			}
			if got := bracketed(Segments(h.Doc.Fields[h.Field], h.Matched)); got != tt.segments {
				t.Errorf("Segments = %s, want %s", got, tt.segments)
			}
		})
	}
}

// bracketed writes segments with the matched ones in brackets.
func bracketed(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Matched {
			fmt.Fprintf(&b, "[%s]", s.Text)
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestSearchKinds(t *testing.T) {
	ix := small(t)
	all := search(t, ix, "esa 2026 0001", Options{})
	kinds := map[Kind]bool{}
	for _, h := range all {
		kinds[h.Doc.Kind] = true
	}
	if !kinds[KindCase] || !kinds[KindSeizure] {
		t.Fatalf("Search without a filter = %v, want the case and its seizure", ids(all))
	}
	for _, k := range [][]Kind{{KindSeizure}, {KindCase, KindTask}, {KindEntity}} {
		hits := search(t, ix, "rojas", Options{Kinds: k})
		for _, h := range hits {
			if !slices.Contains(k, h.Doc.Kind) {
				t.Errorf("Search(rojas, kinds %v) returned a %s", k, h.Doc.Kind)
			}
		}
	}
	if hits := search(t, ix, "rojas", Options{Kinds: []Kind{KindTask}}); !slices.Equal(ids(hits), []string{"task-1"}) {
		t.Errorf("Search(rojas, tasks) = %v, want the task only", ids(hits))
	}
}

func TestSearchLimit(t *testing.T) {
	ix := New()
	for i := range 50 {
		ix.Put(Doc{ID: fmt.Sprint(i), Kind: KindEntity, Title: fmt.Sprintf("Rojas %d", i), Fields: []string{fmt.Sprintf("Rojas %d", i)}})
	}
	if n := len(search(t, ix, "rojas", Options{})); n != DefaultLimit {
		t.Errorf("default limit: %d hits, want %d", n, DefaultLimit)
	}
	if n := len(search(t, ix, "rojas", Options{Limit: 7})); n != 7 {
		t.Errorf("limit 7: %d hits", n)
	}
	if n := len(search(t, ix, "rojas", Options{Limit: 100})); n != 50 {
		t.Errorf("limit 100: %d hits, want all 50", n)
	}
}

func TestSearchNothingToSearch(t *testing.T) {
	ix := small(t)
	for _, q := range []string{"", "   ", "—", "!!"} {
		if hits := search(t, ix, q, Options{}); len(hits) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, ids(hits))
		}
	}
}

func TestSearchScoresBestFirst(t *testing.T) {
	ix := small(t)
	hits := search(t, ix, "rojas", Options{})
	if len(hits) < 3 {
		t.Fatalf("Search(rojas) = %v", ids(hits))
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("hit %d scores %d, above hit %d's %d", i, hits[i].Score, i-1, hits[i-1].Score)
		}
	}
}

func TestSearchHitIsTheCallers(t *testing.T) {
	ix := small(t)
	hits := search(t, ix, "munoz rojas", Options{})
	hits[0].Doc.Fields[0] = "changed"
	again := search(t, ix, "munoz rojas", Options{})
	if again[0].Doc.Fields[0] == "changed" {
		t.Error("changing a hit's Doc changed the index")
	}
}
