package demo

import (
	"fmt"
	"time"

	"bollard/model"
)

// exhibit is an evidence item the demo records, with its chain of custody.
type exhibit struct {
	item    model.EvidenceItem
	custody []model.CustodyEvent
	files   []demoFile // the photographs attached to it
}

// drugs are the commodities a laboratory analyses and a court orders destroyed.
var drugs = map[model.CommodityCategory]bool{
	model.CommodityCocaine: true, model.CommodityCannabis: true, model.CommodityHeroin: true,
	model.CommoditySynthetic: true, model.CommodityPrecursors: true, model.CommodityMedicines: true,
}

// labs are the laboratories samples are sent to, by the lead agency's country.
var labs = map[string]model.Author{
	"ES": {Name: "Laboratorio Central de Aduanas", Agency: "AEAT"},
	"NL": {Name: "Douanelaboratorium", Agency: "Belastingdienst/Douane"},
	"BE": {Name: "Laboratoire des Douanes", Agency: "AGDA"},
	"FR": {Name: "Service Commun des Laboratoires", Agency: "DGDDI"},
	"DE": {Name: "Bildungs- und Wissenschaftszentrum", Agency: "Zoll"},
	"GB": {Name: "Forensic Drugs Laboratory", Agency: "Border Force"},
}

// recordEvidence keeps some of each seizure as exhibits, the way a seizure
// report does: the goods under seal, a sample for the laboratory, the
// photographs of the concealment, the transport document. Each exhibit gets
// its chain of custody up to where the case stands: seized and sealed at the
// scene, taken to the evidence store, samples analysed, and in closed cases
// the drugs destroyed on the prosecutor's order.
func (p *plan) recordEvidence() {
	g := p.g
	for _, s := range p.seizures {
		if !g.chance(0.45) {
			continue
		}
		by := officer{name: s.CreatedBy.Name, ag: p.lead.ag}
		if s.CreatedBy.Agency != p.lead.ag.Name {
			by = p.lead
		}
		seal := fmt.Sprintf("%s-%s", p.lead.ag.Country, g.digits(7))
		store := "Evidence store, " + p.lead.ag.Name
		goods := p.newExhibit(s, by, model.EvidencePhysical, oneFullStop("The seized goods: "+s.Description+"."), store, seal)
		p.custody(goods, s.SeizedAt, by, model.CustodySeized, model.Author{}, s.PlaceName, seal, "")
		p.custody(goods, g.within(s.SeizedAt, 6*time.Hour, p.end), by, model.CustodySealed, model.Author{}, s.PlaceName, seal, "")
		keeper := model.Author{Name: pick(g, p.lead.ag.Officers), Agency: p.lead.ag.Name}
		if keeper.Name != by.name {
			p.custody(goods, g.within(s.SeizedAt.Add(6*time.Hour), 2*day, p.end), by, model.CustodyTransferred, keeper, store, seal, "")
		}
		if drugs[s.Category] {
			p.sampleToLab(s, by, store)
			if p.c.Status == model.StatusClosed && !p.c.ClosedOn.IsZero() {
				p.custody(goods, p.c.ClosedOn.Time().Add(-time.Duration(g.between(1, 20))*day+time.Duration(g.between(8*60, 17*60))*time.Minute), p.lead, model.CustodyDestroyed,
					model.Author{}, "Incineration plant", seal, "Destroyed on the prosecutor's order; samples kept.")
			}
		}
		if s.Concealment != "" && g.chance(0.6) {
			photos := p.newExhibit(s, by, model.EvidencePhoto, oneFullStop("Photographs of the concealment: "+s.Concealment+"."), "Case file (digital)", "")
			p.custody(photos, s.SeizedAt, by, model.CustodySeized, model.Author{}, s.PlaceName, "", "")
			p.photograph(photos)
		}
		if s.TransportDocument != "" && g.chance(0.5) {
			doc := p.newExhibit(s, by, model.EvidenceDocument, "Original of "+s.TransportDocument+".", store, "")
			p.custody(doc, g.within(s.SeizedAt, day, p.end), by, model.CustodySeized, model.Author{}, s.PlaceName, "", "")
		}
	}
}

