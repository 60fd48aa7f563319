package dossier

import (
	"bollard/app"
	"bollard/model"
)

// Label is a label of the dossier in a language, for the tests outside
// the package.
func Label(key string, l model.Language) string { return newWords(l).t(key) }

// Choice is a choice's label in a language, for the tests outside the package.
func Choice(kind, code string, l model.Language) string { return newWords(l).choice(kind, code) }

// CommonWord is commonWord, for the tests outside the package (the leak
// test ignores the single name words it says are common).
func CommonWord(folded string) bool { return commonWord(folded) }

// RedactedText is free text as a redacted dossier of the case prints it.
func RedactedText(f app.CaseFile, l model.Language, s string) string {
	return newRedactor(true, f.Entities, newWords(l)).text(s)
}

// WithheldCounts are the classes and counts a redacted dossier of the case
// lists on its "What was withheld" page, by label key.
func WithheldCounts(f app.CaseFile) map[string]int {
	m := map[string]int{}
	for _, c := range newRedactor(true, f.Entities, newWords(model.English)).withheldCounts() {
		m[c.key] = c.n
	}
	return m
}
