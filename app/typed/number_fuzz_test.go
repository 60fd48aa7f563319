package typed

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// group writes n with thousands grouped by sep and decimals after mark.
func group(n uint64, cents int, sep, mark string, decimals int) string {
	digits := fmt.Sprint(n)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	if decimals > 0 {
		b.WriteString(mark)
		b.WriteString(fmt.Sprintf("%0*d", decimals, cents))
	}
	return b.String()
}

// FuzzNumberRoundTrip writes numbers as officers' spreadsheets do, in both
// conventions and with each kind of grouping, and reads them back.
func FuzzNumberRoundTrip(f *testing.F) {
	f.Add(uint64(1234), uint8(5), uint8(1))
	f.Add(uint64(45000000), uint8(0), uint8(2))
	f.Add(uint64(7), uint8(25), uint8(2))
	f.Fuzz(func(t *testing.T, whole uint64, frac uint8, decimals uint8) {
		whole %= 1e12
		decimals %= 3
		cents := int(frac) % int(math.Pow10(int(decimals)))
		want := float64(whole) + float64(cents)/math.Pow10(int(decimals))
		for _, c := range []struct {
			sep, mark string
			file      DecimalMark
		}{
			{".", ",", DecimalComma}, {" ", ",", DecimalComma}, {"\u00a0", ",", DecimalComma}, {"", ",", DecimalComma},
			{",", ".", DecimalPoint}, {"", ".", DecimalPoint}, {"'", ".", DecimalPoint},
		} {
			s := group(whole, cents, c.sep, c.mark, int(decimals))
			got, err := Number(s, c.file)
			if err != nil || math.Abs(got-want) > 1e-9*math.Max(1, want) {
				t.Fatalf("%q in a file with decimal %q: read %v (%v), want %v", s, c.file, got, err, want)
			}
		}
	})
}
