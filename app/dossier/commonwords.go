package dossier

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// commonWord says whether a single name word, folded (app/search's Fold:
// lower case, accents dropped), is left alone in a redacted dossier's free
// text when it stands by itself. The full name, and any run of two or more
// of its words, are withheld whatever the words.
//
// How it is decided: a word of one letter is an initial and says nothing
// alone; any other word is common when it is on commonwords.txt, a curated
// list of (1) the particles and function words of English, Spanish,
// Portuguese and French (de, da, dos, del, van, von, le, la, y, e, al…),
// which stand in names without naming, and (2) the everyday words of the
// four languages that are also given names or surnames in the corridors'
// naming traditions (Rosa, Blanco, Santos, Cruz, Paz, León, Franco, Grand,
// Petit, Silva, Costa, Moreno…). A frequency list of the most common words
// was the alternative; it was not used because it would also hold surnames
// that are frequent as surnames and must be withheld (Rojas, García), and
// would miss the name-words that are rare as words. A surname that is
// common as a word is withheld wherever the full name, or a part of it of
// two words, is written; only the word alone stays, since withholding it
// would take every "santos" and "blanco" out of the text and make the
// dossier unreadable, while the word alone names no one.
//
// The leak test uses this list too (dossier.CommonWord) to know which
// single words it may find in a redacted dossier.
func commonWord(folded string) bool {
	folded = strings.TrimSpace(folded)
	if utf8.RuneCountInString(folded) <= 1 {
		return true
	}
	return commonWords[folded]
}

//go:embed commonwords.txt
var commonWordsList string

var commonWords = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonWordsList, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			m[w] = true
		}
	}
	return m
}()
