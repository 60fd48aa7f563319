package demo

import (
	"fmt"
	"strings"
	"time"

	"bollard/model"
)

// A pattern draws one case of a kind investigators meet: its seizures,
// the people, companies, vessels and accounts behind it, what happened,
// what was asked of partners, and what the team wrote down.
type pattern func(p *plan)

// deck deals the patterns in proportion to how often such cases arise,
// shuffled afresh every round, so that even a small demo shows every one.
var deck = []pattern{
	cocaineReefer, cocaineReefer, cocaineReefer, cocaineReefer,
	precursorsByAir, precursorsByAir,
	tobaccoByRoad, tobaccoByRoad, tobaccoByRoad,
	medicinesByPost, medicinesByPost,
	missingTrader, missingTrader,
	wasteExport,
	sanctionsEvasion, sanctionsEvasion,
	cashAndTBML, cashAndTBML,
}

// dealer hands out the deck's patterns in a fresh order every round.
type dealer struct {
	order []pattern
	next  int
}

func (d *dealer) deal(g *gen) pattern {
	if d.next == len(d.order) {
		d.order = append(d.order[:0], deck...)
		for i := len(d.order) - 1; i > 0; i-- {
			j := g.n(i + 1)
			d.order[i], d.order[j] = d.order[j], d.order[i]
		}
		d.next = 0
	}
	d.next++
	return d.order[d.next-1]
}

// directorCultures are the nationalities of the directors put in front of
// companies registered in each country.
var directorCultures = map[string][]string{
	"ES": {"ES", "ES", "CO", "EC"}, "NL": {"NL", "NL", "AL"}, "BE": {"BE", "NL", "AL"}, "DE": {"DE", "TR", "PL"},
	"PL": {"PL", "PL", "LT"}, "PT": {"PT", "BR"}, "GB": {"GB", "IE"}, "CZ": {"PL", "RO"}, "SK": {"PL", "RO"},
	"HU": {"RO"}, "LT": {"LT", "RU"}, "CY": {"GR", "RU"}, "IE": {"IE", "GB"}, "AE": {"RU", "IN", "AE"},
	"HK": {"CN"}, "TR": {"TR", "RU"}, "KZ": {"KZ", "RU"}, "AM": {"AM", "RU"}, "SG": {"CN", "IN"},
	"PA": {"CO", "ES"}, "MT": {"GR", "GB"},
}

// shell links a front company from a pool. The first case to use it
// records its registered office (a formation agent's, shared with other
// shells) and, in an investigation, its nominee director.
func (p *plan) shell(pl *pool, role model.CaseRole, note string) *model.Entity {
	g := p.g
	it := pl.get(g)
	id, fresh := p.use(it, role, note)
	if fresh {
		country := it.e.Country
		// The office is recorded and tied to the shell; only an
		// investigation bothers to link it to the case itself.
		addr := p.w.agentAddress(g, country)
		if p.deep(2) {
			p.use(addr, model.RoleOther, "registered office of "+it.e.Name)
		} else {
			p.record(addr)
		}
		p.relate(id, addr.e.ID, model.RelLocatedAt, p.sinceYears(6), "A1", "company register extract")
		if !p.deep(2) {
			return &it.e
		}
		nats, ok := directorCultures[country]
		if !ok {
			nats = []string{"GB"}
		}
		d := person(g, cultureOf(pick(g, nats)), country)
		d.Notes = pick(g, []string{
			"Director on paper; says he was paid to sign.", "Director of a dozen companies at the same address.",
			"Straw man; no income that would explain the company's turnover.", "Director since the company changed hands.",
		})
		did := p.add(d, model.RoleOther, "director of "+it.e.Name)
		p.relate(did, id, model.RelDirects, p.sinceYears(4), "A1", "company register extract")
	}
	return &it.e
}

// person records a new person of a nationality living in residence.
func (p *plan) person(nationality, residence string, role model.CaseRole, note string) (id, name string) {
	e := person(p.g, cultureOf(nationality), residence)
	e.Notes = note
	return p.add(e, role, note), e.Name
}

// company records a new company of a country in a trade.
func (p *plan) company(country string, th theme, role model.CaseRole, note string) (id, name string) {
	e := company(p.g, country, th)
	e.Notes = note
	return p.add(e, role, note), e.Name
}

