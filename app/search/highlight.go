package search

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// hit builds the Hit for a ranked record: which of its fields to show and
// which characters of it matched, as offsets into the original text.
func (s *scan) hit(r ranked) Hit {
	doc := s.ix.doc(r.slot)
	field, matched := s.explain(r.slot)
	h := Hit{Doc: doc, Field: field, Score: r.score}
	if field < len(doc.Fields) && len(matched) > 0 {
		h.Matched = originalOffsets(doc.Fields[field], matched)
	}
	return h
}

// matchWay is how a field matched the query.
type matchWay uint8

const (
	wayInOrder     matchWay = iota // the whole query, in order, as typed
	wayInOrderTypo                 // the whole query, in order, with mistakes
	wayWords                       // word by word
)

// explain picks the field of a record that matched the query best and
// returns the offsets of the matched characters in its folded text.
func (s *scan) explain(slot uint32) (int, []int) {
	q, ix := s.q, s.ix
	fields := ix.fieldsOf(ix.items.at(int(slot)))
	bestField, bestWay, best := 0, wayInOrder, math.MinInt
	for fi := range fields {
		f := &fields[fi]
		text := ix.textOf(f)
		if sc, ok := q.whole.inOrder(text); ok && sc > best {
			bestField, bestWay, best = fi, wayInOrder, sc
		}
		if s.typos && q.whole.typo != nil && int(f.n) >= len(q.whole.text)-q.whole.typos {
			if d, ok := q.whole.mistakes(text); ok {
				if sc := q.wholeTypoScore(d, int(f.n)); sc > best {
					bestField, bestWay, best = fi, wayInOrderTypo, sc
				}
			}
		}
		if q.multi() {
			sum, any := 0, false
			for wi := range q.words {
				if sc, ok := s.wordScore(&q.words[wi], f, text); ok {
					sum, any = sum+sc, true
				}
			}
			if any && sum > best {
				bestField, bestWay, best = fi, wayWords, sum
			}
		}
	}
	if best == math.MinInt {
		return 0, nil
	}
	f := &fields[bestField]
	text := ix.textOf(f)
	var matched []int
	switch bestWay {
	case wayInOrder:
		matched = inOrderMatched(&q.whole, text)
	case wayInOrderTypo:
		_, matched = typoAlign(q.whole.text, text)
	case wayWords:
		for wi := range q.words {
			w := &q.words[wi]
			exact, inOrder := w.inOrder(text)
			if s.typos && w.typo != nil {
				d, at := typoAlign(w.text, text)
				if d >= 1 && d <= w.typos && (!inOrder || typoScore(len(w.text), d, int(f.n)) > exact) {
					matched = append(matched, at...)
					continue
				}
			}
			if inOrder {
				matched = append(matched, inOrderMatched(w, text)...)
			}
		}
		slices.Sort(matched)
		matched = slices.Compact(matched)
	}
	return bestField, matched
}

// inOrderMatched returns the offsets in a folded field of the characters
// of w as typed: the run (or, for a query of several words, the runs) of
// its letters, at the start of a word of the field where there is one so
// that "ana" shows on "Ana" rather than inside "Banana"; where the letters
// make no run, those sahilm/fuzzy picks out.
func inOrderMatched(w *word, text []byte) []int {
	parts := w.parts
	if parts == nil {
		parts = [][]byte{w.text}
	}
	for _, wordStarts := range []bool{true, false} {
		if m := placeRuns(text, parts, wordStarts); m != nil {
			return m
		}
	}
	return fuzzyMatched(w.text, text)
}

// placeRuns finds parts as runs in s, in order, each at the start of a
// word of s if wordStarts is set, and returns the offsets of their
// characters; nil if they cannot all be placed.
func placeRuns(s []byte, parts [][]byte, wordStarts bool) []int {
	var out []int
	at := 0
	for _, p := range parts {
		start, end := findRun(s, p, at)
		for wordStarts && start > 0 && s[start-1] != ' ' {
			start, end = findRun(s, p, start+1)
		}
		if start < 0 {
			return nil
		}
		for j := start; j < end; j++ {
			if s[j] != ' ' {
				out = append(out, j)
			}
		}
		at = end
	}
	return out
}

// fuzzyMatched returns the offsets sahilm/fuzzy matches pattern p at in the
// folded text s: the highlighting of the in-order score fuzzyScore gives.
func fuzzyMatched(p, s []byte) []int {
	m := fuzzy.Find(string(p), []string{string(s)})
	if len(m) == 0 {
		return nil
	}
	return m[0].MatchedIndexes
}

// originalOffsets turns offsets in the folded form of orig into the byte
// offsets in orig of the characters they came from, in order, each once:
// "munoz" matched in "Muñoz" highlights M, u, ñ (two bytes, one offset), o, z.
func originalOffsets(orig string, folded []int) []int {
	_, offs := foldInto(nil, nil, orig, true)
	out := make([]int, 0, len(folded))
	for _, p := range folded {
		if p >= 0 && p < len(offs) {
			out = append(out, int(offs[p]))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Segment is a run of a field's text, all matched or all not: what the
// result list draws, highlighted or plain.
type Segment struct {
	Text    string
	Matched bool
}

// Segments cuts s into runs of matched and unmatched characters, matched
// being a Hit's Matched offsets into s. A combining accent goes with the
// letter it sits on, so that a decomposed "ñ" (n + ◌̃) is never drawn in
// two halves.
func Segments(s string, matched []int) []Segment {
	var out []Segment
	add := func(text string, m bool) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Matched == m {
			out[n-1].Text += text
			return
		}
		out = append(out, Segment{Text: text, Matched: m})
	}
	pos := 0
	for _, off := range matched {
		if off < pos || off >= len(s) || !utf8.RuneStart(s[off]) {
			continue // before the last match, past the end, or inside a character
		}
		_, size := utf8.DecodeRuneInString(s[off:])
		for off+size < len(s) {
			r, n := utf8.DecodeRuneInString(s[off+size:])
			if !unicode.Is(unicode.Mn, r) {
				break
			}
			size += n
		}
		add(s[pos:off], false)
		add(s[off:off+size], true)
		pos = off + size
	}
	add(s[pos:], false)
	return out
}
