package search

import (
	"runtime"
	"slices"
	"sync"
)

// Index is the in-memory index: every Doc, packed, with its fields folded,
// the folded text of all of them in large contiguous chunks, and a summary
// per record and per field (which characters and pairs of characters it
// holds) so that a search can rule most of them out without reading their
// text. The zero Index is not usable; call New.
//
// Put and Remove change the index in place: an edited record is appended
// again and its old entry marked dead, and the dead entries are swept out
// once they are as many as the live ones, so each write costs the size of
// the record, never a rebuild. Searches hold a read lock, writes a write
// lock, and folding (the costly part of Put) happens before it is taken.
type Index struct {
	mu    sync.RWMutex
	slots slotMap // a Doc's ID → its entry in items
	store
	dead int // items of removed or replaced records not yet swept out
}

// store holds the entries, one per record put.
type store struct {
	items  pages[item]   // what a search reads of each record, in the order they were put
	docAt  pages[uint64] // where each item's Doc is packed in docs
	docs   arena         // the Docs, packed (see appendDoc)
	fields pages[field]  // the fields of every record, record after record
	text   textArena     // the folded text of every field
}

func newStore() store {
	return store{items: newPages[item](itemPageBits), docAt: newPages[uint64](itemPageBits), fields: newPages[field](fieldPageBits)}
}

// item is what a search needs to know of one record to decide whether to
// read its fields: 32 bytes, so that a million of them stream through the
// cache.
type item struct {
	mask   uint64 // the characters its fields hold between them
	pairs  pairs  // the character pairs its fields hold between them
	first  uint32 // its first field in Index.fields
	n      uint16 // how many fields it has
	kind   uint8  // its Kind's position in Kinds
	remove bool   // removed or replaced: skip, and sweep out later
}

// field is one folded field: n bytes of text at address off, with the
// characters and character pairs they hold.
type field struct {
	mask  uint64
	pairs pairs
	off   uint32
	n     uint32
}

// Page sizes: a search scans the items chunkSize at a time, one page at a
// time; a record's fields, at most maxFields, lie in one page.
const (
	itemPageBits  = 14
	fieldPageBits = 16
)

// maxFields is how many fields of one Doc are indexed (an item counts them
// in 16 bits); a note longer than that many lines is found by its first ones.
const maxFields = 1<<16 - 1

// New returns an empty index.
func New() *Index {
	return &Index{slots: newSlotMap(0), store: newStore()}
}

// Len is how many records the index holds.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.slots.len()
}

// Get returns the Doc with that ID, if the index holds it.
func (ix *Index) Get(id string) (Doc, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s, ok := ix.slots.get(id)
	if !ok {
		return Doc{}, false
	}
	return ix.doc(s), true
}

// doc unpacks the Doc of entry s.
func (st *store) doc(s uint32) Doc { return decodeDoc(st.docs.from(*st.docAt.at(int(s)))) }

// fieldsOf returns an item's fields.
func (st *store) fieldsOf(it *item) []field {
	if it.n == 0 {
		return nil
	}
	return st.fields.run(int(it.first), int(it.n))
}

// textOf returns a field's folded text.
func (st *store) textOf(f *field) []byte { return st.text.get(f.off, f.n) }

// Put adds docs to the index; a Doc whose ID the index already holds
// replaces the one it holds (the record was edited). A Doc without an ID is
// ignored: it could never be replaced or removed.
func (ix *Index) Put(docs ...Doc) {
	parts := prepare(docs)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, b := range parts {
		for i, id := range b.ids {
			if old, ok := ix.slots.get(id); ok {
				ix.kill(old)
			}
			end := len(b.docs)
			if i+1 < len(b.docAt) {
				end = int(b.docAt[i+1])
			}
			ix.slots.set(id, ix.add(b.items[i], b.fields, b.text, b.docs[b.docAt[i]:end]))
		}
		b.release()
	}
	ix.sweep()
}

// add appends an entry: its item, its fields (which it takes from fields,
// their text from text) and its packed Doc. It returns the entry's slot.
func (st *store) add(it item, fields []field, text []byte, doc []byte) uint32 {
	fs := fields[it.first : int(it.first)+int(it.n)]
	for i := range fs {
		fs[i].off = st.text.add(text[fs[i].off : fs[i].off+fs[i].n])
	}
	it.first = uint32(st.fields.add(fs...))
	st.docAt.add(st.docs.add(doc))
	return uint32(st.items.add(it))
}

