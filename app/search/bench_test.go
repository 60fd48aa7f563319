package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sahilm/fuzzy"
)

// The benchmark: an index of synthetic records, 1- to 3-word queries typed
// as investigators type them, and the same queries given to fuzzy.Find over
// the same folded fields, the baseline the index must beat. Run with
//
//	go test -run '^$' -bench . -benchtime 1x ./app/search
//
// It reports the median and 95th percentile of a query, the time and heap
// it took to build the index, and the baseline's median and best hits.

// benchIndex is an index built once per size, whatever b.N.
type benchIndex struct {
	ix      *Index
	queries []benchQuery
	build   time.Duration
	heapMB  float64 // the heap the index holds once the Docs it was given are gone: everything it keeps
}

// benchQuery is a query and the kind of typing it stands for.
type benchQuery struct {
	text string
	// Typed with mistakes or with its words out of order: the baseline
	// cannot be expected to find what was meant, and its best hit is not
	// compared with the index's.
	loose bool
	// The record an identifier query was drawn from, which it must find
	// in the top 5 (names are shared by many records at this scale).
	want string
}

var (
	benchMu      sync.Mutex
	benchIndexes = map[int]*benchIndex{}
)

func heapInuse() float64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapInuse) / (1 << 20)
}

func buildBenchIndex(b *testing.B, n int) *benchIndex {
	benchMu.Lock()
	defer benchMu.Unlock()
	if bi, ok := benchIndexes[n]; ok {
		return bi
	}
	before := heapInuse()
	docs := newCorpus(42).docs(n)
	queries := benchQueries(docs)
	ix := New()
	start := time.Now()
	ix.Put(docs...)
	bi := &benchIndex{ix: ix, queries: queries, build: time.Since(start)}
	// docs is dead from here, as the app's records are once indexed: the
	// heap counts what the index keeps.
	bi.heapMB = heapInuse() - before
	benchIndexes[n] = bi
	return bi
}

