package dossier_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"

	"bollard/app"
	"bollard/app/dossier"
	_ "bollard/app/dossier"
	"bollard/model"
)

// The leak finder is the judge of a redacted dossier. It is written apart
// from the redactor, and shares with it only the documented rule of which
// single words are too common to name anyone (dossier.CommonWord): it folds
// text its own way, writes every value in its own variants, and searches
// both what a reader sees (pdftotext) and every byte of the file once
// decompressed (qpdf --qdf), where metadata, bookmarks, image comments and
// text a viewer would not show all sit.

// needle is one nominal value the dossier must not hold, in one form.
type needle struct {
	class, value string // what it is, and the value as recorded (for the failure message)
	// Exactly one of these is set.
	wordStart string // a folded word: found where a word starts with it (possessives, endings)
	phrase    string // folded words separated by single spaces, found whole
	skeleton  string // folded letters and digits only, found anywhere in the text's skeleton
	raw       []byte // bytes found anywhere in the file
}

func (n needle) String() string {
	switch {
	case n.wordStart != "":
		return fmt.Sprintf("%s %q as a word starting %q", n.class, n.value, n.wordStart)
	case n.phrase != "":
		return fmt.Sprintf("%s %q as the words %q", n.class, n.value, n.phrase)
	case n.skeleton != "":
		return fmt.Sprintf("%s %q as the characters %q", n.class, n.value, n.skeleton)
	}
	return fmt.Sprintf("%s %q as the bytes %q", n.class, n.value, n.raw)
}

// leakFold writes text the way the finder compares it: decomposed, marks
// dropped, lower case, Cyrillic and Greek transliterated, and every
// apostrophe, hyphen or other mark between letters turned into a space.
func leakFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case latinExtra[r] != "":
			b.WriteString(latinExtra[r])
		case translit[r] != "":
			b.WriteString(translit[r])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// skeletonOf is the folded letters and digits of s, nothing between them:
// "X-447 1223.Q" and "x4471223q" are the same document number.
func skeletonOf(s string) string { return strings.ReplaceAll(leakFold(s), " ", "") }

// latinExtra are Latin letters that do not decompose into a base letter
// and a mark.
var latinExtra = map[rune]string{'ł': "l", 'ø': "o", 'æ': "ae", 'œ': "oe", 'ß': "ss", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i"}

// translit is one common romanisation of Cyrillic and Greek (the finder
// adds the others a text might use in cyrillicSchemes and greekSchemes).
var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya", 'і': "i", 'ї': "i", 'є': "ye", 'ґ': "g",
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i", 'κ': "k",
	'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t",
	'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// romanisations of a name in Cyrillic or Greek letters, as texts write
// them: "Дмитрий" is Dmitriy, Dmitrii, Dmitry or Dmitrij.
var romanisations = []map[string]string{
	{"ий": "y", "й": "y", "х": "kh", "ю": "yu", "я": "ya", "ж": "zh", "ц": "ts"},
	{"ий": "ii", "й": "i", "х": "kh", "ю": "iu", "я": "ia", "ж": "zh", "ц": "ts"},
	{"ий": "ij", "й": "j", "х": "ch", "ю": "ju", "я": "ja", "ж": "sh", "ц": "z"},
	{"ий": "iy", "й": "y", "х": "h", "ю": "yu", "я": "ya", "ж": "j", "ц": "c"},
	{"ου": "ou", "η": "i", "υ": "y", "β": "v", "χ": "ch", "φ": "f"},
	{"ου": "ou", "η": "e", "υ": "y", "β": "b", "χ": "kh", "φ": "ph"},
	{"ου": "u", "η": "i", "υ": "i", "β": "v", "χ": "h", "φ": "f"},
}

func romanised(s string) []string {
	var out []string
	lower := strings.ToLower(norm.NFD.String(s))
	for _, scheme := range romanisations {
		keys := make([]string, 0, len(scheme))
		for k := range scheme {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) })
		v := lower
		for _, k := range keys {
			if k == "ий" {
				v = regexp.MustCompile(`ий\b`).ReplaceAllString(v, scheme[k]) // only at a word's end
				continue
			}
			v = strings.ReplaceAll(v, k, scheme[k])
		}
		if f := leakFold(v); f != leakFold(s) {
			out = append(out, f)
		}
	}
	return out
}

