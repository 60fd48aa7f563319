package search

import (
	"bytes"
	"math/bits"
	"slices"
)

// charMask is the set of characters a folded text holds, one bit each for
// a–z and 0–9 and one for any byte of a script without a Latin reading. A
// text cannot match a word whose set is not inside its own (nor, with k
// typos, one that has more than k characters missing), which rules out most
// of a million texts with one AND each.
func charMask(s []byte) uint64 {
	var m uint64
	for _, c := range s {
		m |= charBit[c]
	}
	return m
}

// charBit is each byte's bit in a charMask.
var charBit = func() (t [256]uint64) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1 << (c - 'a')
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 1 << (26 + c - '0')
	}
	for c := 0x80; c < 0x100; c++ {
		t[c] = 1 << 36
	}
	return t
}()

// pairs is the set of character pairs a folded text holds, word breaks
// skipped, in 128 bits: the hundred pairs of digits each have a bit of
// their own (identifiers are mostly digits, and a hash would pile them into
// a few bits), other pairs are hashed over all 128. A typing mistake breaks
// at most three of a word's pairs (a swap: "abcd" typed "acbd" loses ab, bc
// and cd), so a word of m characters with k mistakes still shares at least
// m-1-3k pairs with the text it is found in: for a long word (a name run
// together, a container or phone number) that rules out nearly every field
// before the costly edit distance is computed.
type pairs [2]uint64

func pairMask(s []byte) pairs {
	var m pairs
	var prev byte
	for _, c := range s {
		if c == ' ' {
			continue
		}
		if prev != 0 {
			b := pairBit(prev, c)
			m[b>>6] |= 1 << (b & 63)
		}
		prev = c
	}
	return m
}

func pairBit(a, b byte) uint {
	if a-'0' < 10 && b-'0' < 10 {
		return uint(a-'0')*10 + uint(b-'0')
	}
	return uint((uint64(a)<<8 | uint64(b)) * 0x9E3779B97F4A7C15 >> 57)
}

// shared counts the bits two pair sets share.
func (p pairs) shared(q pairs) int {
	return bits.OnesCount64(p[0]&q[0]) + bits.OnesCount64(p[1]&q[1])
}

// word is a folded query word, or the whole query with its word breaks
// dropped, ready to be matched.
type word struct {
	text     []byte
	mask     uint64 // charMask(text)
	pairs    pairs  // pairMask(text)
	pairDups int    // pairs of text that share a bit with another: bits shared undercount pairs shared by at most this
	bound    int    // fuzzyBound(len(text))

	// As typed, the word is found where its letters make one run (word
	// breaks aside), or else where sahilm/fuzzy finds them leaving the run
	// at most maxBreaks times; a field needs minPairs of its pairs for
	// that. The words of a query of several must each be found as one run
	// (solid), and the query's words run together as each of its words
	// (parts), in order.
	maxBreaks, minPairs int
	solid               bool
	parts               [][]byte

	// With mistakes: typos of them, and so minTypoPairs pairs in the field.
	typos        int
	typo         *typoPattern // nil when no mistake is forgiven
	minTypoPairs int
}

// breaksAllowed is how often a match of a query word of n letters, typed
// as one word, may leave the run of its letters: a few letters picked out
// of a name ("mrsk" in MAERSK) are a match, seven digits strewn over an
// account number are noise. It is what sahilm/fuzzy would match, less the
// matches no investigator meant.
func breaksAllowed(n int) int { return max(1, n/3) }

// newWord prepares a word that may break maxBreaks times as typed and hold
// typos mistakes.
func newWord(text []byte, maxBreaks, typos int) word {
	w := word{text: text, mask: charMask(text), pairs: pairMask(text), bound: fuzzyBound(len(text)), typos: typos}
	w.pairDups = max(0, len(text)-1-w.pairs.shared(w.pairs))
	w.setBreaks(maxBreaks)
	if w.typos > 0 {
		w.typo = newTypoPattern(text)
		w.minTypoPairs = len(text) - 1 - 3*typos
	}
	return w
}

func (w *word) setBreaks(n int) {
	w.maxBreaks = n
	w.minPairs = len(w.text) - 1 - n
}

