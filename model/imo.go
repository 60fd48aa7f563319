package model

import "strings"

// imoField is how the form and the error messages name the field.
const imoField = "IMO number"

// NormalizeIMO checks an IMO ship identification number and returns its seven
// digits, "9074729".
//
// The number stays with a hull for life whatever its name or flag, which is
// why cases key vessels on it. It is printed as "IMO 9074729", so the prefix,
// in any case and with or without a space or dash, is accepted and dropped.
func NormalizeIMO(s string) (string, error) {
	c := strings.ToUpper(stripSeparators(s, " -."))
	c = strings.TrimPrefix(c, "IMO")
	if c == "" {
		return "", Invalid(imoField, s, "is empty")
	}
	if len(c) != 7 || !isDigits(c) {
		return "", Invalid(imoField, s, "should be 7 digits, optionally after IMO")
	}
	want, _ := IMOCheckDigit(c[:6])
	if got := int(c[6] - '0'); got != want {
		return "", Invalid(imoField, s, "check digit should be %d", want)
	}
	return c, nil
}

// IMOCheckDigit returns the check digit (the seventh digit) for the first six
// digits of an IMO number: each digit times its weight 7, 6, 5, 4, 3, 2, and
// the last digit of the sum.
func IMOCheckDigit(first6 string) (int, error) {
	if len(first6) != 6 || !isDigits(first6) {
		return 0, Invalid(imoField, first6, "should be the first 6 digits")
	}
	sum := 0
	for i := 0; i < 6; i++ {
		sum += int(first6[i]-'0') * (7 - i)
	}
	return sum % 10, nil
}
