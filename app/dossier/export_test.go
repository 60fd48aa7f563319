package dossier

import "bollard/model"

// Label is a label of the dossier in a language, for the tests outside
// the package.
func Label(key string, l model.Language) string { return newWords(l).t(key) }

// Choice is a choice's label in a language, for the tests outside the package.
func Choice(kind, code string, l model.Language) string { return newWords(l).choice(kind, code) }