// phoneOf records a phone number its owner uses.
func (p *plan) phoneOf(owner, country, note string) string {
	n := phone(p.g, country)
	id := p.add(model.Entity{Kind: model.KindPhone, Name: n, Country: country, Notes: note}, model.RoleOther, note)
	p.relate(owner, id, model.RelUses, model.Date{}, pick(p.g, []string{"B2", "A2", "B3", "C3"}),
		pick(p.g, []string{"extraction of a seized phone", "subscriber records", "intercepted communications", "informant"}))
	return id
}

// emailOf records an e-mail address its owner uses.
func (p *plan) emailOf(owner, ownerName string, domains []string, note string) string {
	addr := emailOf(p.g, ownerName, domains)
	id := p.add(model.Entity{Kind: model.KindEmail, Name: addr, Notes: note}, model.RoleOther, note)
	p.relate(owner, id, model.RelUses, model.Date{}, pick(p.g, []string{"A2", "B2", "B1"}),
		pick(p.g, []string{"commercial invoices", "seized laptop", "provider's reply to a production order"}))
	return id
}

// accountOf records a bank account its owner holds.
func (p *plan) accountOf(owner, country, bank string) string {
	n := iban(p.g, country)
	note := "account at " + bank
	id := p.add(model.Entity{Kind: model.KindBankAccount, Name: model.FormatIBAN(n), Country: n[:2], Notes: note,
		Identifiers: model.Identifiers{IBAN: n}}, model.RoleOther, note)
	p.relate(owner, id, model.RelOwns, p.sinceYears(3), "A1", "bank's reply to a production order")
	return id
}

// walletOf records a crypto wallet its owner controls.
func (p *plan) walletOf(owner, note string) string {
	addr, network := wallet(p.g)
	id := p.add(model.Entity{Kind: model.KindWallet, Name: addr, Notes: network + "; " + note}, model.RoleOther, note)
	p.relate(owner, id, model.RelOwns, model.Date{}, pick(p.g, []string{"B2", "C3", "B3"}), "blockchain analysis")
	return id
}

// banks are where demo accounts are held, by the IBAN's country.
var banks = map[string][]string{
	"ES": {"CaixaBank", "Banco Santander", "BBVA", "Banco Sabadell"}, "NL": {"ABN AMRO", "ING", "Rabobank", "bunq"},
	"BE": {"BNP Paribas Fortis", "KBC", "Belfius"}, "DE": {"Deutsche Bank", "Commerzbank", "Sparkasse"},
	"GB": {"Barclays", "HSBC UK", "NatWest", "Monzo", "Revolut"}, "PT": {"Millennium bcp", "CGD"},
	"PL": {"PKO BP", "mBank", "Pekao"}, "LT": {"an e-money institution in Vilnius", "a payment institution in Vilnius"},
	"CY": {"Bank of Cyprus", "Hellenic Bank"}, "AE": {"Emirates NBD", "Mashreq", "RAKBANK"}, "TR": {"Ziraat Bankası", "Garanti BBVA", "Akbank"},
	"KZ": {"Halyk Bank", "Kaspi Bank"}, "CZ": {"Fio banka", "ČSOB"}, "HU": {"OTP Bank"}, "MT": {"a payment institution in Malta"},
}

// accountFor records an account of a company at a bank of its country,
// or at a Lithuanian e-money institution where its country issues no IBANs.
func (p *plan) accountFor(owner, country string) string {
	if _, ok := ibanFormats[country]; !ok {
		country = "LT"
	}
	b, ok := banks[country]
	if !ok {
		b = []string{"a local bank"}
	}
	return p.accountOf(owner, country, pick(p.g, b))
}

// analysisNote adds what investigators write down as a case goes on.
func (p *plan) analysisNote(subject string) {
	g := p.g
	body := pick(g, []string{
		"Link chart updated. %s appears in %d earlier declarations; the pattern matches the other shipments of this network.",
		"Debrief with the partner agency. They confirm %s is known to them; %d reports on file, none acted on yet.",
		"Analysis of phone data: %s was in contact with the organiser %d times in the week before the arrival.",
		"Financial profile: %s received %d payments from accounts already flagged in this corridor.",
		"Prosecutor briefed. Priority: identify who controls %s; %d hours of surveillance approved.",
	})
	p.note(p.later(200*day), fmt.Sprintf(body, subject, g.between(2, 40)))
}

// kg formats a weight as officers write it.
func kg(v float64) string { return thousands(int64(v+0.5)) + " kg" }

// thousands writes 12345 as 12,345.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// hours returns a duration of h hours.
func hours(h int) time.Duration { return time.Duration(h) * time.Hour }