// benchQueries draws the queries from the records themselves: names as
// typed, reordered, with a letter wrong, identifiers whole, in part, with
// digits wrong, with their printed spaces.
func benchQueries(docs []Doc) []benchQuery {
	r := rand.New(rand.NewPCG(7, 7))
	var persons, companies, vessels, containers, ibans, phones []Doc
	for _, d := range docs {
		switch ctx := d.Context; {
		case strings.HasPrefix(ctx, "person"):
			persons = append(persons, d)
		case strings.HasPrefix(ctx, "organisation"):
			companies = append(companies, d)
		case strings.HasPrefix(ctx, "vessel"):
			vessels = append(vessels, d)
		case strings.HasPrefix(ctx, "container"):
			containers = append(containers, d)
		case strings.HasPrefix(ctx, "bank account"):
			ibans = append(ibans, d)
		case strings.HasPrefix(ctx, "phone"):
			phones = append(phones, d)
		}
	}
	pick := func(ds []Doc) Doc { return ds[r.IntN(len(ds))] }
	words := func(d Doc) []string { return strings.Fields(d.Title) }
	var qs []benchQuery
	add := func(loose bool, format string, args ...any) {
		qs = append(qs, benchQuery{text: fmt.Sprintf(format, args...), loose: loose})
	}
	// addID adds an identifier query drawn from the record d.
	addID := func(d Doc, loose bool, format string, args ...any) {
		add(loose, format, args...)
		qs[len(qs)-1].want = d.ID
	}
	for range 6 { // a surname
		w := words(pick(persons))
		add(false, "%s", w[len(w)-1])
	}
	for range 6 { // given name and surname, unaccented
		w := words(pick(persons))
		add(false, "%s %s", Fold(w[0]), Fold(w[1]))
	}
	for range 4 { // surname then given name
		w := words(pick(persons))
		add(true, "%s %s", w[1], w[0])
	}
	for range 4 { // all three names
		for {
			if w := words(pick(persons)); len(w) == 3 {
				add(false, "%s %s %s", w[0], w[1], w[2])
				break
			}
		}
	}
	for range 4 { // a surname with a letter wrong
		w := []byte(Fold(words(pick(persons))[1]))
		if len(w) >= 5 {
			w[2] = 'x'
		}
		add(true, "%s", w)
	}
	for range 4 { // given name and surname, a letter of the surname wrong
		w := words(pick(persons))
		s := []byte(Fold(w[1]))
		if len(s) >= 5 {
			s[3] = 'x'
		}
		add(true, "%s %s", Fold(w[0]), s)
	}
	for range 4 { // two words of a company
		w := words(pick(companies))
		add(false, "%s %s", w[0], w[1])
	}
	for range 3 { // a vessel
		add(false, "%s", pick(vessels).Title)
	}
	for range 2 { // a vessel name heard wrong
		v := []byte(pick(vessels).Title)
		v[len(v)-2], v[len(v)-3] = v[len(v)-3], v[len(v)-2]
		add(true, "%s", v)
	}
	for range 4 { // a container number, whole
		d := pick(containers)
		addID(d, false, "%s", d.Title)
	}
	for range 3 { // its first eight characters
		add(false, "%s", pick(containers).Title[:8])
	}
	for range 4 { // with one or two digits wrong
		d := pick(containers)
		c := []byte(d.Title)
		c[6] = '0' + (c[6]-'0'+3)%10
		if r.IntN(2) == 0 {
			c[9] = '0' + (c[9]-'0'+5)%10
		}
		addID(d, true, "%s", c)
	}
	for range 3 { // an IMO number
		v := pick(vessels)
		addID(v, false, "%s", strings.TrimPrefix(v.Fields[1], "IMO "))
	}
	for range 3 { // an IBAN as printed
		d := pick(ibans)
		addID(d, false, "%s", d.Fields[len(d.Fields)-1])
	}
	for range 2 { // with its last digit wrong
		d := pick(ibans)
		iban := []byte(d.Fields[len(d.Fields)-1])
		iban[len(iban)-1] = '0' + (iban[len(iban)-1]-'0'+1)%10
		addID(d, true, "%s", iban)
	}
	for range 3 { // a phone number typed with spaces
		d := pick(phones)
		p := d.Title
		addID(d, false, "%s %s %s", p[:3], p[3:7], p[7:])
	}
	return qs
}

func BenchmarkSearch(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) { benchSearch(b, n) })
	}
}