// sampleToLab takes a sample of seized drugs to the laboratory: sent under
// seal, received with the seal checked, analysed.
func (p *plan) sampleToLab(s model.Seizure, by officer, store string) {
	g := p.g
	lab, ok := labs[p.lead.ag.Country]
	if !ok {
		lab = model.Author{Name: "National forensic laboratory", Agency: p.lead.ag.Name}
	}
	seal := fmt.Sprintf("%s-%s", p.lead.ag.Country, g.digits(7))
	sample := p.newExhibit(s, by, model.EvidenceSample, "Sample of the seized substance, 3 × 5 g, for analysis.", store, seal)
	sent := g.within(s.SeizedAt.Add(day), 10*day, p.end)
	p.custody(sample, s.SeizedAt, by, model.CustodySeized, model.Author{}, s.PlaceName, seal, "")
	p.custody(sample, sent, by, model.CustodySentToLab, lab, store, seal, "")
	received := g.within(sent, 2*day, p.end)
	if !received.After(sent) {
		return
	}
	if p.custody(sample, received, p.lead, model.CustodyReceived, lab, lab.Name, seal, "Seal checked on receipt.") {
		x := &p.exhibits[sample]
		x.custody[len(x.custody)-1].SealIntact = new(true)
	}
	analysed := g.within(received, 20*day, p.end)
	if !analysed.After(received) {
		return
	}
	result := "Laboratory report: " + s.Category.Label() + " confirmed."
	if s.Category == model.CommodityCocaine || s.Category == model.CommodityHeroin {
		result = fmt.Sprintf("Laboratory report: %s, purity %d%%.", s.Category.Label(), g.between(18, 91))
	}
	p.custody(sample, analysed, p.lead, model.CustodyAnalysed, lab, lab.Name, "", result)
}

// newExhibit starts an exhibit of a seizure, acquired when it was seized,
// and returns its place in the plan's exhibits.
func (p *plan) newExhibit(s model.Seizure, by officer, kind model.EvidenceKind, desc, store, seal string) int {
	x := exhibit{item: model.EvidenceItem{CaseID: p.c.ID, Description: desc, Kind: kind, SeizureID: s.ID,
		StorageLocation: store, SealNumber: seal, AcquiredAt: s.SeizedAt, AcquiredPlace: s.PlaceName, AcquiredBy: by.name}}
	p.stamp(&x.item.Record, s.CreatedAt, by)
	p.exhibits = append(p.exhibits, x)
	return len(p.exhibits) - 1
}

// custody adds an event to exhibit i's chain, written by the officer by,
// and reports whether it did. Events come in the order they happened; one
// that would fall after work on the case stopped is left out. Whoever
// seizes, seals or receives an exhibit holds it afterwards.
func (p *plan) custody(i int, at time.Time, by officer, action model.CustodyAction, to model.Author, place, seal, note string) bool {
	x := &p.exhibits[i]
	if n := len(x.custody); n > 0 && at.Before(x.custody[n-1].At) {
		at = x.custody[n-1].At
	}
	if at.After(p.end) {
		return false
	}
	if to.Name == "" && (action == model.CustodySeized || action == model.CustodySealed || action == model.CustodyReceived) {
		to = by.author()
	}
	ev := model.CustodyEvent{ItemID: x.item.ID, Action: action, To: to, Place: place, SealNumber: seal, At: at.Truncate(time.Minute), Note: note}
	recorded := at
	if recorded.Before(x.item.CreatedAt) {
		recorded = x.item.CreatedAt
	}
	p.stamp(&ev.Record, recorded, by)
	x.custody = append(x.custody, ev)
	return true
}