// leakFinder holds the needles of one case.
type leakFinder struct{ needles []needle }

func (l *leakFinder) add(n needle) { l.needles = append(l.needles, n) }

// words adds a name: the whole of it as words, and each word that could
// name someone alone (not a common word, not a particle), with its
// romanisations; a long word also by its stem, which an inflection keeps
// ("Papadopoulou" for Papadopoulos).
func (l *leakFinder) words(class, name string) {
	forms := append([]string{leakFold(name)}, romanised(name)...)
	for _, f := range forms {
		if f == "" {
			continue
		}
		l.add(needle{class: class, value: name, phrase: f})
		for _, w := range strings.Fields(f) {
			if len([]rune(w)) < 3 || dossier.CommonWord(w) {
				continue
			}
			l.add(needle{class: class, value: name, wordStart: w})
			if len(w) >= 5 {
				l.add(needle{class: class, value: name, raw: []byte(w)}) // in an image's comment, say
			}
			if r := []rune(w); len(r) >= 8 {
				l.add(needle{class: class, value: name, wordStart: string(r[:len(r)-2])})
			}
		}
	}
	l.bytes(class, name)
}

// number adds a value that is found whatever its spacing and punctuation.
func (l *leakFinder) number(class, value string) {
	if s := skeletonOf(value); len(s) >= 5 {
		l.add(needle{class: class, value: value, skeleton: s})
		l.bytes(class, value)
	}
}

// bytes adds the value as a file may store it: UTF-8, UTF-16 (how PDF text
// strings and this dossier's fonts write it), with and without accents, in
// any case of ASCII letters (the search lowers the file's ASCII).
func (l *leakFinder) bytes(class, value string) {
	seen := map[string]bool{}
	for _, v := range []string{value, strings.ToLower(value), leakFold(value), skeletonOf(value)} {
		if len([]rune(v)) < 4 || seen[v] {
			continue
		}
		seen[v] = true
		low := asciiLower([]byte(v))
		l.add(needle{class: class, value: value, raw: low})
		l.add(needle{class: class, value: value, raw: asciiLower(utf16BE(v))})
	}
}

// birthDate adds a date of birth in the forms people write one.
func (l *leakFinder) birthDate(value string, d model.Date) {
	if d.IsZero() || d.Day == 0 || d.Month == 0 {
		return
	}
	y, m, day := d.Year, d.Month, d.Day
	for _, s := range []string{
		fmt.Sprintf("%02d%02d%04d", day, m, y), fmt.Sprintf("%d %d %04d", day, m, y), // 14.03.1979, 14/3/1979
		fmt.Sprintf("%02d%02d%04d", m, day, y), fmt.Sprintf("%d %d %04d", m, day, y), // 03/14/1979
		fmt.Sprintf("%04d%02d%02d", y, m, day), fmt.Sprintf("%04d %d %d", y, m, day), // 1979-03-14
		fmt.Sprintf("%02d %02d %02d", day, m, y%100), // 14.03.79
	} {
		if strings.Contains(s, " ") {
			l.add(needle{class: "date of birth", value: value, phrase: s})
		} else {
			l.add(needle{class: "date of birth", value: value, skeleton: s})
		}
	}
	roman := [12]string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
	for _, month := range append(monthNames[m-1], roman[m-1]) {
		for _, year := range []int{y, y % 100} {
			for _, s := range []string{
				fmt.Sprintf("%d %s %02d", day, month, year), fmt.Sprintf("%d de %s de %02d", day, month, year),
				fmt.Sprintf("%s %d %02d", month, day, year),
			} {
				l.add(needle{class: "date of birth", value: value, phrase: leakFold(s)})
			}
		}
	}
}

