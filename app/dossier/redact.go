package dossier

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"bollard/model"
)

// redactor makes the non-nominal version of a dossier, which may go where
// personal data may not. Persons become pseudonyms in the dossier's
// language ("Person A", "Persona B"), given in the order of the case
// file's entities, so that both layout passes and every page agree and the
// story still reads; their birth dates and document numbers are withheld.
// The e-mail addresses, phones, bank accounts, wallets, street addresses
// and vehicles of a case are withheld whole, wherever they print: "Person
// A uses raul.nunez.marquez@mail.ru" names the person as surely as the
// name would, and whether such a contact belongs to a person or a company
// is not always recorded.
//
// Every one of these values is also taken out of the free text (a summary
// or a note names people as often as the entity list does), in every way
// it is written: see redact_match.go for names and numbers,
// redact_patterns.go for the forms of each value, commonwords.go for the
// name words that are left alone.
//
// Organisations, vessels, containers and seizures stay: they are what a
// partner agency needs to act on. A person's name inside them ("Transportes
// Muñoz-Rojas SL") is taken out by the same rule as in free text.
type redactor struct {
	on       bool
	withheld string            // "[withheld]", in the dossier's language
	shown    map[string]string // withheld entity's ID → how it prints
	names    *matcher          // persons, on the name skeleton
	values   *matcher          // numbers, contacts, addresses, dates, on the plain skeleton
	counted  map[string]map[string]bool
}

// withheldKinds are the entities that identify a person by themselves. A
// vehicle is one: it prints as "Vehicle 1 [withheld]", like a phone, and
// not with its make, because officers name a vehicle by its plate or its
// owner ("Muñoz's white Hilux 1234-ABC"), and one car's make and colour in
// a small port identifies its owner as well as the plate would.
var withheldKinds = map[model.EntityKind]bool{
	model.KindPerson: true, model.KindEmail: true, model.KindPhone: true, model.KindVehicle: true,
	model.KindBankAccount: true, model.KindWallet: true, model.KindAddress: true,
}

// withheldClassOf is the class each withheld kind is counted in.
var withheldClassOf = map[model.EntityKind]string{
	model.KindPerson: "persons", model.KindEmail: "e-mails", model.KindPhone: "phones", model.KindVehicle: "vehicles",
	model.KindBankAccount: "bank accounts", model.KindWallet: "wallets", model.KindAddress: "addresses",
}

// withheldClasses are the classes the text withholds, in the order the
// "What was withheld" page lists them.
var withheldClasses = []string{"persons", "aliases", "document numbers", "dates of birth", "phones", "e-mails",
	"bank accounts", "wallets", "addresses", "vehicles"}

func newRedactor(on bool, entities []model.CaseEntity, w words) redactor {
	withheld := "[" + w.t("withheld") + "]"
	r := redactor{on: on, withheld: withheld, shown: map[string]string{}, names: newMatcher(withheld), values: newMatcher(withheld),
		counted: map[string]map[string]bool{}}
	if !on {
		return r
	}
	persons := 0
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
			shown = w.tf("pseudonym", pseudonymLetters(persons))
			persons++
		} else {
			// Numbered, so that the relations of two phones stay apart.
			perKind[e.Kind]++
			shown = w.choice("kind", string(e.Kind)) + " " + strconv.Itoa(perKind[e.Kind]) + " " + withheld
		}
		r.shown[e.ID] = shown
		r.count(withheldClassOf[e.Kind], e.ID)
		id := e.Identifiers
		switch e.Kind {
		case model.KindPerson:
			r.addPerson(e, shown)
		case model.KindPhone:
			r.addPhone(e.Name, shown)
		case model.KindAddress:
			r.addAddress(e.Name, shown)
		default:
			r.addValue(e.Name, shown, withheldClassOf[e.Kind])
			for _, a := range e.Aliases {
				r.addValue(a, shown, withheldClassOf[e.Kind])
			}
		}
		if id.Phone != "" {
			r.addPhone(id.Phone, shown)
		}
		if e.Kind == model.KindBankAccount || id.IBAN != "" {
			r.addAccount(e.Name, shown)
			r.addAccount(id.IBAN, shown)
		}
		for _, v := range [][2]string{{id.Email, "e-mails"}, {id.WalletAddress, "wallets"}, {id.IBAN, "bank accounts"},
			{id.Plate, "vehicles"}, {id.VIN, "vehicles"}} {
			if v[0] != "" {
				r.addValue(v[0], shown, v[1])
			}
		}
		if id.DocumentNumber != "" {
			r.addValue(id.DocumentNumber, withheld, "document numbers")
			r.count("document numbers", strings.ToUpper(string(plainSkeleton(id.DocumentNumber).b)))
		}
		if !id.BirthDate.IsZero() {
			r.addBirthDate(id.BirthDate, withheld)
			r.count("dates of birth", id.BirthDate.String())
		}
	}
	return r
}

