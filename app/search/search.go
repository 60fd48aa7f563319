package search

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// DefaultLimit is how many hits a search returns when Options.Limit is 0.
const DefaultLimit = 20

// Options narrow a search.
type Options struct {
	Limit int    // at most this many hits; 0 (or less) means DefaultLimit
	Kinds []Kind // only records of these kinds; none means every kind
}

// Hit is one record found, with where and how well it matched.
type Hit struct {
	Doc     Doc
	Field   int   // which of Doc.Fields matched best
	Score   int   // higher is better
	Matched []int // byte offsets into Doc.Fields[Field] (the original text) of the matched characters, each the start of a whole UTF-8 character
}

// Search returns the records that match query, best first. A query with
// nothing searchable in it (empty, or punctuation only) finds nothing. When
// ctx is cancelled (a new keystroke), Search stops at the end of the chunk
// of records each core is on (a millisecond or less) and returns ctx.Err().
//
// A search runs in two passes. The first finds the records that hold every
// word of the query as typed, in order or not; the second, forgiving
// mistakes, runs only when the first did not fill the results with hits no
// near miss could outrank.
func (ix *Index) Search(ctx context.Context, query string, opt Options) ([]Hit, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	q, ok := parseQuery(query)
	if !ok {
		return nil, nil
	}
	s := &scan{q: &q, limit: opt.Limit, kinds: kindSet(opt.Kinds)}
	if s.limit <= 0 {
		s.limit = DefaultLimit
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s.ix = ix

	ranked, err := s.run(ctx, false, math.MinInt)
	if err != nil {
		return nil, err
	}
	if ceiling, ok := q.typoCeiling(); ok {
		floor := math.MinInt
		if len(ranked) == s.limit {
			floor = ranked[len(ranked)-1].score
		}
		if floor <= ceiling {
			s.typos = true
			more, err := s.run(ctx, true, floor)
			if err != nil {
				return nil, err
			}
			ranked = mergeRanked(ranked, more, s.limit)
		}
	}
	hits := make([]Hit, len(ranked))
	for i, r := range ranked {
		hits[i] = s.hit(r)
	}
	return hits, nil
}

// typoCeiling is the most a record can score in the second pass, and
// whether the query has a word long enough to forgive a mistake in. A
// field shorter than the word it matches with mistakes (a letter missing)
// scores up to one more per mistake than the bounds say.
func (q *query) typoCeiling() (int, bool) {
	ceiling, ok := math.MinInt, false
	if q.whole.typo != nil {
		ceiling, ok = q.wholeTypoScore(1, len(q.whole.text)-q.whole.typos), true
	}
	if q.multi() && q.wordTypos {
		// every word as typed but one, with a mistake
		cheapest := math.MaxInt
		for _, w := range q.words {
			if w.typo != nil {
				cheapest = min(cheapest, w.bound-typoScore(len(w.text), 1, len(w.text)-w.typos))
			}
		}
		ceiling, ok = max(ceiling, q.sumBound-cheapest+sameFieldBonus), true
	}
	return ceiling, ok
}

// wholeTypoScore ranks the query run together matching a field of n bytes
// with d mistakes. It is typoScore scaled to the query's words one by one,
// not to the query run together, whose in-order bound grows with its
// length: for "maria garcia", "Mario Garcin" (in order, two mistakes) must
// not outrank "García, María" (word by word, none).
func (q *query) wholeTypoScore(d, n int) int {
	return q.sumBound>>d + len(q.whole.text) - n
}

// kindSet is a bit per position in Kinds; every bit when kinds is empty.
func kindSet(kinds []Kind) uint32 {
	if len(kinds) == 0 {
		return math.MaxUint32
	}
	var set uint32
	for _, k := range kinds {
		set |= 1 << kindIndex(k)
	}
	return set
}

// ranked is a record's entry in the results: its score and its slot.
type ranked struct {
	score int
	slot  uint32
}

// better orders results: higher score first, then the record put first
// (the order fuzzy.Find keeps among equals).
func better(a, b ranked) bool {
	return a.score > b.score || a.score == b.score && a.slot < b.slot
}

func compareRanked(a, b ranked) int {
	switch {
	case better(a, b):
		return -1
	case better(b, a):
		return 1
	}
	return 0
}

// mergeRanked merges the results of the second pass into the first's: a
// record in both keeps its better score.
func mergeRanked(first, second []ranked, limit int) []ranked {
	bySlot := make(map[uint32]int, len(first)+len(second))
	out := make([]ranked, 0, len(first)+len(second))
	for _, r := range slices.Concat(first, second) {
		if i, ok := bySlot[r.slot]; ok {
			out[i].score = max(out[i].score, r.score)
			continue
		}
		bySlot[r.slot] = len(out)
		out = append(out, r)
	}
	slices.SortFunc(out, compareRanked)
	return out[:min(len(out), limit)]
}

// scan is one search over the index, run by several workers.
type scan struct {
	ix    *Index
	q     *query
	limit int
	kinds uint32
	typos bool // the second pass: forgive mistakes

	floor atomic.Int64 // no record scoring less than this can make the results
}

// chunkSize is how many records a worker takes at a time, and so how often
// it looks whether the search was cancelled. It divides a page of items.
const chunkSize = 4096

// run scores every record, on every core, and returns the best, best first.
// No record scoring less than floor is returned.
func (s *scan) run(ctx context.Context, typos bool, floor int) ([]ranked, error) {
	s.typos = typos
	s.floor.Store(int64(floor))
	n := s.ix.items.len()
	chunks := (n + chunkSize - 1) / chunkSize
	workers := min(runtime.GOMAXPROCS(0), chunks)
	var next atomic.Int64
	results := make([]topK, max(workers, 1))
	var cancelled atomic.Bool
	work := func(w int) {
		wk := worker{scan: s, top: topK{limit: s.limit}}
		done := ctx.Done()
		for {
			c := int(next.Add(1) - 1)
			if c >= chunks {
				break
			}
			select {
			case <-done:
				cancelled.Store(true)
				return
			default:
			}
			wk.chunk(c*chunkSize, min((c+1)*chunkSize, n))
		}
		results[w] = wk.top
	}
	if workers <= 1 {
		work(0)
	} else {
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() { work(w) })
		}
		wg.Wait()
	}
	if cancelled.Load() {
		return nil, ctx.Err()
	}
	var all []ranked
	for _, t := range results {
		all = append(all, t.heap...)
	}
	slices.SortFunc(all, compareRanked)
	return all[:min(len(all), s.limit)], nil
}

