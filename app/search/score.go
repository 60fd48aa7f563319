package search

import "bytes"

// The in-order score is github.com/sahilm/fuzzy's, computed here on folded
// bytes instead of through fuzzy.Find: Find decodes runes, folds case and
// allocates for every string it is given, which a million records a
// keystroke cannot afford. Folded text is lower-case ASCII, where Find's rune
// and case handling reduce to comparing bytes; TestFuzzyScoreIsSahilmFuzzy
// holds the two to the same score on every input it tries. The hits a
// search returns are then highlighted by fuzzy.Find itself.

// The bonuses and penalties of sahilm/fuzzy v0.1.3.
const (
	firstCharMatchBonus            = 10
	matchFollowingSeparatorBonus   = 20
	adjacentMatchBonus             = 5
	unmatchedLeadingCharPenalty    = -5
	maxUnmatchedLeadingCharPenalty = -15
)

// maxAdjacentBonus caps the bonus for adjacent characters, which triples
// with each one: sahilm/fuzzy's overflows an int after some 38 adjacent
// characters (a pasted sentence, run together), and ranks it last. Capped,
// a long match ranks as high as any, and scores cannot wrap.
const maxAdjacentBonus = 1 << 40

// isSeparator is sahilm/fuzzy's separator set, "/-_ .\\". Folded text only
// ever holds the space, but a Doc's fields may be scored unfolded in tests.
func isSeparator(c byte) bool {
	return c == ' ' || c == '/' || c == '-' || c == '_' || c == '.' || c == '\\'
}

// fuzzyScore scores pattern p against text s as sahilm/fuzzy does, and
// reports whether every byte of p was found in s, in order. p must be
// lower-case and hold no separator; s is folded text.
//
// Unlike sahilm/fuzzy, it refuses a match that leaves the run of the
// pattern's letters (word breaks in s aside) more than maxBreaks times.
func fuzzyScore(p, s []byte, maxBreaks int) (int, bool) {
	if len(p) == 0 || len(p) > len(s) {
		return 0, false
	}
	// Most texts that hold the pattern's letters do not hold them in order:
	// find that out with the fast byte search before scoring.
	if !isSubsequence(p, s) {
		return 0, false
	}
	score := 0
	pi := 0
	bestScore := -1
	matchedIndex := -1
	adjacentBonus := 0 // fuzzy's currAdjacentMatchBonus: it grows and is never reset
	lastMatch := -1    // the last committed match
	matched := 0
	breaks := 0
	var last byte
	pc := p[0]
	var nextp byte
	if len(p) > 1 {
		nextp = p[1]
	}
	for j := 0; j < len(s); j++ {
		c := s[j]
		if c == pc {
			sc := 0
			if j == 0 {
				sc += firstCharMatchBonus
			}
			if j != 0 && isSeparator(last) {
				sc += matchFollowingSeparatorBonus
			}
			if matched > 0 && lastMatch == j-1 {
				bonus := min(adjacentBonus*2+adjacentMatchBonus, maxAdjacentBonus)
				sc += bonus
				adjacentBonus = min(adjacentBonus+bonus, maxAdjacentBonus)
			}
			if sc > bestScore {
				bestScore = sc
				matchedIndex = j
			}
		}
		// A pattern byte's best position is settled when the next pattern
		// byte comes up, or at the end of the text.
		if j+1 == len(s) || (nextp != 0 && s[j+1] == nextp) {
			if matchedIndex > -1 {
				if pi > 0 && !onlySpaces(s[lastMatch+1:matchedIndex]) {
					if breaks++; breaks > maxBreaks {
						return 0, false
					}
				}
				if matched == 0 {
					bestScore += max(matchedIndex*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
				}
				score += bestScore
				lastMatch = matchedIndex
				matched++
				bestScore = -1
				pi++
				if pi < len(p) {
					pc = p[pi]
				} else {
					pc = 0 // a NUL never occurs in folded text
				}
				nextp = 0
				if pi+1 < len(p) {
					nextp = p[pi+1]
				}
			}
		}
		last = c
	}
	score += matched - len(s) // every byte of the text not matched costs one
	return score, matched == len(p)
}

// onlySpaces reports whether s is nothing but word breaks.
func onlySpaces(s []byte) bool {
	for _, c := range s {
		if c != ' ' {
			return false
		}
	}
	return true
}

// findRun finds the first run of p's characters in s at or after from,
// word breaks in s aside ("vandenberg" is in "van den berg"), and returns
// where it starts and ends; -1, -1 if there is none.
func findRun(s, p []byte, from int) (int, int) {
	for i := from; i+len(p) <= len(s); i++ {
		k := bytes.IndexByte(s[i:], p[0])
		if k < 0 {
			return -1, -1
		}
		i += k
		j, n := i+1, 1
		for ; n < len(p) && j < len(s); j++ {
			if s[j] == p[n] {
				n++
			} else if s[j] != ' ' {
				break
			}
		}
		if n == len(p) {
			return i, j
		}
	}
	return -1, -1
}

// isSubsequence reports whether the bytes of p occur in s in order.
func isSubsequence(p, s []byte) bool {
	j := 0
	for _, c := range p {
		for j < len(s) && s[j] != c {
			j++
		}
		if j == len(s) {
			return false
		}
		j++
	}
	return true
}

// fuzzyBound is the most fuzzyScore can give a pattern of m bytes, before
// the penalty of one per unmatched byte of the text: the first byte at the
// start of the text or after a separator (20, less the leading penalty of at
// least 5), every other one adjacent to the last or after a separator,
// whichever pays more. A text of n bytes scores at most
// fuzzyBound(m) + m - n, which lets a search skip texts too long to make
// the results.
func fuzzyBound(m int) int {
	if m == 0 {
		return 0
	}
	bound, adjacent := matchFollowingSeparatorBonus+unmatchedLeadingCharPenalty, 0
	for i := 1; i < m; i++ {
		bonus := min(adjacent*2+adjacentMatchBonus, maxAdjacentBonus)
		bound += max(bonus, matchFollowingSeparatorBonus)
		adjacent = min(adjacent+bonus, maxAdjacentBonus)
	}
	return bound
}