var monthNames = [12][]string{
	{"january", "jan", "enero", "janeiro", "janvier", "janv"}, {"february", "feb", "febrero", "fevereiro", "fevrier", "fevr"},
	{"march", "mar", "marzo", "marco", "mars"}, {"april", "apr", "abril", "avril", "avr"},
	{"may", "mayo", "maio", "mai"}, {"june", "jun", "junio", "junho", "juin"},
	{"july", "jul", "julio", "julho", "juillet", "juil"}, {"august", "aug", "agosto", "aout"},
	{"september", "sep", "sept", "septiembre", "setembro", "septembre"}, {"october", "oct", "octubre", "outubro", "octobre"},
	{"november", "nov", "noviembre", "novembro", "novembre"}, {"december", "dec", "diciembre", "dezembro", "decembre"},
}

// nominal are the kinds of entity whose every value names a person.
var nominal = map[model.EntityKind]string{
	model.KindPerson: "person", model.KindEmail: "e-mail", model.KindPhone: "phone",
	model.KindBankAccount: "bank account", model.KindWallet: "wallet", model.KindAddress: "address",
}

// newLeakFinder lists every nominal value of the case file.
func newLeakFinder(f app.CaseFile) *leakFinder {
	l := &leakFinder{}
	for _, ce := range f.Entities {
		e := ce.Entity
		id := e.Identifiers
		switch class, ok := nominal[e.Kind]; {
		case e.Kind == model.KindPerson:
			l.words("person's name", e.Name)
			for _, a := range e.Aliases {
				l.words("alias", a)
			}
			l.number("document number", id.DocumentNumber)
			l.birthDate(e.Name+"'s date of birth", id.BirthDate)
		case ok:
			l.number(class, e.Name)
			for _, a := range e.Aliases {
				l.number(class, a)
			}
			if e.Kind == model.KindAddress {
				// The street's own name, and the postcode.
				street, _, _ := strings.Cut(e.Name, ",")
				street = strings.TrimRight(street, " 0123456789")
				for _, w := range strings.Fields(leakFold(street)) {
					if len(w) >= 5 && !dossier.CommonWord(w) && w != "calle" {
						l.add(needle{class: class, value: e.Name, wordStart: w})
					}
				}
				for _, w := range strings.Fields(leakFold(e.Name)) {
					if len(w) >= 5 && strings.Trim(w, "0123456789") == "" {
						l.add(needle{class: class, value: e.Name, phrase: w})
					}
				}
			}
			if e.Kind == model.KindPhone {
				// The national number: "+34 600 12 34 56", "0034600123456"
				// and "600 123 456" are one phone.
				if s := skeletonOf(e.Name); len(s) > 9 {
					l.number(class, s[len(s)-9:])
				}
			}
		}
		l.number("document number", id.DocumentNumber)
		l.number("phone", id.Phone)
		l.number("e-mail", id.Email)
		l.number("IBAN", id.IBAN)
		if s := skeletonOf(id.IBAN); len(s) > 8 {
			l.number("bank account", s[4:]) // the domestic number
		}
		l.number("wallet", id.WalletAddress)
		l.number("plate", id.Plate)
		l.number("VIN", id.VIN)
	}
	// Officers are named by their agency alone in a redacted dossier: their
	// names are personal data too.
	officer := func(name string) {
		if f := leakFold(name); strings.Contains(f, " ") {
			l.add(needle{class: "officer", value: name, phrase: f})
		}
	}
	officer(f.Case.LeadOfficer)
	officer(f.Case.UpdatedBy.Name)
	for _, t := range f.Tasks {
		officer(t.AssignedTo)
	}
	places := map[string]bool{}
	for _, x := range f.Evidence {
		for _, c := range x.Custody {
			places[c.Place] = true
		}
	}
	for _, x := range f.Evidence {
		officer(x.Item.AcquiredBy)
		for _, c := range x.Custody {
			for _, a := range []model.Author{c.From, c.To} {
				if !places[a.Name] { // a laboratory is a holder and a place
					officer(a.Name)
				}
			}
		}
	}
	for _, x := range f.Evidence {
		for _, a := range x.Item.Attachments {
			// A file's name is replaced by its exhibit's ref whatever it says.
			l.add(needle{class: "file name", value: a.Name, phrase: leakFold(a.Name)})
		}
	}
	return l
}

