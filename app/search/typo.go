package search

import "math/bits"

// Typing mistakes are forgiven by edit distance: the fewest characters
// changed, added, dropped or swapped with a neighbour (optimal string
// alignment, the restricted Damerau–Levenshtein distance) that turn a query
// word into some stretch of a field. The stretch should start a word of the
// field: starting inside one costs one edit more, so that "ojas" does not
// find every "rojas" as if it had been typed right. Spaces in the field are
// skipped, so that a container or account number typed without its spaces
// is matched against all of it.
//
// The distance is computed bit-parallel (Myers 1999, with Hyyrö's 2003
// extension to transpositions): one machine word holds a column of the
// edit-distance table for a word of up to 64 characters, and each character
// of a field costs a dozen word operations.

// maxTypoWord is the longest query word that may have typos: one machine word.
const maxTypoWord = 64

// typosAllowed is how many mistakes a query word of n bytes may hold: none
// in a short word, where one wrong letter makes another word (ivan, iran),
// one from 4 letters (an IMO number), two from 9 (a container number, an
// IBAN, a long surname).
func typosAllowed(n int) int {
	switch {
	case n > maxTypoWord || n < 4:
		return 0
	case n < 9:
		return 1
	default:
		return 2
	}
}

// typoPattern is a query word prepared for matching with mistakes.
type typoPattern struct {
	peq  [256]uint64 // peq[c] has bit i set where the word has byte c at i
	m    int
	last uint64 // the bit of the word's last byte
}

func newTypoPattern(p []byte) *typoPattern {
	tp := &typoPattern{m: len(p), last: 1 << (len(p) - 1)}
	for i, c := range p {
		tp.peq[c] |= 1 << i
	}
	return tp
}

// distance returns the fewest edits that turn the pattern into a stretch
// of the folded text s, one more if the stretch starts inside a word.
func (tp *typoPattern) distance(s []byte) int {
	vp, vn, d0, pmPrev := ^uint64(0), uint64(0), uint64(0), uint64(0)
	score := tp.m
	best := score
	startCost := uint64(0) // 0 at a word start, 1 inside a word
	for j := 0; j < len(s); j++ {
		c := s[j]
		if c == ' ' {
			continue
		}
		// The top row of the table is what it costs to start here; moving
		// to the next column it rises by one inside a word and falls back
		// to zero where the next word starts.
		next := uint64(1)
		if j+1 < len(s) && s[j+1] == ' ' {
			next = 0
		}
		hp0, hn0 := next&^startCost, startCost&^next
		startCost = next

		pm := tp.peq[c]
		x := pm | hn0
		tr := ((^d0 & pm) << 1) & pmPrev
		d0 = (((x & vp) + vp) ^ vp) | x | vn | tr
		hp := vn | ^(d0 | vp)
		hn := d0 & vp
		if hp&tp.last != 0 {
			score++
		} else if hn&tp.last != 0 {
			score--
		}
		hp = hp<<1 | hp0
		hn = hn<<1 | hn0
		vp = hn | ^(d0 | hp)
		vn = hp & d0
		pmPrev = pm
		if score < best {
			best = score
		}
	}
	return best
}

// typoScore ranks a match of a query word of m bytes with d mistakes in a
// folded field of n bytes. It halves the best in-order score such a word
// could have with each mistake, so that a word typed right ranks above the
// same word typed wrong, a near miss above a scatter of letters picked out
// of a long text, and, as fuzzy does, a short field above a long one.
func typoScore(m, d, n int) int {
	return fuzzyBound(m)>>d + m - n
}

// typoAlign finds where the pattern matches s with the fewest edits, as
// distance does, and returns that distance and the offsets in s of the
// pattern characters that were typed right, for highlighting. It fills the
// whole table, so it is only used on the few hits a search returns.
func typoAlign(p, s []byte) (int, []int) {
	// The text without its spaces, and where each of its characters was.
	var text []byte
	var at []int
	var wordStart []bool
	for j := 0; j < len(s); j++ {
		if s[j] == ' ' {
			continue
		}
		text = append(text, s[j])
		at = append(at, j)
		wordStart = append(wordStart, j == 0 || s[j-1] == ' ')
	}
	m, n := len(p), len(text)
	d := make([][]int, m+1)
	for i := range d {
		d[i] = make([]int, n+1)
	}
	for j := 1; j <= n; j++ {
		if j == n || !wordStart[j] {
			d[0][j] = 1 // starting here, inside a word, costs one
		}
	}
	for i := 1; i <= m; i++ {
		d[i][0] = d[0][0] + i
		for j := 1; j <= n; j++ {
			cost := 1
			if p[i-1] == text[j-1] {
				cost = 0
			}
			v := min(d[i-1][j-1]+cost, d[i-1][j]+1, d[i][j-1]+1)
			if i > 1 && j > 1 && p[i-1] == text[j-2] && p[i-2] == text[j-1] {
				v = min(v, d[i-2][j-2]+1)
			}
			d[i][j] = v
		}
	}
	end := 0
	for j := 1; j <= n; j++ {
		if d[m][j] < d[m][end] {
			end = j
		}
	}
	var matched []int
	for i, j := m, end; i > 0 && j > 0; {
		switch {
		case p[i-1] == text[j-1] && d[i][j] == d[i-1][j-1]:
			matched = append(matched, at[j-1])
			i, j = i-1, j-1
		case d[i][j] == d[i-1][j-1]+1:
			i, j = i-1, j-1
		case i > 1 && j > 1 && p[i-1] == text[j-2] && p[i-2] == text[j-1] && d[i][j] == d[i-2][j-2]+1:
			matched = append(matched, at[j-1], at[j-2])
			i, j = i-2, j-2
		case d[i][j] == d[i-1][j]+1:
			i--
		default:
			j--
		}
	}
	for l, r := 0, len(matched)-1; l < r; l, r = l+1, r-1 {
		matched[l], matched[r] = matched[r], matched[l]
	}
	return d[m][end], matched
}

// missing counts the bytes of a query word's character set (want) that a
// field's character set (have) lacks: each needs at least one edit.
func missing(want, have uint64) int { return bits.OnesCount64(want &^ have) }
