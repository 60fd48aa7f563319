package search

import (
	"math/rand/v2"
	"testing"

	"github.com/sahilm/fuzzy"
)

// randomText draws a string of n bytes from alphabet.
func randomText(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func TestFuzzyScoreIsSahilmFuzzy(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cases := [][2]string{
		{"munoz", "munoz rojas trading"},
		{"rojas", "munoz rojas trading"},
		{"mscu1234566", "mscu 123456 6"},
		{"abc", "axbxc"},
		{"aab", "aaab"},
		{"ab", "ba"},
		{"tk", "the black knight"},
	}
	for range 20000 {
		// a small alphabet with spaces, so that patterns repeat and the
		// adjacency, separator and leading-character rules all come up
		text := randomText(r, "abc d", 1+r.IntN(24))
		pattern := randomText(r, "abcd", 1+r.IntN(5))
		cases = append(cases, [2]string{pattern, text})
	}
	for _, c := range cases {
		p, s := c[0], c[1]
		want := fuzzy.Find(p, []string{s})
		got, ok := fuzzyScore([]byte(p), []byte(s), len(s))
		if ok != (len(want) == 1) {
			t.Fatalf("fuzzyScore(%q, %q) matched = %v, sahilm/fuzzy %v", p, s, ok, len(want) == 1)
		}
		if ok && got != want[0].Score {
			t.Fatalf("fuzzyScore(%q, %q) = %d, sahilm/fuzzy %d", p, s, got, want[0].Score)
		}
		if ok && got > fuzzyBound(len(p))+len(p)-len(s) {
			t.Fatalf("fuzzyScore(%q, %q) = %d, above its bound %d", p, s, got, fuzzyBound(len(p))+len(p)-len(s))
		}
	}
}

func TestFuzzyScoreRanksExactFirst(t *testing.T) {
	exact, _ := fuzzyScore([]byte("mscu1234566"), []byte("mscu1234566"), 0)
	longer, _ := fuzzyScore([]byte("mscu1234566"), []byte("mscu12345660"), 0)
	spaced, _ := fuzzyScore([]byte("mscu1234566"), []byte("mscu 123456 6"), 0)
	if !(exact > longer && exact > spaced) {
		t.Errorf("exact %d should beat a longer number %d and the spaced form %d", exact, longer, spaced)
	}
}

func TestFuzzyScoreLongPatternDoesNotWrap(t *testing.T) {
	// a sentence pasted and run together: sahilm/fuzzy's adjacency bonus
	// would overflow; the port's is capped, and the exact text ranks first
	p := []byte("informantsaysthetidewaterconsignmentarrivesonthemscaurora")
	exact, ok := fuzzyScore(p, p, len(p))
	longer, _ := fuzzyScore(p, append(append([]byte{}, p...), 'x'), len(p))
	if !ok || exact <= 0 || exact <= longer || exact > fuzzyBound(len(p)) {
		t.Errorf("exact %d (bound %d), one byte longer %d", exact, fuzzyBound(len(p)), longer)
	}
}
