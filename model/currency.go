package model

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// currencyField is how the form and the error messages name the field.
const currencyField = "currency"

// Currency is an active ISO 4217 currency or fund.
type Currency struct {
	Code       string // alphabetic code, "EUR"
	MinorUnits int    // digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD
	Name       string // English name, "Euro"
}

//go:embed data/currencies.tsv
var currenciesTSV string

// currencyTable maps every active code to its currency. Embedded because
// Bollard runs offline.
var currencyTable = loadCurrencies(currenciesTSV)

// withdrawnCurrencies names recently withdrawn codes that still appear on
// invoices and declarations an officer is reading, with their successor and
// the year ISO withdrew them, so the refusal says what to write instead.
var withdrawnCurrencies = map[string]struct {
	successor string
	year      int
}{
	"ANG": {"XCG", 2025},
	"BGN": {"EUR", 2026},
	"CUC": {"CUP", 2021},
	"HRK": {"EUR", 2023},
	"SLL": {"SLE", 2023},
	"ZWL": {"ZWG", 2024},
}

// NormalizeCurrency checks an ISO 4217 alphabetic currency code and returns
// it upper case, "EUR". Only currencies in use are accepted: an estimated
// value in a withdrawn currency cannot be converted for statistics.
func NormalizeCurrency(s string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(s))
	if c == "" {
		return "", Invalid(currencyField, s, "is empty")
	}
	if len(c) != 3 || !isUpperLetters(c) {
		return "", Invalid(currencyField, s, "should be a 3-letter ISO 4217 currency code")
	}
	if w, ok := withdrawnCurrencies[c]; ok {
		return "", Invalid(currencyField, s, "was withdrawn in %d: use %s", w.year, w.successor)
	}
	if _, ok := currencyTable[c]; !ok {
		return "", Invalid(currencyField, s, "is not an ISO 4217 currency code")
	}
	return c, nil
}

// CurrencyName returns the English name of an active code, in any case, or
// "" for anything else.
func CurrencyName(code string) string {
	return currencyTable[strings.ToUpper(strings.TrimSpace(code))].Name
}

// Currencies returns every active currency sorted by code: officers know
// currencies by code (EUR, USD), while ISO's names ("Won", "Rand") are
// terse and would scatter a picker sorted by name.
func Currencies() []Currency {
	list := make([]Currency, 0, len(currencyTable))
	for _, c := range currencyTable {
		list = append(list, c)
	}
	slices.SortFunc(list, func(a, b Currency) int { return strings.Compare(a.Code, b.Code) })
	return list
}

// loadCurrencies parses code TAB minor units TAB name lines; # starts a
// comment. A malformed embedded file is a build mistake, so it panics at
// start-up, where the tests catch it.
func loadCurrencies(tsv string) map[string]Currency {
	m := make(map[string]Currency, 180)
	for i, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || len(f[0]) != 3 || !isUpperLetters(f[0]) || f[2] == "" {
			panic(fmt.Sprintf("model: data/currencies.tsv line %d is malformed: %q", i+1, line))
		}
		units, err := strconv.Atoi(f[1])
		if err != nil || units < 0 || units > 4 {
			panic(fmt.Sprintf("model: data/currencies.tsv line %d has bad minor units: %q", i+1, line))
		}
		m[f[0]] = Currency{Code: f[0], MinorUnits: units, Name: f[2]}
	}
	return m
}