// sameFieldBonus is added when the words of a query, matched in any order,
// are all found in one field: "Javier Smit" is a better answer to "smit
// javier" than "Rui Smit, also known as Javier O'Brien".
const sameFieldBonus = matchFollowingSeparatorBonus

// worker scans chunks of records and keeps its own best.
type worker struct {
	*scan
	top topK
}

// chunk scores the records in slots [from, to).
func (wk *worker) chunk(from, to int) {
	items := wk.ix.items.run(from, to-from) // chunks never straddle a page
	for i := range items {
		it := &items[i]
		if it.remove || wk.kinds&(1<<it.kind) == 0 {
			continue
		}
		var words, whole bool
		if !wk.typos {
			// Is some letter or pair of letters of the query nowhere in the
			// record? In order or not, it would be needed.
			words = wk.mayMatch(it)
			whole = words
		} else {
			words, whole = wk.mayMatchWithTypos(it)
		}
		if !words && !whole {
			continue
		}
		if score, ok := wk.score(it, words, whole); ok {
			wk.offer(ranked{score: score, slot: uint32(from + i)})
		}
	}
}

// mayMatch reports whether a record could match the query as typed.
func (wk *worker) mayMatch(it *item) bool {
	q := wk.q
	if !q.multi() {
		return q.whole.mayMatch(it.mask, &it.pairs)
	}
	for i := range q.words {
		if !q.words[i].mayMatch(it.mask, &it.pairs) {
			return false
		}
	}
	return true
}

// mayMatchWithTypos reports whether a record could match the query's words
// in any order with mistakes in one, and whether it could match the query
// in order with mistakes.
func (wk *worker) mayMatchWithTypos(it *item) (words, whole bool) {
	q := wk.q
	whole = q.whole.mayMatchTypo(it.mask, &it.pairs)
	if !q.multi() || !q.wordTypos {
		return false, whole
	}
	mistyped := 0
	for i := range q.words {
		w := &q.words[i]
		if w.mayMatch(it.mask, &it.pairs) {
			continue
		}
		if mistyped++; mistyped > 1 || !w.mayMatchTypo(it.mask, &it.pairs) {
			return false, whole
		}
	}
	return true, whole
}