// Remove takes the records with these IDs out of the index; IDs it does
// not hold are ignored.
func (ix *Index) Remove(ids ...string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, id := range ids {
		if s, ok := ix.slots.get(id); ok {
			ix.kill(s)
			ix.slots.delete(id)
		}
	}
	ix.sweep()
}

// kill marks an entry dead.
func (ix *Index) kill(s uint32) {
	ix.items.at(int(s)).remove = true
	ix.dead++
}

// sweep drops the dead entries once they are as many as the live ones, so
// that a workspace edited all day neither grows without end nor pays for a
// sweep on every write. The cost is linear in the live entries, paid once
// for as many writes.
func (ix *Index) sweep() {
	n := ix.items.len()
	if ix.dead < 64 || ix.dead*2 < n {
		return
	}
	old := ix.store
	ix.store, ix.dead = newStore(), 0
	var fields []field
	var text []byte
	for s := range n {
		it := *old.items.at(s)
		if it.remove {
			continue
		}
		fields, text = fields[:0], text[:0]
		for _, f := range old.fieldsOf(&it) {
			start := len(text)
			text = append(text, old.textOf(&f)...)
			f.off = uint32(start)
			fields = append(fields, f)
		}
		it.first = 0
		doc := old.docs.from(*old.docAt.at(s))
		doc = doc[:docLen(doc)]
		ix.slots.set(decodeID(doc), ix.add(it, fields, text, doc))
	}
}

// batch is a run of Docs folded, ready to be added to the index: its
// items' first fields and its fields' offsets count from the batch's start.
type batch struct {
	ids    []string
	items  []item
	docAt  []uint64
	docs   []byte
	fields []field
	text   []byte
}

// batches keeps the buffers of the small batches a Put of one record at a
// time folds into, so that a workspace of a million records, opened record
// by record, does not allocate them a million times.
var batches = sync.Pool{New: func() any { return new(batch) }}

// maxPooled is the most text a pooled batch may keep between Puts.
const maxPooled = 64 << 10

// release hands a batch back once its records are in the index.
func (b *batch) release() {
	if cap(b.text) > maxPooled || cap(b.docs) > maxPooled {
		return
	}
	clear(b.ids)
	b.ids, b.items, b.docAt, b.docs, b.fields, b.text = b.ids[:0], b.items[:0], b.docAt[:0], b.docs[:0], b.fields[:0], b.text[:0]
	batches.Put(b)
}

// prepare folds docs outside the index's lock, on every core for a large
// run (a workspace opening), so that searches are held up only by copying.
func prepare(docs []Doc) []*batch {
	const chunk = 8192
	workers := min(runtime.GOMAXPROCS(0), (len(docs)+chunk-1)/chunk)
	if workers <= 1 {
		b := batches.Get().(*batch)
		b.fold(docs)
		return []*batch{b}
	}
	parts := make([]*batch, workers)
	per := (len(docs) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range parts {
		wg.Go(func() {
			parts[w] = new(batch)
			parts[w].fold(docs[min(w*per, len(docs)):min((w+1)*per, len(docs))])
		})
	}
	wg.Wait()
	return parts
}

// fold folds docs one after the other into b.
func (b *batch) fold(docs []Doc) {
	b.ids = slices.Grow(b.ids, len(docs))
	b.items = slices.Grow(b.items, len(docs))
	b.docAt = slices.Grow(b.docAt, len(docs))
	b.docs = slices.Grow(b.docs, 128*len(docs))
	b.fields = slices.Grow(b.fields, 3*len(docs))
	b.text = slices.Grow(b.text, 64*len(docs))
	for _, d := range docs {
		if d.ID == "" {
			continue
		}
		it := item{first: uint32(len(b.fields)), kind: kindIndex(d.Kind)}
		for _, f := range d.Fields {
			if it.n == maxFields {
				break
			}
			// A field that folds to nothing (punctuation only) keeps its
			// place, so that field i of an item is Doc.Fields[i].
			start := len(b.text)
			b.text, _ = foldInto(b.text, nil, f, false)
			if len(b.text)-start > maxFieldText {
				b.text = b.text[:start+maxFieldText]
			}
			folded := b.text[start:]
			fd := field{off: uint32(start), n: uint32(len(folded)), mask: charMask(folded), pairs: pairMask(folded)}
			it.mask |= fd.mask
			it.pairs[0] |= fd.pairs[0]
			it.pairs[1] |= fd.pairs[1]
			b.fields = append(b.fields, fd)
			it.n++
		}
		b.ids = append(b.ids, d.ID)
		b.items = append(b.items, it)
		b.docAt = append(b.docAt, uint64(len(b.docs)))
		b.docs = appendDoc(b.docs, d)
	}
}
