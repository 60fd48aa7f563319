package model

import (
	"fmt"
	"strings"
)

// leiField is how the form and the error messages name the field.
const leiField = "LEI"

// NormalizeLEI checks an ISO 17442 Legal Entity Identifier and returns it
// upper case without spaces, "5493001KJTIIGC8Y1R12".
//
// An LEI names one legal entity worldwide (the importer, the freight
// forwarder, the bank), which is what lets a case link companies across
// agencies. It is 18 letters or digits followed by two check digits that make
// the whole, read as in IBANs (A=10 ... Z=35), leave 1 modulo 97.
func NormalizeLEI(s string) (string, error) {
	c := strings.ToUpper(stripSeparators(s, " -"))
	if c == "" {
		return "", Invalid(leiField, s, "is empty")
	}
	if len(c) != 20 || !isUpperAlnum(c) || !isDigits(c[18:]) {
		return "", Invalid(leiField, s, "should be 20 characters: 18 letters or digits then 2 check digits")
	}
	if mod97(c) != 1 {
		return "", Invalid(leiField, s, "check digits should be %02d", 98-mod97(c[:18]+"00"))
	}
	return c, nil
}

// LEICheckDigits returns the two check digits that complete the first 18
// characters of an LEI, so that test-data generators can build valid ones.
func LEICheckDigits(first18 string) (string, error) {
	if len(first18) != 18 || !isUpperAlnum(first18) {
		return "", Invalid(leiField, first18, "should be 18 capital letters or digits before the check digits")
	}
	return fmt.Sprintf("%02d", 98-mod97(first18+"00")), nil
}