// pseudonymLetters is the n-th (from 0) pseudonym's letters: A to Z, then
// AA, AB… as spreadsheet columns are named.
func pseudonymLetters(n int) string {
	s := ""
	for n++; n > 0; n = (n - 1) / 26 {
		s = string(rune('A'+(n-1)%26)) + s
	}
	return s
}

// count notes one distinct value of a class as withheld.
func (r *redactor) count(class, value string) {
	if r.counted[class] == nil {
		r.counted[class] = map[string]bool{}
	}
	r.counted[class][value] = true
}

// hides says whether the entity is withheld in this dossier.
func (r redactor) hides(e model.Entity) bool { return r.on && withheldKinds[e.Kind] }

// name is how an entity is named in the dossier: a withheld one by its
// pseudonym or number, any other by its name with the persons in it
// withheld ("Transportes Person A SL").
func (r redactor) name(e model.Entity) string {
	if !r.hides(e) {
		return r.text(e.Name)
	}
	if shown, ok := r.shown[e.ID]; ok {
		return shown
	}
	return r.withheld
}

// text takes withheld names, numbers and birth dates out of free text.
func (r redactor) text(s string) string {
	if !r.on || s == "" {
		return s
	}
	return replaceSpans(s, r.spans(s))
}

func (r redactor) spans(s string) []span {
	return append(r.values.find(s, plainSkeleton(s)), r.names.find(s, nameSkeleton(s))...)
}

// nominal is the first withheld value in s, and its class, or ok false:
// what an officer-written redacted title is checked with.
func (r redactor) nominal(s string) (value, class string, ok bool) {
	spans := r.spans(s)
	if len(spans) == 0 {
		return "", "", false
	}
	first := spans[0]
	for _, sp := range spans[1:] {
		if sp.from < first.from {
			first = sp
		}
	}
	return s[first.from:first.to], first.p.class, true
}

// withheldCounts is how many distinct values of each class the redactor
// withholds, counted from the case, not from what printed: a value the
// dossier never had to print was still withheld from it.
func (r redactor) withheldCounts() []withheldClass {
	if !r.on {
		return nil
	}
	var out []withheldClass
	for _, c := range withheldClasses {
		if n := len(r.counted[c]); n > 0 {
			out = append(out, withheldClass{key: "withheld " + c, n: n})
		}
	}
	return out
}

// ErrNominalTitle is the error of a title for the non-nominal version that
// holds a value the dossier withholds: the officer rewrites it.
var ErrNominalTitle = errors.New("the title for the non-nominal version holds a nominal value")

// errNominalTitle says what kind of nominal value a redacted title holds.
func errNominalTitle(value, class string) error {
	return nominalTitleError(fmt.Sprintf("the title for the non-nominal version contains %s (%q): write it without names, numbers or addresses", classPhrase[class], value))
}

type nominalTitleError string

func (e nominalTitleError) Error() string        { return string(e) }
func (e nominalTitleError) Is(target error) bool { return target == ErrNominalTitle }

// classPhrase names a class of withheld value in an error.
var classPhrase = map[string]string{
	"persons": "a person's name", "document numbers": "a document number", "dates of birth": "a date of birth",
	"phones": "a phone number", "e-mails": "an e-mail address", "bank accounts": "a bank account",
	"wallets": "a wallet address", "addresses": "a street address", "vehicles": "a vehicle's plate, VIN or name",
}