// mayMatch reports whether a field (or record) holding the characters in
// mask and the pairs in p could match w as typed.
func (w *word) mayMatch(mask uint64, p *pairs) bool {
	return mask&w.mask == w.mask && w.pairs.shared(*p)+w.pairDups >= w.minPairs
}

// inOrder scores w as typed in a folded field, as sahilm/fuzzy does, if
// it is found there.
func (w *word) inOrder(text []byte) (int, bool) {
	switch {
	case w.parts != nil:
		at := 0
		for _, p := range w.parts {
			if _, at = findRun(text, p, at); at < 0 {
				return 0, false
			}
		}
	case !hasRun(text, w.text):
		if w.solid {
			return 0, false
		}
		return fuzzyScore(w.text, text, w.maxBreaks)
	}
	return fuzzyScore(w.text, text, len(w.text))
}

// hasRun reports whether s holds p as one run of characters.
func hasRun(s, p []byte) bool {
	_, end := findRun(s, p, 0)
	return end >= 0
}

// mayMatchTypo reports whether a field (or record) holding the characters
// in mask and the pairs in p could match w with mistakes.
func (w *word) mayMatchTypo(mask uint64, p *pairs) bool {
	return w.typos > 0 && missing(w.mask, mask) <= w.typos && w.pairs.shared(*p)+w.pairDups >= w.minTypoPairs
}

// mistakes returns how many mistakes w is found with in a folded field,
// if it is found with at least one and no more than it forgives. Found
// with none, it is in the field as typed, and scored as typed.
func (w *word) mistakes(text []byte) (int, bool) {
	d := w.typo.distance(text)
	return d, d >= 1 && d <= w.typos
}

// mayHaveTypoMatch is mayMatchTypo for a field of n bytes.
func (w *word) mayHaveTypoMatch(mask uint64, p *pairs, n int) bool {
	return n >= len(w.text)-w.typos && w.mayMatchTypo(mask, p)
}

// query is a search query folded and split into words.
type query struct {
	words     []word
	whole     word  // the words run together: "MSCU 123456-6" as mscu1234566
	sumBound  int   // the most the words can score one by one, before length penalties
	order     []int // the words, longest (and so rarest) first: the order a record is checked in
	wordTypos bool  // some word may be matched with mistakes on its own
}

// minWordForTypos is the shortest word of a query of several words that
// is matched with mistakes on its own: a four-letter word with one letter
// wrong matches too much to help. Nor is a word with digits in it: the
// groups of a number typed as printed ("+44 20 7946 0958") are matched with
// mistakes run together, as one number.
const minWordForTypos = 5

// maxQueryWords caps how many words of a query are matched: an investigator
// pasting a paragraph gets results for its first words, not a stall.
const maxQueryWords = 8

// parseQuery folds s; it returns false when nothing searchable is left.
func parseQuery(s string) (query, bool) {
	folded, _ := foldInto(nil, nil, s, false)
	var q query
	fs := bytes.Fields(folded)
	fs = fs[:min(len(fs), maxQueryWords)]
	for _, f := range fs {
		typos := typosAllowed(len(f))
		if len(fs) > 1 && (len(f) < minWordForTypos || bytes.ContainsAny(f, "0123456789")) {
			typos = 0
		}
		w := newWord(f, breaksAllowed(len(f)), typos)
		if len(fs) > 1 {
			w.solid = true
			w.setBreaks(0)
		}
		q.words = append(q.words, w)
		q.order = append(q.order, len(q.order))
		q.wordTypos = q.wordTypos || typos > 0
	}
	if len(q.words) == 0 {
		return q, false
	}
	slices.SortStableFunc(q.order, func(a, b int) int { return len(q.words[b].text) - len(q.words[a].text) })
	for _, w := range q.words {
		q.sumBound += w.bound
	}
	if len(q.words) == 1 {
		q.whole = q.words[0]
	} else {
		var whole []byte
		for _, w := range q.words {
			whole = append(whole, w.text...)
			q.whole.parts = append(q.whole.parts, w.text)
		}
		parts := q.whole.parts
		q.whole = newWord(whole, len(q.words)-1, typosAllowed(len(whole)))
		q.whole.parts = parts
	}
	return q, true
}

// multi reports whether the query has several words, and so may match them
// in any order as well as in order.
func (q *query) multi() bool { return len(q.words) > 1 }
