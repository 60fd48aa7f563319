package dossier

import (
	"strings"

	"bollard/model"
)

// caseEntity is an entity with every role it plays in the case: one line
// per entity, however many roles.
type caseEntity struct {
	entity model.Entity
	roles  []string
	notes  []string
}

// groupEntities merges the case's links by entity, keeping their order.
func groupEntities(links []model.CaseEntity) []*caseEntity {
	var out []*caseEntity
	byID := map[string]*caseEntity{}
	for _, l := range links {
		ce := byID[l.Entity.ID]
		if ce == nil {
			ce = &caseEntity{entity: l.Entity}
			byID[l.Entity.ID] = ce
			out = append(out, ce)
		}
		ce.roles = append(ce.roles, string(l.Link.Role))
		if l.Link.Note != "" && l.Link.Note != l.Entity.Notes {
			ce.notes = append(ce.notes, l.Link.Note)
		}
	}
	return out
}

func countEntities(links []model.CaseEntity) int { return len(groupEntities(links)) }

// entities prints persons, organisations, vessels and containers in tables
// of their own, with the identifiers of their kind, then everything else.
func (d *doc) entities() {
	d.section("entities")
	all := groupEntities(d.file.Entities)
	if len(all) == 0 {
		d.paragraph(d.w.t("none"), 10)
		return
	}
	groups := []struct {
		key   string
		kinds []model.EntityKind
	}{
		{"persons", []model.EntityKind{model.KindPerson}},
		{"organisations", []model.EntityKind{model.KindOrganisation}},
		{"vessels", []model.EntityKind{model.KindVessel}},
		{"containers", []model.EntityKind{model.KindContainer}},
		{"other entities", []model.EntityKind{model.KindVehicle, model.KindAddress, model.KindPhone,
			model.KindEmail, model.KindBankAccount, model.KindWallet}},
	}
	placed := map[string]bool{}
	for gi, g := range groups {
		var members []*caseEntity
		for _, ce := range all {
			last := gi == len(groups)-1
			if (last && !placed[ce.entity.ID]) || (!last && hasKind(g.kinds, ce.entity.Kind)) {
				members = append(members, ce)
				placed[ce.entity.ID] = true
			}
		}
		if len(members) == 0 {
			continue
		}
		d.subheading(d.w.t(g.key) + " (" + d.w.number(float64(len(members))) + ")")
		t := d.table(7.5,
			column{title: d.w.t("name"), width: 46},
			column{title: d.w.t("role"), width: 26},
			column{title: d.w.t("country"), width: 17},
			column{title: d.w.t("identifiers"), width: 50},
			column{title: d.w.t("notes"), width: 41},
		)
		for _, ce := range members {
			e := ce.entity
			name := d.red.name(e)
			if g.key == "other entities" {
				name += "\n(" + d.w.choice("kind", string(e.Kind)) + ")"
			}
			if len(e.Aliases) > 0 && !d.red.hides(e) {
				name += "\n" + d.w.t("aliases") + ": " + d.text(strings.Join(e.Aliases, "; "))
			}
			roles := make([]string, len(ce.roles))
			for i, r := range ce.roles {
				roles[i] = d.w.choice("role", r)
			}
			notes := append([]string{e.Notes}, ce.notes...)
			for i := range notes {
				notes[i] = d.text(notes[i])
			}
			t.row(name, strings.Join(roles, ", "), e.Country, d.identifiers(e), joinNonEmpty("\n", notes...))
		}
		d.gap()
	}
}

func hasKind(kinds []model.EntityKind, k model.EntityKind) bool {
	for _, c := range kinds {
		if c == k {
			return true
		}
	}
	return false
}

// identifiers lists the numbers that identify the entity, one a line. A
// redacted person keeps their nationality but not their birth date or
// document number; a redacted phone, e-mail, account, wallet, address or
// vehicle keeps none of its numbers.
func (d *doc) identifiers(e model.Entity) string {
	id := e.Identifiers
	withheld := func(v string) string {
		if v != "" && d.red.hides(e) {
			return d.red.withheld
		}
		return v
	}
	return joinNonEmpty("\n",
		labelled(d.w.t("born"), withheld(d.w.date(id.BirthDate))),
		labelled(d.w.t("nationality"), id.Nationality),
		labelled(d.w.t("id document"), withheld(id.DocumentNumber)),
		labelled(d.w.t("registration"), d.text(id.RegistrationNumber)),
		labelled(d.w.t("vat"), d.text(id.VATNumber)),
		labelled("EORI", d.text(id.EORI)),
		labelled("LEI", d.text(id.LEI)),
		labelled("IMO", d.text(id.IMO)),
		labelled("MMSI", d.text(id.MMSI)),
		labelled(d.w.t("call sign"), d.text(id.CallSign)),
		labelled(d.w.t("flag"), id.Flag),
		labelled("ISO 6346", idUnlessName(id.ContainerNumber, e.Name)),
		labelled(d.w.t("plate"), withheld(id.Plate)),
		labelled("VIN", withheld(id.VIN)),
		labelled(d.w.choice("kind", string(model.KindPhone)), withheld(idUnlessName(id.Phone, e.Name))),
		labelled(d.w.choice("kind", string(model.KindEmail)), withheld(idUnlessName(id.Email, e.Name))),
		labelled("IBAN", withheld(idUnlessName(id.IBAN, e.Name))),
		labelled(d.w.choice("kind", string(model.KindWallet)), withheld(idUnlessName(id.WalletAddress, e.Name))),
	)
}

// idUnlessName drops an identifier that is already the entity's name (a
// container is named by its number).
func idUnlessName(id, name string) string {
	if id == name {
		return ""
	}
	return id
}
