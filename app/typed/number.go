package typed

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// DecimalMark is how a writer separates a number's decimals: a point
// (English) or a comma (Spanish, Portuguese, French).
type DecimalMark byte

// The decimal marks. DecimalUnknown is an officer typing in a form, whose
// convention nothing tells; a spreadsheet's is told by its other numbers.
const (
	DecimalUnknown DecimalMark = 0
	DecimalPoint   DecimalMark = '.'
	DecimalComma   DecimalMark = ','
)

// AmbiguousError is a number with a lone separator before three digits
// ("1,200", "120.000") typed where no convention tells which it is: a
// thousands separator to some officers, a decimal one to others. It is
// refused rather than guessed, so that 1,200 kg never becomes 1.2 kg.
type AmbiguousError struct {
	Typed   string
	Grouped string // the number read with thousands grouped: 1200
	Decimal string // read with a decimal separator: 1.2 (1.2340 where 1.234 would be as ambiguous)
}

// Error names the value and both ways of writing it unambiguously.
func (e *AmbiguousError) Error() string { return "\"" + e.Typed + "\": " + e.Why() }

// Why is the refusal said after the value.
func (e *AmbiguousError) Why() string {
	return "could be read two ways: write " + e.Grouped + " or " + e.Decimal
}

var (
	// numberShape is a number as officers write it once the spaces and
	// apostrophes between digit groups are gone: digits with dots and
	// commas, and a sign.
	numberShape = regexp.MustCompile(`^[+-]?[0-9.,]*[0-9][0-9.,]*$`)
	// ambiguous is a number written with one separator before three
	// digits that could be read either way: a first group of one to three
	// digits, not starting with 0 (0,500 can only be decimal).
	ambiguous = regexp.MustCompile(`^[1-9][0-9]{0,2}[.,][0-9]{3}$`)
)

// Number reads a number an officer typed. Spaces (also the no-break and
// narrow no-break spaces French writes) and apostrophes (1'234.5) between
// digit groups are allowed, and a decimal comma as well as a decimal
// point:
//   - when both appear, the last is the decimal separator and the other
//     groups thousands (1.234,5 or 1,234.5);
//   - a separator repeated groups thousands (1.234.567);
//   - a lone separator is decimal (349,5, 0,500, 1234.567) unless it
//     stands before three digits after a group that could be thousands
//     (1,200 or 120.000): then mark, the writer's own convention, decides,
//     and with DecimalUnknown the number is refused (*AmbiguousError);
//   - a lone separator before three digits that mark says groups
//     thousands, after what cannot be a group (0,500 or 1234,567 in a
//     file whose decimals are written with a point), is refused as well:
//     the number and the file disagree.
//
// Thousands come in groups of three after a first group of one to three
// digits. Other text (letters, "1e5", "0x10", "Inf", groups of other than
// three digits as in "1.23,4") is refused with an *Error.
func Number(s string, mark DecimalMark) (float64, error) {
	t := stripGrouping(s)
	if !numberShape.MatchString(t) {
		return 0, notNumber(s)
	}
	sign := ""
	if t[0] == '-' || t[0] == '+' {
		sign, t = t[:1], t[1:]
	}
	whole, fraction := t, ""
	dot, comma := strings.LastIndexByte(t, '.'), strings.LastIndexByte(t, ',')
	switch {
	case dot >= 0 && comma >= 0: // 1.234,5 or 1,234.5
		decimal, group := max(dot, comma), ","
		if decimal == comma {
			group = "."
		}
		whole, fraction = t[:decimal], t[decimal+1:]
		if !thousandsGrouped(whole, group, 1) {
			return 0, notNumber(s)
		}
		whole = strings.ReplaceAll(whole, group, "")
	case dot >= 0 || comma >= 0:
		sep := byte('.')
		if comma >= 0 {
			sep = ','
		}
		switch {
		case strings.Count(t, string(sep)) > 1: // 1.234.567
			if !thousandsGrouped(t, string(sep), 2) {
				return 0, notNumber(s)
			}
			whole = strings.ReplaceAll(t, string(sep), "")
		case ambiguous.MatchString(t) && mark == DecimalUnknown:
			return 0, ambiguity(s, t, sep)
		case ambiguous.MatchString(t) && byte(mark) != sep: // 1.234 where decimals are written 0,5
			whole = strings.ReplaceAll(t, string(sep), "")
		case byte(mark) != sep && mark != DecimalUnknown && len(t)-strings.IndexByte(t, sep)-1 == 3:
			// The file groups thousands with sep, but 0,500 or 1234,567
			// cannot be a group: one of the two is a slip, and reading
			// it either way could be a thousand times off.
			return 0, ambiguity(s, t, sep)
		default: // 349,5 or 349.5
			whole, fraction, _ = strings.Cut(t, string(sep))
		}
	}
	n := sign + whole
	if fraction != "" {
		n += "." + fraction
	}
	v, err := strconv.ParseFloat(n, 64)
	if err != nil { // too large to be a float
		return 0, notNumber(s)
	}
	return v, nil
}

func notNumber(s string) error { return refuse(strings.TrimSpace(s), "should be a number") }

// ambiguity says both readings of t, whose only separator is sep.
func ambiguity(s, t string, sep byte) error {
	whole, fraction, _ := strings.Cut(t, string(sep))
	grouped := strings.TrimLeft(whole+fraction, "0")
	if grouped == "" {
		grouped = "0"
	}
	decimal := strings.TrimRight(whole+"."+fraction, "0")
	decimal = strings.TrimSuffix(decimal, ".")
	if ambiguous.MatchString(decimal) { // 1.234 stays 1.234: a trailing 0 tells it is decimal
		decimal += "0"
	}
	return &AmbiguousError{Typed: strings.TrimSpace(s), Grouped: grouped, Decimal: decimal}
}

// thousandsGrouped reports whether whole is digits in groups of three
// after a first group of one to three, separated by sep at least least
// times.
func thousandsGrouped(whole, sep string, least int) bool {
	groups := strings.Split(whole, sep)
	if len(groups)-1 < least || len(groups[0]) < 1 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// stripGrouping removes the spaces, no-break spaces, narrow no-break
// spaces and apostrophes that group thousands: "1 234,5", "1 234,5",
// "1'234.5".
func stripGrouping(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\'' || r == '’' {
			return -1
		}
		return r
	}, s)
}

// Evidence says which decimal mark a number shows beyond doubt: "1.234,5"
// and "12,75" a comma, "1,234.5" and "0.5" a point. "1,234" and "1.234"
// could be either and show nothing. A spreadsheet's numbers vote with it
// for the file's convention.
func Evidence(s string) DecimalMark {
	s = stripGrouping(s)
	lastDot, lastComma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	switch {
	case lastDot >= 0 && lastComma >= 0:
		if lastComma > lastDot {
			return DecimalComma
		}
		return DecimalPoint
	case lastComma >= 0:
		if strings.Count(s, ",") == 1 && len(s)-lastComma-1 != 3 {
			return DecimalComma
		}
	case lastDot >= 0:
		if strings.Count(s, ".") == 1 && len(s)-lastDot-1 != 3 {
			return DecimalPoint
		}
	}
	return DecimalUnknown
}