// score scores one record: the best of its words in any order across its
// fields, and of the query in order in one field. The first pass matches
// as typed; the second forgives mistakes, and so only scores what the
// first could not: the query in order with mistakes, and the words in any
// order when some word may have them.
//
// words and whole say which of the two ways the record may match at all.
func (wk *worker) score(it *item, words, whole bool) (int, bool) {
	ix, q := wk.ix, wk.q
	fields := ix.fieldsOf(it)
	best, found := math.MinInt, false
	if q.multi() && words {
		// Each word as typed, longest first: a record that lacks it is
		// dropped soonest. In the second pass one word, and only one, may
		// be found with mistakes instead.
		sum, ok, sameField, firstField, typoWord := 0, true, true, -1, -1
		for _, wi := range q.order {
			sc, at := wk.bestInOrder(&q.words[wi], fields)
			if at < 0 && wk.typos && typoWord < 0 && q.words[wi].typo != nil {
				typoWord = wi
				continue
			}
			if at < 0 {
				ok = false
				break
			}
			sum += sc
			if firstField < 0 {
				firstField = at
			}
			sameField = sameField && at == firstField
		}
		if ok && typoWord >= 0 {
			sc, at := wk.bestTypo(&q.words[typoWord], fields)
			ok = at >= 0
			sum += sc
			sameField = sameField && at == firstField
		}
		switch {
		case ok:
			if sameField {
				sum += sameFieldBonus
			}
			best, found = sum, true
		case !wk.typos:
			return 0, false // a record with a word missing cannot hold them all in order either
		}
	}
	if !whole {
		return best, found
	}
	w := &q.whole
	floor := max(int(wk.floor.Load()), best)
	for fi := range fields {
		f := &fields[fi]
		n := int(f.n)
		if !wk.typos {
			if w.bound+len(w.text)-n >= floor && w.mayMatch(f.mask, &f.pairs) {
				if sc, ok := w.inOrder(ix.textOf(f)); ok && sc > best {
					best, found = sc, true
					floor = max(floor, best)
				}
			}
		} else if w.typo != nil && q.wholeTypoScore(1, n) >= floor && w.mayHaveTypoMatch(f.mask, &f.pairs, n) {
			if d, ok := w.mistakes(ix.textOf(f)); ok {
				if sc := q.wholeTypoScore(d, n); sc > best {
					best, found = sc, true
					floor = max(floor, best)
				}
			}
		}
	}
	return best, found
}

// bestInOrder returns w's best score as typed in any of fields, and which
// field that was, -1 if none holds it.
func (wk *worker) bestInOrder(w *word, fields []field) (int, int) {
	best, at := math.MinInt, -1
	for fi := range fields {
		f := &fields[fi]
		if !w.mayMatch(f.mask, &f.pairs) {
			continue
		}
		if sc, ok := w.inOrder(wk.ix.textOf(f)); ok && sc > best {
			best, at = sc, fi
		}
	}
	return best, at
}

// bestTypo returns w's best score with mistakes in any of fields, and
// which field that was, -1 if none holds it.
func (wk *worker) bestTypo(w *word, fields []field) (int, int) {
	best, at := math.MinInt, -1
	for fi := range fields {
		f := &fields[fi]
		n := int(f.n)
		if !w.mayHaveTypoMatch(f.mask, &f.pairs, n) {
			continue
		}
		if d, ok := w.mistakes(wk.ix.textOf(f)); ok {
			if sc := typoScore(len(w.text), d, n); sc > best {
				best, at = sc, fi
			}
		}
	}
	return best, at
}

// wordScore scores one query word in one field: in order as typed, or, in
// the second pass, with mistakes when that could score more.
func (s *scan) wordScore(w *word, f *field, text []byte) (int, bool) {
	best, found := math.MinInt, false
	n := int(f.n)
	if w.mayMatch(f.mask, &f.pairs) {
		best, found = w.inOrder(text)
	}
	if s.typos && w.typo != nil && (!found || best < w.bound>>1+len(w.text)-n) && w.mayHaveTypoMatch(f.mask, &f.pairs, n) {
		if d, ok := w.mistakes(text); ok {
			if sc := typoScore(len(w.text), d, n); !found || sc > best {
				best, found = sc, true
			}
		}
	}
	return best, found
}

// offer keeps r if it is among the best so far, and raises the floor every
// worker prunes by once this worker's results are full.
func (wk *worker) offer(r ranked) {
	if !wk.top.push(r) {
		return
	}
	if len(wk.top.heap) == wk.top.limit {
		worst := int64(wk.top.heap[0].score)
		for {
			f := wk.floor.Load()
			if worst <= f || wk.floor.CompareAndSwap(f, worst) {
				break
			}
		}
	}
}

// topK keeps the best limit results seen, the worst of them at heap[0].
type topK struct {
	limit int
	heap  []ranked
}

// push offers r and reports whether it was kept.
func (t *topK) push(r ranked) bool {
	h := t.heap
	if len(h) < t.limit {
		h = append(h, r)
		for i := len(h) - 1; i > 0; {
			p := (i - 1) / 2
			if !better(h[p], h[i]) {
				break
			}
			h[p], h[i] = h[i], h[p]
			i = p
		}
		t.heap = h
		return true
	}
	if !better(r, h[0]) {
		return false
	}
	h[0] = r
	for i := 0; ; {
		l, rr, worst := 2*i+1, 2*i+2, i
		if l < len(h) && better(h[worst], h[l]) {
			worst = l
		}
		if rr < len(h) && better(h[worst], h[rr]) {
			worst = rr
		}
		if worst == i {
			break
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
	return true
}
