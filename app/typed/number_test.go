package typed

import (
	"errors"
	"strings"
	"testing"
)

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		mark DecimalMark
		want float64
		bad  bool
	}{
		{"English decimal point", "349.5", DecimalUnknown, 349.5, false},
		{"decimal comma", "349,5", DecimalUnknown, 349.5, false},
		{"space groups", "1 200", DecimalUnknown, 1200, false},
		{"no-break space groups", "1\u00a0234,5", DecimalUnknown, 1234.5, false},
		{"French narrow no-break space", "1\u202f234\u202f567,25", DecimalUnknown, 1234567.25, false},
		{"Swiss apostrophe", "1'234.5", DecimalUnknown, 1234.5, false},
		{"typographic apostrophe", "1’234.5", DecimalUnknown, 1234.5, false},
		{"English grouped", "1,200.5", DecimalUnknown, 1200.5, false},
		{"Spanish grouped", "1.234,5", DecimalUnknown, 1234.5, false},
		{"Portuguese millions", "1.234.567,89", DecimalUnknown, 1234567.89, false},
		{"English millions", "1,234,567.89", DecimalUnknown, 1234567.89, false},
		{"negative", "-1.234,5", DecimalUnknown, -1234.5, false},
		{"plus sign", "+12,5", DecimalUnknown, 12.5, false},
		{"repeated dot groups", "1.234.567", DecimalUnknown, 1234567, false},
		{"repeated comma groups", "1,234,567", DecimalUnknown, 1234567, false},
		{"leading zero is decimal", "0,500", DecimalUnknown, 0.5, false},
		{"leading zero where a point file groups", "0,500", DecimalPoint, 0, true},
		{"leading zero where a comma file groups", "0.500", DecimalComma, 0, true},
		{"four digits where a point file groups", "1234,567", DecimalPoint, 0, true},
		{"four digits where a comma file groups", "1234.567", DecimalComma, 0, true},
		{"leading zero in a comma file", "0,500", DecimalComma, 0.5, false},
		{"four digits in a point file", "1234.567", DecimalPoint, 1234.567, false},
		{"four digits first is decimal", "1234.567", DecimalUnknown, 1234.567, false},
		{"four decimals", "1.2345", DecimalUnknown, 1.2345, false},
		{"leading decimal mark", ",5", DecimalUnknown, 0.5, false},
		{"trailing decimal mark", "5.", DecimalUnknown, 5, false},
		{"lone comma in a form", "1,200", DecimalUnknown, 0, true},
		{"lone dot in a form", "120.000", DecimalUnknown, 0, true},
		{"lone comma in a point file", "1,234", DecimalPoint, 1234, false},
		{"lone dot in a point file", "1.234", DecimalPoint, 1.234, false},
		{"lone dot in a comma file", "1.234", DecimalComma, 1234, false},
		{"lone comma in a comma file", "1,234", DecimalComma, 1.234, false},
		{"the number shows its mark whatever the file", "12,5", DecimalPoint, 12.5, false},
		{"groups of two", "1.23,4", DecimalUnknown, 0, true},
		{"Indian grouping", "12,34.5", DecimalUnknown, 0, true},
		{"short groups", "1.2.3", DecimalUnknown, 0, true},
		{"four digits before groups", "1234.567.890", DecimalComma, 0, true},
		{"four digits before groups and decimals", "1234.567,8", DecimalUnknown, 0, true},
		{"decimal mark twice", "1,234.567.8", DecimalUnknown, 0, true},
		{"words", "twelve", DecimalUnknown, 0, true},
		{"empty", "", DecimalComma, 0, true},
		{"exponent", "1e5", DecimalUnknown, 0, true},
		{"infinity", "Inf", DecimalUnknown, 0, true},
		{"hexadecimal", "0x10", DecimalUnknown, 0, true},
		{"sign inside", "12-5", DecimalUnknown, 0, true},
		{"too large", "1" + strings.Repeat("0", 400), DecimalUnknown, 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Number(c.in, c.mark)
			if got != c.want || (err != nil) != c.bad {
				t.Errorf("Number(%q, %q) = %v, %v", c.in, c.mark, got, err)
			}
		})
	}
}

func TestNumberErrorsNameTheValue(t *testing.T) {
	for in, want := range map[string]string{
		"120.000": `"120.000": could be read two ways: write 120000 or 120`,
		"1,200":   `"1,200": could be read two ways: write 1200 or 1.2`,
		"1.234":   `"1.234": could be read two ways: write 1234 or 1.2340`,
		"-1,200":  `"-1,200": could be read two ways: write 1200 or 1.2`,
		" twelve": `"twelve": should be a number`,
	} {
		_, err := Number(in, DecimalUnknown)
		if err == nil || err.Error() != want || strings.Contains(err.Error(), "\n") {
			t.Errorf("Number(%q): %v, want %s", in, err, want)
		}
	}
	_, err := Number("1,200", DecimalUnknown)
	var amb *AmbiguousError
	if !errors.As(err, &amb) || amb.Grouped != "1200" || amb.Decimal != "1.2" || Why(err) != "could be read two ways: write 1200 or 1.2" {
		t.Errorf("ambiguous 1,200: %#v", err)
	}
}

func TestEvidence(t *testing.T) {
	for in, want := range map[string]DecimalMark{
		"1.234,5": DecimalComma, "12,75": DecimalComma, "1,234.5": DecimalPoint, "0.5": DecimalPoint,
		"1,234": DecimalUnknown, "1.234": DecimalUnknown, "1.234.567": DecimalUnknown, "1 234,5": DecimalComma, "": DecimalUnknown,
	} {
		if got := Evidence(in); got != want {
			t.Errorf("Evidence(%q) = %q, want %q", in, got, want)
		}
	}
}
