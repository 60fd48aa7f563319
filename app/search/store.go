package search

// The index's arrays grow one record at a time as a workspace opens (the
// app puts its records as it reads them), to a million records and more.
// A slice grown by append is copied to a new array each time it fills:
// over a million Puts that copies the whole index several times over, and
// touches twice its memory. So the index keeps its arrays in pages that
// are filled and never moved.

// pages is an append-only array kept in pages of 1<<bits values.
type pages[T any] struct {
	bits uint
	p    [][]T
	n    int // values held, counting the unused ends of pages a run skipped
}

func newPages[T any](bits uint) pages[T] { return pages[T]{bits: bits} }

func (a *pages[T]) len() int { return a.n }

// at returns the value at i.
func (a *pages[T]) at(i int) *T {
	return &a.p[i>>a.bits][i&(1<<a.bits-1)]
}

// run returns the n values from i, which lie in one page.
func (a *pages[T]) run(i, n int) []T {
	off := i & (1<<a.bits - 1)
	return a.p[i>>a.bits][off : off+n]
}

// add appends vs, all in one page so that run can return them as one
// slice, starting a new page if the current one has too little room left;
// it returns where they start. len(vs) must not be more than a page.
func (a *pages[T]) add(vs ...T) int {
	size := 1 << a.bits
	if len(vs) > size {
		panic("search: run longer than a page")
	}
	if a.n+len(vs) > len(a.p)<<a.bits {
		if a.n < len(a.p)<<a.bits {
			a.n = len(a.p) << a.bits // leave the rest of this page unused
		}
		a.p = append(a.p, make([]T, size))
	}
	at := a.n
	copy(a.run(at, len(vs)), vs)
	a.n += len(vs)
	return at
}

// arena holds byte strings, packed one after the other in chunks of at
// least arenaChunk bytes, each string in one chunk. A string is addressed
// by its chunk and its offset there.
type arena struct {
	chunks [][]byte
}

const arenaChunk = 1 << 20

// add appends b and returns its address: chunk<<32 | offset.
func (a *arena) add(b []byte) uint64 {
	last := len(a.chunks) - 1
	if last < 0 || len(a.chunks[last])+len(b) > cap(a.chunks[last]) {
		a.chunks = append(a.chunks, make([]byte, 0, max(arenaChunk, len(b))))
		last++
	}
	c := a.chunks[last]
	at := uint64(last)<<32 | uint64(len(c))
	a.chunks[last] = append(c, b...)
	return at
}

// from returns the bytes from address at to the end of its chunk.
func (a *arena) from(at uint64) []byte {
	return a.chunks[at>>32][at&(1<<32-1):]
}

// textArena is an arena for the folded fields, addressed in 32 bits: a
// field is found by its chunk of 1<<textChunkBits bytes and its offset
// there, as the hot loop of a search wants it, in the 4 bytes of a field's
// entry. It holds up to 4 GiB of folded text, some 50 million records.
type textArena struct {
	chunks [][]byte
}

const textChunkBits = 20

// maxFieldText is the most folded text a field is indexed by: a field is
// a name, an identifier, a line of a note. A longer one is found by its
// first 64 KiB.
const maxFieldText = 1 << 16

// add appends b, at most maxFieldText bytes, and returns its address.
func (a *textArena) add(b []byte) uint32 {
	last := len(a.chunks) - 1
	if last < 0 || len(a.chunks[last])+len(b) > 1<<textChunkBits {
		if len(a.chunks) == 1<<(32-textChunkBits) {
			panic("search: more than 4 GiB of folded text")
		}
		a.chunks = append(a.chunks, make([]byte, 0, 1<<textChunkBits))
		last++
	}
	c := a.chunks[last]
	at := uint32(last)<<textChunkBits | uint32(len(c))
	a.chunks[last] = append(c, b...)
	return at
}

// get returns the n bytes at address at.
func (a *textArena) get(at, n uint32) []byte {
	off := at & (1<<textChunkBits - 1)
	return a.chunks[at>>textChunkBits][off : off+n]
}
