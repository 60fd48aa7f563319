package dossier

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bollard/model"
)

// redactor makes the non-nominal version of a dossier, which may go where
// personal data may not: persons become their initials, their birth dates
// and document numbers are withheld, and their names, numbers and birth
// dates are taken out of the free text too (a summary or a note names
// people as often as the entity list does). The e-mail addresses, phones,
// bank accounts, wallets and street addresses of a case are withheld
// whole, wherever they print: "R. N. M. uses raul.nunez.marquez@mail.ru"
// names the person as surely as the name would, and whether such a
// contact belongs to a person or a company is not always recorded.
// Organisations, vessels, containers, vehicles and seizures stay: they are
// what a partner agency needs to act on.
type redactor struct {
	on       bool
	withheld string            // "[withheld]", in the dossier's language
	shown    map[string]string // withheld entity's ID → how it prints
	inText   *wordReplacer
}

// withheldKinds are the entities that identify a person by themselves.
var withheldKinds = map[model.EntityKind]bool{
	model.KindPerson: true, model.KindEmail: true, model.KindPhone: true,
	model.KindBankAccount: true, model.KindWallet: true, model.KindAddress: true,
}

func newRedactor(on bool, entities []model.CaseEntity, w words) redactor {
	withheld := "[" + w.t("withheld") + "]"
	r := redactor{on: on, withheld: withheld, shown: map[string]string{}}
	if !on {
		return r
	}
	var pairs [][2]string
	add := func(from, to string) {
		if from = strings.TrimSpace(from); from != "" {
			pairs = append(pairs, [2]string{from, to})
			if up := strings.ToUpper(from); up != from {
				pairs = append(pairs, [2]string{up, to})
			}
		}
	}
	taken := map[string]int{}
	perKind := map[model.EntityKind]int{}
	for _, ce := range entities {
		e := ce.Entity
		if !withheldKinds[e.Kind] {
			continue
		}
		if _, done := r.shown[e.ID]; done {
			continue // an entity with two roles is one entity
		}
		var shown string
		if e.Kind == model.KindPerson {
			shown = initials(e.Name)
			// Two persons with the same initials stay two persons.
			if taken[shown]++; taken[shown] > 1 {
				shown = shown + " (" + strconv.Itoa(taken[shown]) + ")"
			}
		} else {
			// Numbered, so that the relations of two phones stay apart.
			perKind[e.Kind]++
			shown = w.choice("kind", string(e.Kind)) + " " + strconv.Itoa(perKind[e.Kind]) + " " + withheld
		}
		r.shown[e.ID] = shown
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			add(n, shown)
			if e.Kind == model.KindPhone || e.Kind == model.KindBankAccount {
				// "+34 600 12 34 56" is also typed "+34600123456".
				add(strings.Join(strings.Fields(n), ""), shown)
			}
		}
		id := e.Identifiers
		for _, n := range []string{id.Phone, id.Email, id.WalletAddress} {
			add(n, shown)
		}
		if id.IBAN != "" {
			add(id.IBAN, shown)
			add(model.FormatIBAN(id.IBAN), shown)
		}
		add(id.DocumentNumber, withheld)
		if b := id.BirthDate; !b.IsZero() {
			add(b.String(), withheld)
			if b.Day > 0 && b.Month > 0 {
				add(fmt.Sprintf("%02d/%02d/%04d", b.Day, b.Month, b.Year), withheld)
				add(fmt.Sprintf("%02d.%02d.%04d", b.Day, b.Month, b.Year), withheld)
			}
		}
	}
	r.inText = newWordReplacer(pairs)
	return r
}

// hides says whether the entity is withheld in this dossier.
func (r redactor) hides(e model.Entity) bool { return r.on && withheldKinds[e.Kind] }

// name is how an entity is named in the dossier.
func (r redactor) name(e model.Entity) string {
	if !r.hides(e) {
		return e.Name
	}
	if shown, ok := r.shown[e.ID]; ok {
		return shown
	}
	if e.Kind == model.KindPerson {
		return initials(e.Name)
	}
	return r.withheld
}

// text takes withheld names, numbers and birth dates out of free text.
func (r redactor) text(s string) string {
	if r.inText == nil {
		return s
	}
	return r.inText.replace(s)
}

// wordReplacer replaces whole words only: a person aliased "Al" is taken
// out of "Al met them", not out of "Algeciras". Where two names start at
// the same place, the longer is taken, so that "Juan Muñoz Rojas" goes
// whole before an alias "Juan Muñoz" could take part of it.
type wordReplacer struct {
	byFirst map[rune][][2]string // by the first rune of what is replaced, longest first
}

func newWordReplacer(pairs [][2]string) *wordReplacer {
	sort.SliceStable(pairs, func(i, j int) bool { return len(pairs[i][0]) > len(pairs[j][0]) })
	wr := &wordReplacer{byFirst: map[rune][][2]string{}}
	for _, p := range pairs {
		first, _ := utf8.DecodeRuneInString(p[0])
		wr.byFirst[first] = append(wr.byFirst[first], p)
	}
	return wr
}

func (wr *wordReplacer) replace(s string) string {
	var b strings.Builder
	last := 0   // bytes of s already copied to b
	prev := ' ' // the rune before i
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !inWord(prev) || !inWord(c) {
			for _, p := range wr.byFirst[c] {
				end := i + len(p[0])
				if !strings.HasPrefix(s[i:], p[0]) {
					continue
				}
				if next, _ := utf8.DecodeRuneInString(s[end:]); end < len(s) && inWord(next) && inWord(lastRune(p[0])) {
					continue // a longer word begins so
				}
				b.WriteString(s[last:i])
				b.WriteString(p[1])
				last = end
				break
			}
		}
		if last > i {
			prev = lastRune(s[:last])
			i = last
			continue
		}
		prev = c
		i += size
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// inWord says whether a rune is part of a word, across scripts.
func inWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// initials turns "Juan Carlos Muñoz Rojas" into "J. C. M. R.". Lower-case
// particles (de, da, van) are left out, as people write initials.
func initials(name string) string {
	var parts []string
	for _, word := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		first := []rune(word)[0]
		if unicode.IsUpper(first) {
			parts = append(parts, string(first)+".")
		}
	}
	if len(parts) == 0 {
		for _, word := range strings.Fields(name) {
			parts = append(parts, string(unicode.ToUpper([]rune(word)[0]))+".")
		}
	}
	if len(parts) == 0 {
		return "?"
	}
	return strings.Join(parts, " ")
}

// withheldCounts is how many values of each class the redactor withholds.
func (r redactor) withheldCounts() []withheldClass { return nil }
