package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

// countryPicker offers every ISO 3166 country as "Belgium (BE)", sorted by
// name, while still taking a bare code typed in: officers know the codes of
// the countries they deal with and should not have to scroll for them.
var countryPicker = sync.OnceValue(func() (p struct {
	options []string
	codes   map[string]string // option or folded name → code
}) {
	p.codes = map[string]string{}
	for _, c := range model.Countries() {
		opt := countryOption(c)
		p.options = append(p.options, opt)
		p.codes[opt] = c.Code
		p.codes[strings.ToLower(c.Name)] = c.Code
	}
	return p
})

func countryOption(c model.Country) string { return c.Name + " (" + c.Code + ")" }

// newCountryEntry is a select entry over every country.
func newCountryEntry() *widget.SelectEntry {
	e := widget.NewSelectEntry(countryPicker().options)
	e.SetPlaceHolder("Pick or type a code, e.g. BE")
	return e
}

// countryCode reads what the officer picked or typed: an option, a name or a
// code. Anything else is handed on as typed, for the model to refuse with
// its own message.
func countryCode(text string) string {
	t := strings.TrimSpace(text)
	if code, ok := countryPicker().codes[t]; ok {
		return code
	}
	if code, ok := countryPicker().codes[strings.ToLower(t)]; ok {
		return code
	}
	return t
}

// countryText is how a stored code is shown in the entry.
func countryText(code string) string {
	if name := model.CountryName(code); name != "" {
		return countryOption(model.Country{Code: code, Name: name})
	}
	return code
}
