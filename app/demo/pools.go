package demo

import (
	"fmt"

	"bollard/model"
)

// pooled is an entity shared between cases: drawn when a case first needs
// it, recorded by that case, and linked again by later ones. That reuse is
// what lets an investigator follow a shell company or a vessel from one
// case to the next.
type pooled struct {
	e       model.Entity
	created bool
}

// pool is a fixed number of slots for shared entities of one sort; a slot
// is filled the first time it is drawn.
type pool struct {
	items []*pooled
	draw  func(g *gen) model.Entity
}

func newPool(size int, draw func(g *gen) model.Entity) *pool {
	return &pool{items: make([]*pooled, size), draw: draw}
}

// get draws one slot of the pool.
func (p *pool) get(g *gen) *pooled {
	i := g.n(len(p.items))
	if p.items[i] == nil {
		e := p.draw(g)
		e.ID = g.uuid()
		p.items[i] = &pooled{e: e}
	}
	return p.items[i]
}

// world holds the entities shared across the demo's cases. Pools are sized
// from the number of cases, about one shell company per eight cases, so
// that the sharing looks the same at 40 cases and at 20,000.
type world struct {
	euShells       *pool // front companies in Europe: consignees, buffers, exporters
	offshoreShells *pool // conduits in Dubai, Hong Kong, Cyprus...
	intermediaries *pool // re-exporters to Russia in Turkey, Kazakhstan, the UAE, Armenia
	endUsers       *pool // Russian end users of dual-use goods
	vessels        *pool
	operators      *pool            // ship managers
	forwarders     *pool            // freight forwarders and customs brokers
	fruitExporters map[string]*pool // per country of origin
	exporterSize   int
	hauliers       *pool
	chemSuppliers  *pool
	pharmaSellers  *pool
	agentAddresses map[string]*pool // formation agents' addresses, per country
	agentSize      int
	related        map[relKey]bool // relations already recorded
}

type relKey struct {
	from, to string
	typ      model.RelationType
}

func newWorld(cases int) *world {
	size := func(per, least int) int { return max(least, cases/per) }
	return &world{
		euShells: newPool(size(16, 3), func(g *gen) model.Entity {
			return shell(g, pick(g, []string{"ES", "ES", "NL", "NL", "BE", "BE", "DE", "PL", "PT", "GB", "CZ", "SK", "HU", "LT", "CY", "IE"}))
		}),
		offshoreShells: newPool(size(16, 3), func(g *gen) model.Entity {
			return shell(g, pick(g, []string{"AE", "AE", "HK", "HK", "CY", "SG", "PA", "MT", "GB"}))
		}),
		intermediaries: newPool(size(40, 3), func(g *gen) model.Entity {
			return shell(g, pick(g, []string{"TR", "TR", "KZ", "KZ", "AE", "AE", "AM"}))
		}),
		endUsers: newPool(size(40, 2), func(g *gen) model.Entity {
			e := company(g, "RU", themeElectronics)
			e.Notes = "Russian end user; supplies the defence sector according to open sources. Listed under EU sanctions (Annex IV)."
			return e
		}),
		vessels: newPool(size(12, 3), vessel),
		operators: newPool(size(60, 2), func(g *gen) model.Entity {
			return company(g, pick(g, []string{"PA", "CY", "GR", "MT", "SG", "HK"}), themeShipping)
		}),
		forwarders: newPool(size(25, 2), func(g *gen) model.Entity {
			e := company(g, pick(g, []string{"NL", "BE", "ES", "DE", "GB", "PL", "HK", "AE"}), themeLogistics)
			e.Notes = "Freight forwarder and customs representative; files declarations for many small importers."
			return e
		}),
		fruitExporters: map[string]*pool{},
		exporterSize:   size(60, 2), // per origin country: about one in twenty cases
		hauliers: newPool(size(30, 2), func(g *gen) model.Entity {
			e := company(g, pick(g, []string{"PL", "PL", "LT", "LT", "NL", "IE", "BE"}), themeHaulage)
			e.Notes = "Road haulier, a few tractor units; drivers paid per trip."
			return e
		}),
		chemSuppliers: newPool(size(30, 2), func(g *gen) model.Entity {
			e := company(g, pick(g, []string{"CN", "CN", "CN", "IN"}), themeChemical)
			e.Notes = "Chemical supplier advertising 'research chemicals' on B2B marketplaces; ships with mislabelled declarations."
			return e
		}),
		pharmaSellers: newPool(size(30, 2), func(g *gen) model.Entity {
			e := company(g, pick(g, []string{"IN", "IN", "HK", "CN", "SG", "TR"}), themePharma)
			e.Notes = "Online pharmacy operator; dozens of web shops redirect to the same payment page."
			return e
		}),
		agentAddresses: map[string]*pool{},
		related:        map[relKey]bool{},
		agentSize:      max(2, cases/150),
	}
}

// shell draws a front company: a real registration, but no staff and no
// premises beyond a formation agent's address.
func shell(g *gen, country string) model.Entity {
	e := company(g, country, pick(g, []theme{themeTrade, themeTrade, themeLogistics, themeFruit, themeElectronics, themeMotors}))
	e.Notes = fmt.Sprintf("Incorporated %d-%02d; %s.", g.anchor.Year()-g.between(1, 8), 1+g.n(12), pick(g, []string{
		"nominee director, no employees, registered at a formation agent's address",
		"dormant for years, then sudden import activity",
		"share capital paid in cash; director changed twice in a year",
		"accounts never filed; VAT registration revoked after inspection",
		"no website, mobile phone as only contact; bank account at an e-money institution",
	}))
	return e
}

// fruitExporter draws a fruit exporter of a country.
func (w *world) fruitExporter(g *gen, country string) *pooled {
	p, ok := w.fruitExporters[country]
	if !ok {
		p = newPool(w.exporterSize, func(g *gen) model.Entity {
			e := company(g, country, themeFruit)
			e.Notes = "Fruit exporter; registered with the national phytosanitary agency."
			return e
		})
		w.fruitExporters[country] = p
	}
	return p.get(g)
}

// agentAddress draws a formation agent's address in a country, shared by
// many of the shells registered there.
func (w *world) agentAddress(g *gen, country string) *pooled {
	p, ok := w.agentAddresses[country]
	if !ok {
		p = newPool(w.agentSize, func(g *gen) model.Entity {
			e := address(g, country)
			e.Notes = "Registered office of a company-formation agent; hundreds of companies registered here."
			return e
		})
		w.agentAddresses[country] = p
	}
	return p.get(g)
}
