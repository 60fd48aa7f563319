package ui

import (
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app/search"
)

// highlightStyle is how matched characters stand out: bold, in the accent colour.
var highlightStyle = widget.RichTextStyle{
	Inline:    true,
	SizeName:  theme.SizeNameText,
	ColorName: theme.ColorNamePrimary,
	TextStyle: fyne.TextStyle{Bold: true},
}

// highlighted is text as rich-text segments in the style plain, with the
// matched characters in highlightStyle.
func highlighted(text string, matched []int, plain widget.RichTextStyle) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for _, r := range search.Segments(text, matched) {
		style := plain
		if r.Matched {
			style = highlightStyle
			style.SizeName = plain.SizeName
		}
		segs = append(segs, &widget.TextSegment{Text: r.Text, Style: style})
	}
	return segs
}

// The longest stretch of a matched text a result shows, and how much of
// what comes before the first match it keeps: a long note is cut down to
// the words around what matched, which would otherwise be out of sight.
const (
	excerptRunes = 160
	excerptLead  = 30
)

// excerpt cuts a long text down to the part around its first match, on
// one line, and moves the matched offsets to match. Cuts are marked "…".
func excerpt(text string, matched []int) (string, []int) {
	// Line breaks and tabs become spaces: the same number of bytes, so
	// the offsets still hold.
	text = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, text)
	if utf8.RuneCountInString(text) <= excerptRunes {
		return text, matched
	}
	first := len(text)
	for _, o := range matched {
		if o >= 0 && o < first {
			first = o
		}
	}
	// Start excerptLead characters before the first match.
	start := 0
	if first < len(text) && utf8.RuneCountInString(text[:first]) > excerptLead {
		start = first
		for n := 0; n < excerptLead && start > 0; n++ {
			_, size := utf8.DecodeLastRuneInString(text[:start])
			start -= size
		}
	}
	// End excerptRunes characters after the start.
	end := start
	for n := 0; n < excerptRunes && end < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	const cut = "…"
	out := text[start:end]
	shift := 0
	if start > 0 {
		out = cut + out
		shift = len(cut)
	}
	if end < len(text) {
		out += cut
	}
	var moved []int
	for _, o := range matched {
		if o >= start && o < end {
			moved = append(moved, o-start+shift)
		}
	}
	slices.Sort(moved)
	return out, moved
}
