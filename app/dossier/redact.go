package dossier

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"bollard/app"
	"bollard/model"
)

// redactor makes the non-nominal version of a dossier, which may go where
// personal data may not: persons become their initials, their birth dates
// and document numbers are withheld, and their names and numbers are taken
// out of the free text too (a summary or a note names people as often as
// the entity list does). Organisations, vessels, containers and seizures
// stay: they are what a partner agency needs to act on.
type redactor struct {
	on       bool
	withheld string
	shown    map[string]string // person's entity ID → initials
	inText   *strings.Replacer
}

func newRedactor(on bool, entities []app.CaseEntity, withheld string) redactor {
	r := redactor{on: on, withheld: withheld, shown: map[string]string{}}
	if !on {
		return r
	}
	var pairs []string
	taken := map[string]int{}
	for _, ce := range entities {
		e := ce.Entity
		if e.Kind != model.KindPerson {
			continue
		}
		if _, done := r.shown[e.ID]; done {
			continue // a person with two roles is one person
		}
		ini := initials(e.Name)
		// Two persons with the same initials stay two persons.
		if taken[ini]++; taken[ini] > 1 {
			ini = ini + " (" + strconv.Itoa(taken[ini]) + ")"
		}
		r.shown[e.ID] = ini
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if strings.TrimSpace(n) != "" {
				pairs = append(pairs, n, ini, strings.ToUpper(n), ini)
			}
		}
		if e.DocumentNumber != "" {
			pairs = append(pairs, e.DocumentNumber, withheld)
		}
	}
	// The longest names first, so that "Juan Muñoz Rojas" is replaced
	// whole before an alias "Juan Muñoz" could take part of it.
	type pair struct{ from, to string }
	ps := make([]pair, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		ps = append(ps, pair{pairs[i], pairs[i+1]})
	}
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].from) > len(ps[j].from) })
	flat := make([]string, 0, len(pairs))
	for _, p := range ps {
		flat = append(flat, p.from, p.to)
	}
	r.inText = strings.NewReplacer(flat...)
	return r
}

// name is how an entity is named in the dossier.
func (r redactor) name(e model.Entity) string {
	if ini, ok := r.shown[e.ID]; ok {
		return ini
	}
	if r.on && e.Kind == model.KindPerson {
		return initials(e.Name)
	}
	return e.Name
}

// text takes persons' names and document numbers out of free text.
func (r redactor) text(s string) string {
	if r.inText == nil {
		return s
	}
	return r.inText.Replace(s)
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
