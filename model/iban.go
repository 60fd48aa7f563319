package model

import (
	"fmt"
	"strings"
)

// ibanField is how the form and the error messages name the field.
const ibanField = "IBAN"

// ibanLengths is the SWIFT IBAN registry (ISO 13616): every country that
// issues IBANs and the exact length of its IBANs. Length is the cheapest
// check that catches a dropped or doubled digit, and a country missing here
// issues no IBANs at all, so an "IBAN" claiming it is made up.
//
// Territories that use a parent's prefix (Åland → FI; French overseas
// departments and collectivities → FR; Jersey, Guernsey, Isle of Man → GB)
// are not listed separately, because their IBANs start with the parent's code.
// Experimental national formats (many African countries) are not in the
// registry and so are refused. Keep in step with the registry's releases.
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28,
	"BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27, "BR": 29, "BY": 28,
	"CH": 21, "CR": 22, "CY": 28, "CZ": 24,
	"DE": 22, "DJ": 27, "DK": 18, "DO": 28,
	"EE": 20, "EG": 29, "ES": 24,
	"FI": 18, "FK": 18, "FO": 18, "FR": 27,
	"GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
	"HN": 28, "HR": 21, "HU": 28,
	"IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
	"JO": 30,
	"KW": 30, "KZ": 20,
	"LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25,
	"MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30,
	"NI": 28, "NL": 18, "NO": 15,
	"OM": 23,
	"PK": 24, "PL": 28, "PS": 29, "PT": 25,
	"QA": 29,
	"RO": 24, "RS": 22, "RU": 33,
	"SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
	"SO": 23, "ST": 25, "SV": 28,
	"TL": 23, "TN": 24, "TR": 26,
	"UA": 29,
	"VA": 22, "VG": 24,
	"XK": 20, // Kosovo: user-assigned in ISO 3166, but the registry lists it
	"YE": 30,
}

// NormalizeIBAN checks an International Bank Account Number and returns it in
// the compact electronic form, "DE89370400440532013000".
//
// IBANs are printed in groups of four and typed in any case, so spaces are
// dropped and letters upper-cased. The country must issue IBANs of exactly
// this length, and the ISO 7064 mod-97 check must hold: together they catch
// nearly every mistyped account in a money-flow analysis.
func NormalizeIBAN(s string) (string, error) {
	c := strings.ToUpper(stripSeparators(s, " \t"))
	if c == "" {
		return "", Invalid(ibanField, s, "is empty")
	}
	if !isUpperAlnum(c) {
		return "", Invalid(ibanField, s, "should hold only letters and digits")
	}
	if len(c) < 4 || !isUpperLetters(c[:2]) || !isDigits(c[2:4]) {
		return "", Invalid(ibanField, s, "should start with a 2-letter country code and 2 check digits")
	}
	country := c[:2]
	n, ok := ibanLengths[country]
	if !ok {
		return "", Invalid(ibanField, s, "%s does not issue IBANs", country)
	}
	if len(c) != n {
		return "", Invalid(ibanField, s, "should be %d characters for %s, not %d", n, ibanCountryName(country), len(c))
	}
	if mod97(c[4:]+c[:4]) != 1 {
		want := 98 - mod97(c[4:]+country+"00")
		return "", Invalid(ibanField, s, "check digits should be %02d", want)
	}
	return c, nil
}

// FormatIBAN returns s in the printed form, groups of four separated by
// spaces ("DE89 3704 0044 0532 0130 00"), for display and reports. It does not
// validate: call NormalizeIBAN first.
func FormatIBAN(s string) string {
	c := strings.ToUpper(stripSeparators(s, " \t"))
	var b strings.Builder
	for i := 0; i < len(c); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c[i:min(i+4, len(c))])
	}
	return b.String()
}

// IBANCheckDigits returns the two check digits that make country + digits +
// bban a valid IBAN, so that test-data generators can build real-looking
// accounts. The BBAN must have the length the registry gives the country.
func IBANCheckDigits(country, bban string) (string, error) {
	country = strings.ToUpper(country)
	bban = strings.ToUpper(bban)
	n, ok := ibanLengths[country]
	if !ok {
		return "", Invalid(ibanField, country+bban, "%s does not issue IBANs", country)
	}
	if !isUpperAlnum(bban) || len(bban) != n-4 {
		return "", Invalid(ibanField, country+bban, "account part should be %d letters or digits for %s", n-4, ibanCountryName(country))
	}
	return fmt.Sprintf("%02d", 98-mod97(bban+country+"00")), nil
}

// ibanCountryName names the country in an error, falling back to the code
// for Kosovo, which ISO 3166 does not list.
func ibanCountryName(code string) string {
	if name := CountryName(code); name != "" {
		return name
	}
	return code
}

// mod97 returns the ISO 7064 MOD 97-10 remainder of s, letters counting as
// two digits (A=10 ... Z=35). Shared by IBAN and LEI. The number is consumed
// digit by digit so that 34-character IBANs need no big integers.
func mod97(s string) int {
	r := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			r = (r*10 + int(c-'0')) % 97
		} else {
			r = (r*100 + int(c-'A') + 10) % 97
		}
	}
	return r
}
