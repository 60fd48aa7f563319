package model

import (
	"strings"
)

// Language is a language the dossier and the window can speak.
type Language string

// The languages.
const (
	English    Language = "en"
	Spanish    Language = "es"
	Portuguese Language = "pt"
	French     Language = "fr"
)

// Languages lists every language.
var Languages = []Language{English, Spanish, Portuguese, French}

// Officer is the profile of the officer who works in a workspace. It is
// kept in the workspace itself, so that every record written there carries
// its author, and new case refs carry the officer's prefix.
type Officer struct {
	Name           string   `json:"name"`
	Agency         string   `json:"agency"`
	Country        string   `json:"country"`
	RefPrefix      string   `json:"ref_prefix"`
	DefaultMarking string   `json:"default_marking"`
	Language       Language `json:"language"`
}

// Author is the officer as the author of a change.
func (o Officer) Author() Author { return Author{Name: o.Name, Agency: o.Agency} }

// IsSet reports whether the profile has been filled in.
func (o Officer) IsSet() bool { return o.Name != "" && o.RefPrefix != "" }

// Validate checks the profile and tidies it: the prefix and country upper-cased,
// the language English when none was chosen.
func (o *Officer) Validate() error {
	p := problems{record: "officer profile"}
	o.Name = strings.TrimSpace(o.Name)
	o.Agency = strings.TrimSpace(o.Agency)
	p.require("officer name", o.Name)
	p.add("officer name", checkLength("officer name", o.Name, 120))
	p.require("agency", o.Agency)
	p.add("agency", checkLength("agency", o.Agency, 120))
	normalizeInto(&p, "country", &o.Country, NormalizeCountry)
	o.RefPrefix = strings.ToUpper(strings.TrimSpace(o.RefPrefix))
	p.add("case-ref prefix", checkRefPrefix(o.RefPrefix))
	o.DefaultMarking = strings.TrimSpace(o.DefaultMarking)
	if o.DefaultMarking == "" {
		o.DefaultMarking = "LIMITE"
	}
	if o.Language == "" {
		o.Language = English
	}
	p.add("language", checkChoice("language", o.Language, Languages))
	return p.err()
}

// checkRefPrefix accepts 2 to 8 capital letters or digits starting with a
// letter: ESA, HMRC, CBSA, DIAN, PF.
func checkRefPrefix(s string) error {
	if s == "" {
		return Invalid("case-ref prefix", "", "is required (2 to 8 capital letters, e.g. ESA)")
	}
	ok := len(s) >= 2 && len(s) <= 8 && s[0] >= 'A' && s[0] <= 'Z'
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			ok = false
		}
	}
	if !ok {
		return Invalid("case-ref prefix", s, "should be 2 to 8 capital letters or digits, starting with a letter")
	}
	return nil
}
