package search

import (
	"context"
	"math"
	"slices"
	"testing"
)

// referenceScore scores a record the slow way: every field of every record
// through the matchers, with none of the character-set and pair filters,
// bounds and skipped passes a search uses to avoid work. Those may make a
// search faster, never different.
func referenceScore(ix *Index, q *query, it *item) (int, bool) {
	fields := ix.fieldsOf(it)
	text := func(f field) []byte { return ix.textOf(&f) }
	best, found := math.MinInt, false
	keep := func(sc int) {
		if !found || sc > best {
			best, found = sc, true
		}
	}
	inOrder := func(w *word) (int, int) {
		b, at := math.MinInt, -1
		for fi, f := range fields {
			if sc, ok := w.inOrder(text(f)); ok && sc > b {
				b, at = sc, fi
			}
		}
		return b, at
	}
	typo := func(w *word) (int, int) {
		b, at := math.MinInt, -1
		if w.typo == nil {
			return b, at
		}
		for fi, f := range fields {
			if int(f.n) < len(w.text)-w.typos {
				continue
			}
			if d := w.typo.distance(text(f)); d >= 1 && d <= w.typos {
				if sc := typoScore(len(w.text), d, int(f.n)); sc > b {
					b, at = sc, fi
				}
			}
		}
		return b, at
	}
	// the query in order, as typed and with mistakes
	if sc, at := inOrder(&q.whole); at >= 0 {
		keep(sc)
	}
	if q.whole.typo != nil {
		for _, f := range fields {
			if int(f.n) < len(q.whole.text)-q.whole.typos {
				continue
			}
			if d := q.whole.typo.distance(text(f)); d >= 1 && d <= q.whole.typos {
				keep(q.wholeTypoScore(d, int(f.n)))
			}
		}
	}
	if !q.multi() {
		return best, found
	}
	// the words in any order, all as typed or one with mistakes
	for mistyped := -1; mistyped < len(q.words); mistyped++ {
		sum, first, same := 0, -1, true
		for i := range q.words {
			var sc, at int
			if i == mistyped {
				sc, at = typo(&q.words[i])
			} else {
				sc, at = inOrder(&q.words[i])
			}
			if at < 0 {
				sum = math.MinInt
				break
			}
			sum += sc
			if first < 0 {
				first = at
			}
			same = same && at == first
		}
		if sum == math.MinInt {
			continue
		}
		if same {
			sum += sameFieldBonus
		}
		if mistyped < 0 {
			keep(sum)
		} else if _, at := inOrder(&q.words[mistyped]); at < 0 {
			keep(sum) // a word is matched with mistakes only where it is not found as typed
		}
	}
	return best, found
}

func TestFiltersAndBoundsNeverChangeResults(t *testing.T) {
	docs := newCorpus(5).docs(4000)
	ix := New()
	ix.Put(docs...)
	queries := []string{"garsia", "maria garsia", "rojas munos", "msc arora", "kwame mensha", "9074792", "+44 20 7946", "esa 2026", "a", "mu", "sz 0001"}
	for _, q := range benchQueries(docs) {
		queries = append(queries, q.text)
	}
	for _, query := range queries {
		q, _ := parseQuery(query)
		var want []ranked
		for s := range ix.items.len() {
			if it := ix.items.at(s); !it.remove {
				if sc, ok := referenceScore(ix, &q, it); ok {
					want = append(want, ranked{score: sc, slot: uint32(s)})
				}
			}
		}
		slices.SortFunc(want, compareRanked)
		want = want[:min(len(want), DefaultLimit)]

		hits, err := ix.Search(context.Background(), query, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != len(want) {
			t.Errorf("%q: %d hits, the reference %d", query, len(hits), len(want))
			continue
		}
		for i, h := range hits {
			if h.Score != want[i].score || h.Doc.ID != ix.doc(want[i].slot).ID {
				t.Errorf("%q: hit %d is %s scoring %d, the reference's %s scoring %d",
					query, i, h.Doc.Title, h.Score, ix.doc(want[i].slot).Title, want[i].score)
				break
			}
		}
	}
}
