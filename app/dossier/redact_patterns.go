package dossier

import (
	"fmt"
	"strings"
	"unicode"

	"bollard/app/search"
	"bollard/model"
)

// nameEndings are what may follow a name in the same word: the possessive
// "s" ("Muñoz's", "O'Neill’s"), and the case and gender endings of the
// Slavic, Greek and Romance names of the corridors (Volkov, Volkova,
// Volkovym, Volkovu; Papadopoulos, Papadopoulou; Kowalski, Kowalska,
// Kowalskiego). They are added to a name's stem (the name less its own
// ending, stemEndings), respelt as names are (nameSpelling). Endings that
// make a new name of a name (-ov, -ova, -ovich: Ivan, Ivanov) are not
// among them: "Ivanov" is another person than Ivan.
var nameEndings = respelt("s", "a", "e", "i", "o", "u", "y", "es", "as", "os", "is", "us", "ys", "ou", "on",
	"om", "em", "im", "ym", "am", "oy", "oj", "oi", "ei", "ej", "ego", "ogo", "emu", "omu", "iego", "iemu",
	"ych", "ich", "ykh", "ikh", "ami", "ach")

// stemEndings are the endings taken off a recorded name to find its stem,
// longest first: Papadopoulos → papadopul-, Volkova → volkov-.
var stemEndings = respelt("os", "as", "es", "is", "us", "ou", "a", "e", "i", "o", "u", "y")

// minStem is the shortest stem a name is inflected from: shorter names
// ("Rui", "Ana") match as written, or they would take other words.
const minStem = 4

