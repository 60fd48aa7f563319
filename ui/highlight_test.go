package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"bollard/app/search"
)

// bracketed writes runs as the officer sees them, matched runs in [brackets].
func bracketed(runs []search.Segment) string {
	var b strings.Builder
	for _, r := range runs {
		if r.Matched {
			fmt.Fprintf(&b, "[%s]", r.Text)
		} else {
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

func TestHighlightSegments(t *testing.T) {
	for _, tc := range []struct {
		name    string
		text    string
		matched []int
		want    string
	}{
		{"no match", "Rojas", nil, "Rojas"},
		{"two-byte ñ among ASCII", "Muñoz Rojas", []int{0, 1, 2, 4, 5}, "[Muñoz] Rojas"},
		{"ñ alone", "Muñoz", []int{2}, "Mu[ñ]oz"},
		{"ligature ß matched once for ss", "Straße 5", []int{0, 1, 2, 3, 4, 6}, "[Straße] 5"},
		{"Cyrillic, two bytes a letter", "Иванов Пётр", []int{0, 2, 4, 6, 8, 10}, "[Иванов] Пётр"},
		{"Polish letters", "Łódź port", []int{0, 2, 4, 5}, "[Łódź] port"},
		{"decomposed ñ stays whole", "Mun\u0303oz", []int{0, 1, 2, 5, 6}, "[Mun\u0303oz]"},
		{"offset inside a character ignored", "Muñoz", []int{3}, "Muñoz"},
		{"offset past the end ignored", "ab", []int{0, 9}, "[a]b"},
		{"runs apart", "MSCU 123456-6", []int{0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 12}, "[MSCU] [123456]-[6]"},
		{"three-byte characters", "€ 5000 in 東京", []int{12, 15}, "€ 5000 in [東京]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runs := search.Segments(tc.text, tc.matched)
			if got := bracketed(runs); got != tc.want {
				t.Errorf("search.Segments = %s, want %s", got, tc.want)
			}
			var whole strings.Builder
			for _, r := range runs {
				whole.WriteString(r.Text)
			}
			if whole.String() != tc.text {
				t.Errorf("the runs put together read %q, not the text", whole.String())
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	t.Run("short text kept whole, on one line", func(t *testing.T) {
		got, offs := excerpt("Muñoz\nRojas", []int{6})
		if got != "Muñoz Rojas" || !slices.Equal(offs, []int{6}) {
			t.Errorf("excerpt = %q %v", got, offs)
		}
	})
	t.Run("long text cut around the first match", func(t *testing.T) {
		text := strings.Repeat("ñ", 200) + "Guayaquil" + strings.Repeat(" más", 100)
		at := len(strings.Repeat("ñ", 200))
		got, offs := excerpt(text, []int{at, at + 1})
		if !strings.HasPrefix(got, "…"+strings.Repeat("ñ", excerptLead)+"Guayaquil") || !strings.HasSuffix(got, "…") {
			t.Fatalf("excerpt = %q", got)
		}
		if len(offs) != 2 || got[offs[0]:offs[0]+1] != "G" || got[offs[1]:offs[1]+1] != "u" {
			t.Errorf("offsets %v do not point at the matched letters in %q", offs, got)
		}
		if bracketed(search.Segments(got, offs))[len("…")+2*excerptLead:][:5] != "[Gu]a" {
			t.Errorf("highlight lost in the excerpt: %s", bracketed(search.Segments(got, offs)))
		}
	})
}