func benchSearch(b *testing.B, n int) {
	bi := buildBenchIndex(b, n)
	ctx := context.Background()
	var took []time.Duration
	tops := make([]string, len(bi.queries))
	found, wanted := 0, 0
	b.ResetTimer()
	for round := range b.N {
		for i, q := range bi.queries {
			start := time.Now()
			hits, err := bi.ix.Search(ctx, q.text, Options{})
			took = append(took, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
			if len(hits) == 0 {
				b.Errorf("%q found nothing", q.text)
				continue
			}
			tops[i] = hits[0].Doc.ID
			if q.want != "" && round == 0 {
				wanted++
				if r := rank(hits, q.want); r >= 1 && r <= 5 {
					found++
				} else {
					b.Errorf("%q: the record it was drawn from is not in the top 5 (rank %d)", q.text, r)
				}
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(found), "ids-in-top5")
	b.ReportMetric(float64(wanted), "ids-asked")
	median, p95 := percentiles(took)
	b.ReportMetric(ms(median), "median-ms")
	b.ReportMetric(ms(p95), "p95-ms")
	b.ReportMetric(bi.build.Seconds(), "build-s")
	b.ReportMetric(bi.heapMB, "heap-MB")

	// The baseline: fuzzy.Find over every folded field, one string each,
	// for the same queries as the index runs them in order (folded, word
	// breaks dropped), timed one by one, and its best hit compared with
	// the index's.
	folded, owner := bi.ix.foldedFields()
	var baseTook, indexTook []time.Duration
	same, compared := 0, 0
	for i, q := range bi.queries {
		pq, _ := parseQuery(q.text)
		start := time.Now()
		matches := fuzzy.Find(string(pq.whole.text), folded)
		baseTook = append(baseTook, time.Since(start))
		indexTook = append(indexTook, took[i])
		if len(matches) == 0 || q.loose {
			continue
		}
		compared++
		if best := bi.ix.doc(owner[matches[0].Index]).ID; best == tops[i] {
			same++
		} else {
			b.Errorf("%q: the index's best hit is %s, fuzzy.Find's %s", q.text, tops[i], best)
		}
	}
	baseMedian, _ := percentiles(baseTook)
	indexMedian, _ := percentiles(indexTook)
	b.ReportMetric(ms(baseMedian), "baseline-median-ms")
	b.ReportMetric(float64(baseMedian)/float64(indexMedian), "speedup-x")
	b.ReportMetric(float64(same), "same-best-hit")
	b.ReportMetric(float64(compared), "compared")
}

// foldedFields returns every live field's folded text as a string, and the
// slot each belongs to: what the baseline searches.
func (ix *Index) foldedFields() ([]string, []uint32) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var out []string
	var owner []uint32
	for s := range ix.items.len() {
		it := ix.items.at(s)
		if it.remove {
			continue
		}
		for _, f := range ix.fieldsOf(it) {
			out = append(out, string(ix.textOf(&f)))
			owner = append(owner, uint32(s))
		}
	}
	return out, owner
}

func percentiles(d []time.Duration) (median, p95 time.Duration) {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2], s[min(len(s)-1, len(s)*95/100)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkPut builds an index of a million records the two ways the app
// does: all at once, and one Put per record as the workspace is read.
func BenchmarkPut(b *testing.B) {
	docs := newCorpus(42).docs(1_000_000)
	for _, mode := range []string{"all-at-once", "one-by-one"} {
		b.Run(mode, func(b *testing.B) {
			var build time.Duration
			var heap float64
			for range b.N {
				before := heapInuse()
				ix := New()
				start := time.Now()
				if mode == "all-at-once" {
					ix.Put(docs...)
				} else {
					for _, d := range docs {
						ix.Put(d)
					}
				}
				build = time.Since(start)
				heap = heapInuse() - before
				runtime.KeepAlive(ix)
			}
			b.ReportMetric(build.Seconds(), "build-s")
			b.ReportMetric(heap, "index-MB") // the docs' own strings are the caller's here
		})
	}
}

// BenchmarkLongQuery searches 100,000 records with queries of 10 KB, as
// pasted by mistake or sent by a script: one unbroken token, ten thousand
// letters of words, and a paragraph of numbers. Each must answer, or be
// refused, in well under a second.
func BenchmarkLongQuery(b *testing.B) {
	bi := buildBenchIndex(b, 100_000)
	queries := map[string]string{
		"one token":  strings.Repeat("munozrojas", 1024),
		"words":      strings.Repeat("maria garcia lopez ", 540)[:10240],
		"numbers":    strings.Repeat("4420 7946 0958 ", 683)[:10240],
		"one letter": strings.Repeat("a", 10240),
	}
	// Records that hold the pasted text itself, so that every query has
	// long fields to match and highlight, not only short names.
	ix := New()
	ix.Put(newCorpus(42).docs(10_000)...)
	for name, q := range queries {
		ix.Put(Doc{ID: "hostile " + name, Kind: KindNote, Title: "pasted", Fields: []string{strings.Repeat(q, 10)}})
	}
	for name, q := range queries {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := bi.ix.Search(context.Background(), q, Options{}); err != nil && !strings.Contains(err.Error(), "long") {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+" in notes that hold it", func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Search(context.Background(), q, Options{}); err != nil && !strings.Contains(err.Error(), "long") {
					b.Fatal(err)
				}
			}
		})
	}
}
