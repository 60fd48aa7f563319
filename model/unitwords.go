package model

import (
	"fmt"
	"strings"
	"unicode"
)

// Units are read from what officers write in English, Spanish, Portuguese
// and French, in a form, on the command line, in a spreadsheet or a JSON
// case file: every reader asks ParseUnitOf, so a word is added here once.
//
// A few words name a cigarette unit in a tobacco seizure and a mere
// package elsewhere: "paquetes" of cocaine are packages, of cigarettes
// packs; a Brazilian "pacote" of cigarettes is a carton of ten maços, and
// "cajas"/"caixas" of cigarettes are master cases. Those words are read by
// the seizure's commodity (see ParseUnitOf).

// unitWords are the words of each unit besides its code and label.
var unitWords = map[Unit]string{
	Kilogram:    "kgs|kilo|kilos|kilogram|kilograms|kilogramo|kilogramos|quilograma|quilogramas|quilo|quilos|kilogramme|kilogrammes|kilogramas",
	Gram:        "gr|grs|gram|grams|gramo|gramos|grama|gramas|gramme|grammes",
	Tonne:       "tonne|tonnes|ton|tons|tonelada|toneladas|tm",
	Litre:       "lt|lts|litre|litres|liter|liters|litro|litros",
	Pieces:      "piece|pcs|pc|items|units|piezas|pieza|unidades|unidad|ud|uds|u|un|pecas|peca|unidade|unites|unite|articles",
	Sticks:      "stick|cigarettes|cigarette|cigarrillos|cigarrillo|cigarros|cigarro|cigarettes unites|cigs|cig|unidades de cigarrillo",
	Packs:       "cigarette packs|packs of cigarettes|cajetillas|cajetilla|cajetillas de tabaco|paquetes de tabaco|macos de cigarro|macos de cigarros|etuis|etui|paquets de cigarettes",
	Cartons:     "carton|cigarette cartons|cartons of cigarettes|cartones de tabaco|cartones de cigarrillos|cartouches de cigarettes|pacotes de cigarro|pacotes de cigarros",
	MasterCases: "master case|mastercase|mastercases|master cartons|master carton|caja master|cajas master|caja maestra|cajas maestras|caixa master|caixas master|caixa mestre|caixas mestre|caisse master|caisses master|carton master|cartons master|cases of cigarettes|cajas de tabaco|caixas de cigarro|caixas de cigarros",
	Packages:    "package|parcels|bultos|bulto|volumes|volume|embalagens|colis",
	Pallets:     "pallet|pales|pale|palets|palet|paletas|paletes|palete|palettes|palette",
	Doses:       "dose|dosis|pills|tablets|pastillas|comprimidos|comprimes|capsules|capsulas|blotters",
	Banknotes:   "banknote|notes|billetes|billete|cedulas|notas|billets|billet",
}

// tobaccoWords are the words that mean a cigarette unit in a seizure of
// cigarettes or tobacco (or of no commodity said) and a package in one of
// anything else, as they did before Bollard counted cigarettes.
var tobaccoWords = map[Unit]string{
	Packs:       "packs|pack|packets|packet|paquetes|paquete|paquets|paquet|macos|maco",
	Cartons:     "cartons|cartones|cartoes|cartao|cartouches|cartouche|pacotes|pacote",
	MasterCases: "cases|case|cajas|caja|caixas|caixa|caisses|caisse",
}

var unitIndex, tobaccoIndex = func() (plain, tobacco map[string]Unit) {
	plain, tobacco = map[string]Unit{}, map[string]Unit{}
	add := func(m map[string]Unit, w string, u Unit) {
		w = foldWord(w)
		if old, ok := plain[w]; ok && old != u {
			panic(fmt.Sprintf("model: unit word %q means both %s and %s", w, old, u))
		}
		if old, ok := tobacco[w]; ok && old != u {
			panic(fmt.Sprintf("model: unit word %q means both %s and %s", w, old, u))
		}
		m[w] = u
	}
	for _, u := range Units {
		add(plain, string(u), u)
		add(plain, u.Label(), u)
		for _, w := range strings.Split(unitWords[u], "|") {
			add(plain, w, u)
		}
	}
	for u, list := range tobaccoWords {
		for _, w := range strings.Split(list, "|") {
			add(tobacco, w, u)
		}
	}
	return plain, tobacco
}()

// ParseUnit reads a unit from its code or a word for it in English,
// Spanish, Portuguese or French, ignoring case and accents: "kg",
// "Cartones", "maços", "master case". Words that also name a package are
// read as the cigarette unit (see ParseUnitOf).
func ParseUnit(s string) (Unit, error) { return ParseUnitOf(s, "") }

// ParseUnitOf reads a unit as ParseUnit does, for a seizure of the given
// commodity: in a seizure of a commodity other than cigarettes, tobacco
// or "other", a word that names a cigarette unit or a package ("packs",
// "paquetes", "cajas") is a package, as it was before Bollard counted
// cigarettes. A reader that holds a stored code keeps it as it is.
func ParseUnitOf(s string, c CommodityCategory) (Unit, error) {
	w := foldWord(s)
	if u, ok := tobaccoIndex[w]; ok {
		switch c {
		case "", CommodityCigarettes, CommodityTobacco, CommodityOther:
			return u, nil
		}
		return Packages, nil
	}
	if u, ok := unitIndex[w]; ok {
		return u, nil
	}
	return "", checkChoice("unit", Unit(strings.TrimSpace(s)), Units)
}

// foldWord reduces a word to what tells it apart: lower case, without
// accents, with punctuation as single spaces ("Maços", "MACOS" and
// "master-case" fold to "macos" and "master case").
func foldWord(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if base, ok := unaccented[r]; ok {
			r = base
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

var unaccented = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "áàâãäå", 'c': "ç", 'e': "éèêë", 'i': "íìîï", 'n': "ñ", 'o': "óòôõö", 'u': "úùûü",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()