// haystack is a dossier as the finder searches it.
type haystack struct {
	words, skeleton string // folded text: words between single spaces, and letters and digits only
	raw             []byte // the decompressed file, ASCII lowered
}

// readDossier reads the PDF at path: its text as pdftotext extracts it, the
// strings of its decompressed objects decoded both ways a PDF writes text,
// and the raw decompressed bytes.
func readDossier(t testing.TB, path string) haystack {
	t.Helper()
	text := tool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	tool(t, "qpdf", "--qdf", "--object-streams=disable", "--stream-data=uncompress", path, qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	all := text + "\n" + strings.Join(pdfStrings(raw), "\n")
	words := " " + leakFold(all) + " "
	return haystack{words: words, skeleton: strings.ReplaceAll(words, " ", ""), raw: asciiLower(raw)}
}

// find says where the needle is in the haystack, or "".
func (h haystack) find(n needle) string {
	at := -1
	var in string
	switch {
	case n.wordStart != "":
		at, in = strings.Index(h.words, " "+n.wordStart), h.words
	case n.phrase != "":
		at, in = strings.Index(h.words, " "+n.phrase+" "), h.words
	case n.skeleton != "":
		at, in = strings.Index(h.skeleton, n.skeleton), h.skeleton
	default:
		if i := bytes.Index(h.raw, n.raw); i >= 0 {
			return fmt.Sprintf("%q", h.raw[max(0, i-30):min(len(h.raw), i+len(n.raw)+30)])
		}
	}
	if at < 0 {
		return ""
	}
	return fmt.Sprintf("…%s…", in[max(0, at-40):min(len(in), at+60)])
}

// leaks lists every needle found in the haystack.
func (l *leakFinder) leaks(h haystack) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range l.needles {
		if where := h.find(n); where != "" && !seen[n.String()] {
			seen[n.String()] = true
			out = append(out, n.String()+" in "+where)
		}
	}
	return out
}

var pdfString = regexp.MustCompile(`\((?:[^()\\]|\\.|\\\n)*\)|<[0-9A-Fa-f\s]+>`)

// pdfStrings are the literal and hex strings of a PDF, each decoded as
// UTF-16 (text strings with a byte-order mark, and text shown in a
// two-byte font, as this dossier's are) and as single bytes.
func pdfStrings(raw []byte) []string {
	var out []string
	for _, m := range pdfString.FindAll(raw, -1) {
		var b []byte
		if m[0] == '<' {
			b = unhex(m[1 : len(m)-1])
		} else {
			b = unescape(m[1 : len(m)-1])
		}
		out = append(out, string(b), fromUTF16BE(bytes.TrimPrefix(b, []byte{0xfe, 0xff})))
	}
	return out
}

func unhex(h []byte) []byte {
	h = bytes.Join(bytes.Fields(h), nil)
	if len(h)%2 == 1 {
		h = append(h, '0')
	}
	out := make([]byte, len(h)/2)
	for i := range out {
		fmt.Sscanf(string(h[2*i:2*i+2]), "%02x", &out[i])
	}
	return out
}

// unescape reads a PDF literal string's escapes.
func unescape(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			out = append(out, s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\n':
		default:
			if c >= '0' && c <= '7' {
				v, j := 0, i
				for ; j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7'; j++ {
					v = v*8 + int(s[j]-'0')
				}
				out = append(out, byte(v))
				i = j - 1
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

func fromUTF16BE(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

func utf16BE(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
