package search

import (
	"math/rand/v2"
	"testing"
)

// naiveDistance is the edit distance typoPattern.distance computes, by the
// textbook table: the fewest substitutions, insertions, deletions and
// adjacent swaps turning p into a stretch of s (spaces skipped), plus one
// if the stretch does not start a word.
func naiveDistance(p, s []byte) int {
	d, _ := typoAlign(p, s)
	return d
}

func TestTypoDistanceMatchesTheTable(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 30000 {
		p := []byte(randomText(r, "abcd", 1+r.IntN(9)))
		s := []byte(randomText(r, "abcd ", r.IntN(20)))
		if i%3 == 0 {
			// plant the pattern with a mistake or two
			s = []byte(string(s) + " " + string(mistype(r, p, r.IntN(3))))
		}
		got := newTypoPattern(p).distance(s)
		if want := naiveDistance(p, s); got != want {
			t.Fatalf("distance(%q, %q) = %d, want %d", p, s, got, want)
		}
	}
}

func TestTypoDistanceLongPattern(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		p := []byte(randomText(r, "0123456789", 40+r.IntN(25)))
		s := []byte(randomText(r, "0123456789 ", r.IntN(30)) + " " + string(mistype(r, p, r.IntN(3))))
		if got, want := newTypoPattern(p).distance(s), naiveDistance(p, s); got != want {
			t.Fatalf("distance(%q, %q) = %d, want %d", p, s, got, want)
		}
	}
}

// mistype makes n typing mistakes in p: a wrong, missing, extra or swapped character.
func mistype(r *rand.Rand, p []byte, n int) []byte {
	out := append([]byte(nil), p...)
	for range n {
		if len(out) < 2 {
			break
		}
		i := r.IntN(len(out) - 1)
		switch r.IntN(4) {
		case 0:
			out[i] = 'x'
		case 1:
			out = append(out[:i], out[i+1:]...)
		case 2:
			out = append(out[:i], append([]byte{'y'}, out[i:]...)...)
		case 3:
			out[i], out[i+1] = out[i+1], out[i]
		}
	}
	return out
}

func TestTypoDistance(t *testing.T) {
	tests := []struct {
		name, pattern, text string
		want                int
	}{
		{"exact word", "rojas", "munoz rojas trading", 0},
		{"prefix of a word", "roja", "munoz rojas", 0},
		{"inside a word costs one", "ojas", "munoz rojas", 1},
		{"one wrong letter", "rozas", "munoz rojas", 1},
		{"swapped letters", "rojsa", "munoz rojas", 1},
		{"missing letter", "rjas", "munoz rojas", 1},
		{"extra letter", "roojas", "munoz rojas", 1},
		{"two digits wrong across spaces", "mscu1234506", "mscu 123456 6", 1},
		{"two digits wrong", "mscu1294506", "mscu1234566", 2},
		{"transposed digits", "9074792", "imo 9074729", 1},
		{"first letter wrong", "nunoz", "munoz", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newTypoPattern([]byte(tt.pattern)).distance([]byte(tt.text)); got != tt.want {
				t.Errorf("distance(%q, %q) = %d, want %d", tt.pattern, tt.text, got, tt.want)
			}
		})
	}
}
