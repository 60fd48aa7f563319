package model

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

// countryField is how the form and the error messages name the field; forms
// that ask for a flag or an origin relabel it.
const countryField = "country"

// Country is an ISO 3166-1 country, dependency or area of special
// sovereignty, as offered in pickers.
type Country struct {
	Code string // alpha-2 code, "BE"
	Name string // English short name, "Belgium"
}

//go:embed data/countries.tsv
var countriesTSV string

// countryNames maps every officially assigned alpha-2 code to its name. The
// list is embedded rather than fetched because Bollard runs offline.
var countryNames = loadCountries(countriesTSV)

// countryAliases are the non-ISO codes European officers write out of habit:
// UK in British and EU documents, EL in EU VAT numbers and statistics for
// Greece. They are accepted for a country field and stored as the ISO code.
var countryAliases = map[string]string{
	"UK": "GB",
	"EL": "GR",
}

// NormalizeCountry checks an ISO 3166-1 alpha-2 country code and returns it
// upper case, "BE". UK and EL are taken as GB and GR. Anything not officially
// assigned (XK, EU, codes withdrawn like YU) is refused, because exchanges
// with partner agencies expect strict ISO codes.
func NormalizeCountry(s string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(s))
	if alias, ok := countryAliases[c]; ok {
		return alias, nil
	}
	if err := checkCountryCode(s, c); err != nil {
		return "", err
	}
	return c, nil
}

// CountryName returns the English short name of an assigned code, in any
// case, or "" for anything else; aliases are not names.
func CountryName(code string) string {
	return countryNames[strings.ToUpper(strings.TrimSpace(code))]
}

// Countries returns every assigned country sorted by name, as a picker shows
// them. Accented letters sort with their base letter, so Åland Islands is
// found among the A's, not after Zimbabwe as a byte-wise sort would put it.
func Countries() []Country {
	list := make([]Country, 0, len(countryNames))
	for code, name := range countryNames {
		list = append(list, Country{Code: code, Name: name})
	}
	slices.SortFunc(list, func(a, b Country) int {
		return strings.Compare(nameSortKey(a.Name), nameSortKey(b.Name))
	})
	return list
}

// checkCountryCode refuses c unless it is an assigned ISO 3166-1 code; typed
// is quoted in errors. UN/LOCODE uses it too, where no alias is allowed.
func checkCountryCode(typed, c string) error {
	if c == "" {
		return Invalid(countryField, typed, "is empty")
	}
	if len(c) != 2 || !isUpperLetters(c) {
		return Invalid(countryField, typed, "should be a 2-letter ISO 3166 country code")
	}
	if _, ok := countryNames[c]; !ok {
		return Invalid(countryField, typed, "is not an ISO 3166 country code")
	}
	return nil
}

// nameFolder folds the accented letters found in country names
// so that sorting by name follows the alphabet a reader expects.
var nameFolder = strings.NewReplacer(
	"Å", "A", "å", "a", "á", "a", "ã", "a", "ç", "c", "é", "e", "í", "i",
	"ô", "o", "ó", "o", "ü", "u", "’", "'",
)

// nameSortKey is the key pickers sort names by: folded and case-blind.
func nameSortKey(name string) string {
	return strings.ToLower(nameFolder.Replace(name))
}

// loadCountries parses code TAB name lines; # starts a comment. A malformed
// embedded file is a build mistake, so it panics at start-up, where the
// tests catch it.
func loadCountries(tsv string) map[string]string {
	m := make(map[string]string, 250)
	for i, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, name, ok := strings.Cut(line, "\t")
		if !ok || len(code) != 2 || !isUpperLetters(code) || name == "" {
			panic(fmt.Sprintf("model: data/countries.tsv line %d is malformed: %q", i+1, line))
		}
		m[code] = name
	}
	return m
}
