package model

// hsField is how the form and the error messages name the field.
const hsField = "HS code"

// NormalizeHSCode checks a Harmonized System commodity code and returns its
// digits, "8703231990".
//
// Codes are written "8703.23", "8703 23 19 90" or "87032319": dots and spaces
// are dropped. The length says how deep the classification goes: chapter
// (2), heading (4), HS subheading (6), CN (8) or TARIC and other national
// tariffs (10). Chapter 00 does not exist and chapter 77 is reserved by the
// WCO and unused, so both are refused as typing mistakes; 98 and 99 are
// left to national use and accepted.
func NormalizeHSCode(s string) (string, error) {
	c := stripSeparators(s, ". ")
	if c == "" {
		return "", Invalid(hsField, s, "is empty")
	}
	if !isDigits(c) {
		return "", Invalid(hsField, s, "should hold only digits (dots and spaces are allowed)")
	}
	switch len(c) {
	case 2, 4, 6, 8, 10:
	default:
		return "", Invalid(hsField, s, "should have 2, 4, 6, 8 or 10 digits, not %d", len(c))
	}
	switch c[:2] {
	case "00":
		return "", Invalid(hsField, s, "chapter 00 does not exist: chapters run from 01 to 97 (98 and 99 for national use)")
	case "77":
		return "", Invalid(hsField, s, "chapter 77 is reserved and unused in the Harmonized System")
	}
	return c, nil
}
