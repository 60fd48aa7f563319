package model

import "strings"

// locodeField is how the form and the error messages name the field.
const locodeField = "UN/LOCODE"

// NormalizeLOCODE checks a UN/LOCODE (a port, airport, rail or road
// terminal) and returns its five characters, "BEANR".
//
// It is printed "BE ANR" and typed "be-anr" or "BEANR": spaces and dashes
// are dropped and letters upper-cased. The first two letters must be an
// assigned ISO 3166 code. UK and EL are not accepted here as they are in
// country fields: the UN/LOCODE list itself uses GB and GR, so "UK LON" is a
// mistake to correct, not a habit to tolerate. The three location characters
// are letters or the digits 2 to 9 (0 and 1 are left out, being read as O and I).
func NormalizeLOCODE(s string) (string, error) {
	c := strings.ToUpper(stripSeparators(s, " -"))
	if c == "" {
		return "", Invalid(locodeField, s, "is empty")
	}
	if len(c) != 5 {
		return "", Invalid(locodeField, s, "should be 5 characters: a country code then 3 letters or digits")
	}
	if checkCountryCode(s, c[:2]) != nil {
		return "", Invalid(locodeField, s, "%s is not an ISO 3166 country code", c[:2])
	}
	for i := 2; i < 5; i++ {
		if ch := c[i]; (ch < 'A' || ch > 'Z') && (ch < '2' || ch > '9') {
			return "", Invalid(locodeField, s, "location part should be letters or digits 2 to 9")
		}
	}
	return c, nil
}

// FormatLOCODE returns a UN/LOCODE in its printed form, "BE ANR", for display
// and reports. A value that is not a valid LOCODE is returned unchanged, so
// that what the officer typed is never hidden.
func FormatLOCODE(s string) string {
	c, err := NormalizeLOCODE(s)
	if err != nil {
		return s
	}
	return c[:2] + " " + c[2:]
}