func respelt(endings ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range endings {
		if e = spell(e); e != "" && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	// Longest first, so that "ovym" is tried before "ov".
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// stem is a respelt name word less its ending, and whether it inflects.
func stem(word string) (string, bool) {
	if len(word) < minStem {
		return word, false
	}
	for _, e := range stemEndings {
		if strings.HasSuffix(word, e) && len(word)-len(e) >= minStem {
			return word[:len(word)-len(e)], true
		}
	}
	return word, true
}

// nameWords are the words of a name as folded, in order.
// An apostrophe parts them as the text's elisions are parted (elided):
// O'Connor is "o connor", whose "connor" names him alone.
func nameWords(name string) []string {
	return strings.Fields(search.Fold(strings.Map(func(r rune) rune {
		if strings.ContainsRune("'`’‘ʼ´ʹ′", r) {
			return ' '
		}
		return r
	}, name)))
}

// addPerson adds the patterns of a person: their full name, every run of
// its words ("Muñoz Rojas", "Carlos Muñoz"), each word alone unless it is
// a common word or a particle (commonWord), and each alias whole.
func (r *redactor) addPerson(e model.Entity, to string) {
	words := nameWords(e.Name)
	for i := range words {
		for j := i + 1; j <= len(words); j++ {
			run := words[i:j]
			if len(run) == 1 && commonWord(run[0]) {
				continue
			}
			r.addName(run, to, false)
		}
	}
	for _, a := range e.Aliases {
		words := nameWords(a)
		if len(words) == 0 {
			continue
		}
		// An alias that is one common word ("Al", "Flaco") is still withheld,
		// where it is written as a name: with a capital.
		r.addName(words, to, len(words) == 1 && commonWord(words[0]))
		r.count("aliases", strings.Join(words, " "))
	}
}

// addName adds a run of name words; the last one may inflect.
func (r *redactor) addName(words []string, to string, capital bool) {
	spelt := make([]string, len(words))
	for i, w := range words {
		spelt[i] = spell(w)
	}
	last := spelt[len(spelt)-1]
	head := strings.Join(spelt[:len(spelt)-1], "")
	st, inflects := stem(last)
	p := pattern{b: head + last, capital: capital, to: to, class: "persons"}
	if inflects {
		// The stem with its endings, which include the name's own.
		p.endings = nameEndings
		r.names.add(pattern{b: head + st, endings: nameEndings, stem: st != last, capital: capital, to: to, class: "persons"})
	}
	r.names.add(p)
}

// addValue adds a value matched whole on the plain skeleton.
func (r *redactor) addValue(value, to, class string) {
	k := plainSkeleton(value)
	if len(k.b) < 5 {
		return // a value this short would take any number that begins so
	}
	r.values.add(pattern{b: string(k.b), to: to, class: class})
}

// addPhone adds a phone number in the ways it is dialled: "+34600123456"
// is also written "0034 600 12 34 56", "600123456" without the country
// code, and, where the country dials a trunk 0, "0600123456" and
// "+34 (0)600…". The country code's length is not known, so every length
// ITU uses (1 to 3 digits) is tried: a shorter national number that a
// wrong split gives is still the line's own digits.
func (r *redactor) addPhone(phone, to string) {
	digits := string(plainSkeleton(phone).b)
	if digits == "" {
		return
	}
	r.addValue(digits, to, "phones")
	if !strings.HasPrefix(strings.TrimSpace(phone), "+") {
		if strings.HasPrefix(digits, "0") && !strings.HasPrefix(digits, "00") {
			r.addValue(digits[1:], to, "phones")
		}
		if strings.HasPrefix(digits, "00") {
			r.addPhone("+"+digits[2:], to)
		}
		return
	}
	r.addValue("00"+digits, to, "phones")
	for cc := 1; cc <= 3 && len(digits)-cc >= 6; cc++ {
		national := digits[cc:]
		r.addValue(national, to, "phones")
		r.addValue("0"+national, to, "phones")
		r.addValue(digits[:cc]+"0"+national, to, "phones")
		r.addValue("00"+digits[:cc]+"0"+national, to, "phones")
	}
}

// addAccount adds a bank account's domestic number, the IBAN less its
// country and check digits ("2100 0418 4502 0005 1332" of ES91 2100…),
// which is how a bank statement of the account's country writes it.
func (r *redactor) addAccount(iban, to string) {
	k := plainSkeleton(iban)
	if len(k.b) > 8 && !isDigit(k.b[0]) && !isDigit(k.b[1]) && isDigit(k.b[2]) && isDigit(k.b[3]) {
		r.addValue(string(k.b[4:]), to, "bank accounts")
	}
}

// addAddress adds a street address whole and, when it is written with
// commas, its first part where that has a number ("Calle Ancha 12" of
// "Calle Ancha 12, 11201 Algeciras"): the street and number alone find the
// home.
func (r *redactor) addAddress(address, to string) {
	r.addValue(address, to, "addresses")
	if street, _, ok := strings.Cut(address, ","); ok && strings.ContainsFunc(street, unicode.IsDigit) {
		r.addValue(street, to, "addresses")
	}
	// The street's own name, however the rest is written ("C/ Alcalá,
	// 123", "Calle de Alcalá nº 123"), and the postcode: the words before
	// the first number that are not common words or the words streets are
	// called by, and any number of five or more digits. The town stays.
	street, _, _ := strings.Cut(address, ",")
	if i := strings.IndexFunc(street, unicode.IsDigit); i >= 0 {
		street = street[:i]
	}
	for _, w := range nameWords(street) {
		if !commonWord(w) && !streetWords[w] {
			r.addValue(w, to, "addresses")
		}
	}
	for _, w := range nameWords(address) {
		if len(w) >= 5 && strings.Trim(w, "0123456789") == "" {
			r.addValue(w, to, "addresses")
		}
	}
}

// streetWords are the words streets are called by in the corridors'
// languages, which name no one's street alone.
var streetWords = map[string]bool{
	"calle": true, "avenida": true, "avda": true, "plaza": true, "paseo": true, "camino": true, "carrera": true,
	"carretera": true, "rua": true, "travessa": true, "praca": true, "largo": true, "estrada": true, "rue": true,
	"avenue": true, "boulevard": true, "chemin": true, "impasse": true, "allee": true, "quai": true, "route": true,
	"street": true, "road": true, "lane": true, "drive": true, "square": true, "strasse": true, "str": true,
	"straat": true, "laan": true, "weg": true, "plein": true, "kade": true, "via": true, "viale": true,
	"piazza": true, "corso": true, "carrer": true, "passeig": true, "ulica": true, "ul": true,
}

// monthNames are the months as written in English, Spanish, Portuguese and
// French, in full and abbreviated (with and without the dot, which the
// skeleton drops anyway), folded.
var monthNames = [12][]string{
	{"january", "jan", "enero", "ene", "janeiro", "janvier", "janv"},
	{"february", "feb", "febrero", "fevereiro", "fev", "fevrier", "fevr", "fev"},
	{"march", "mar", "marzo", "marco", "mars"},
	{"april", "apr", "abril", "abr", "avril", "avr"},
	{"may", "mayo", "maio", "mai"},
	{"june", "jun", "junio", "junho", "juin"},
	{"july", "jul", "julio", "julho", "juillet", "juil"},
	{"august", "aug", "agosto", "ago", "aout"},
	{"september", "sep", "sept", "septiembre", "setiembre", "set", "setembro", "septembre"},
	{"october", "oct", "octubre", "outubro", "out", "octobre"},
	{"november", "nov", "noviembre", "novembro", "novembre"},
	{"december", "dec", "diciembre", "dic", "dezembro", "dez", "decembre"},
}

// romanMonths are the months as some registries write them (14-III-1979).
var romanMonths = [12]string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}

// addBirthDate adds a date of birth in the ways it is written: numeric
// day-month-year, month-day-year and year-month-day with any separator or
// none, with and without leading zeros, with a four-digit year and with a
// two-digit one; and with the month's name in the four languages ("14
// March 1979", "March 14th, 1979", "14 de marzo de 1979", "1er mars
// 1979"). Where the day is 12 or less, 03/04/1979 is both a day-month and
// a month-day date; both are withheld: a date wrongly withheld costs the
// reader less than a birth date printed.
func (r *redactor) addBirthDate(b model.Date, to string) {
	if b.IsZero() {
		return
	}
	y4 := fmt.Sprintf("%04d", b.Year)
	if b.Month == 0 || b.Day == 0 {
		if b.Month > 0 {
			for _, m := range []string{fmt.Sprintf("%02d", int(b.Month)), fmt.Sprint(int(b.Month))} {
				r.addValue(m+y4, to, "dates of birth")
				r.addValue(y4+m, to, "dates of birth")
			}
		}
		return // a year alone is any year
	}
	y2 := y4[2:]
	days := []string{fmt.Sprintf("%02d", b.Day), fmt.Sprint(b.Day)}
	months := []string{fmt.Sprintf("%02d", int(b.Month)), fmt.Sprint(int(b.Month))}
	for _, d := range days {
		for _, m := range months {
			for _, y := range []string{y4, y2} {
				r.addValue(d+m+y, to, "dates of birth")
				r.addValue(m+d+y, to, "dates of birth")
			}
			r.addValue(y4+m+d, to, "dates of birth")
		}
	}
	dayWords := append([]string{}, days...)
	for _, suffix := range []string{"st", "nd", "rd", "th", "er", "o"} {
		dayWords = append(dayWords, fmt.Sprint(b.Day)+suffix)
	}
	months = append(monthNames[b.Month-1][:len(monthNames[b.Month-1]):len(monthNames[b.Month-1])], romanMonths[b.Month-1])
	for _, m := range months {
		for _, d := range dayWords {
			for _, y := range []string{y4, y2} {
				for _, form := range []string{d + m + y, d + "de" + m + "de" + y, d + "de" + m + "del" + y, d + "de" + m + y, d + "of" + m + y, m + d + y} {
					r.addValue(form, to, "dates of birth")
				}
			}
		}
	}
}
