package demo

import (
	"fmt"

	"bollard/model"
)

// carouselGood is what a missing-trader chain trades: small, dear, easy to
// move and to sell again.
type carouselGood struct {
	short    string
	what, hs string
	lo, hi   int
	price    float64
}

var carouselGoods = []carouselGood{
	{"smartphones", "smartphones of current models, same IMEI ranges as in earlier chains", "8517.13", 800, 12000, 650},
	{"CPUs", "desktop CPUs in trays", "8542.31", 2000, 40000, 280},
	{"graphics cards", "graphics cards", "8473.30", 500, 6000, 900},
	{"solid-state drives", "solid-state drives", "8471.70", 3000, 30000, 90},
}

// taxAgency is the partner asked, under Regulation 904/2010, about a
// company in a member state.
func taxAgency(country string) *agency {
	switch country {
	case "ES":
		return agAEAT
	case "PL":
		return agKAS
	case "NL":
		return agFIOD
	case "BE":
		return agBECustoms
	case "DE":
		return agZoll
	case "LT":
		return agLTCustoms
	case "CZ":
		return agCZTax
	case "SK":
		return agSKTax
	case "HU":
		return agHUTax
	case "PT":
		return agPTTax
	case "CY":
		return agCYTax
	case "IE":
		return agRevenueIE
	}
	return agEPPO
}

// missingTrader: VAT carousel fraud. A missing trader sells on without
// paying the VAT it charged, buffers blur the trail, a broker claims the
// refund, and the money leaves through a conduit outside the EU.
func missingTrader(p *plan) {
	g := p.g
	lead := pick(g, []*agency{agFIOD, agSVA, agAEAT, agKAS, agBECustoms})
	threats := []model.ThreatType{model.ThreatVATFraud}
	if p.deep(2) && g.chance(0.3) {
		threats = append(threats, model.ThreatTBML)
	}
	p.open(lead, model.CorridorIntraEU, threats...)
	good := pick(g, carouselGoods)

	mtCountry := pick(g, []string{"ES", "PL", "CZ", "HU", "SK", "PT", "LT"})
	mtID, mtName := p.company(mtCountry, pick(g, []theme{themeElectronics, themeTrade}), model.RoleSuspect,
		"Missing trader: charged VAT on its sales and vanished without paying it.")
	buffer := p.shell(p.w.euShells, model.RoleOther, "buffer company in the chain")
	brokerCountry := pick(g, []string{"NL", "DE", "BE", "ES"})
	brokerID, brokerName := p.company(brokerCountry, themeElectronics, model.RoleImporter, "Broker: exports the goods and reclaims the input VAT.")
	p.relate(mtID, buffer.ID, model.RelShipsTo, p.sinceYears(1), "A2", "invoices and CMRs")
	mtAcc := p.accountFor(mtID, pick(g, []string{mtCountry, "LT"}))
	orgName := "unknown"
	if p.deep(2) {
		strawID, _ := p.person(pick(g, []string{"RO", "PL", "PT", "ES", "LT"}), mtCountry, model.RoleSuspect, "Straw director of the missing trader.")
		p.relate(strawID, mtID, model.RelDirects, p.sinceYears(1), "A1", "company register extract")
		conduit := p.shell(p.w.offshoreShells, model.RoleOther, "conduit outside the EU; receives the proceeds")
		bufAcc := p.accountFor(buffer.ID, buffer.Country)
		conAcc := p.accountFor(conduit.ID, conduit.Country)
		p.relate(bufAcc, mtAcc, model.RelPays, p.sinceYears(1), "A1", "bank statements")
		p.relate(mtAcc, conAcc, model.RelPays, p.sinceYears(1), "A1", "bank statements")
		var orgID string
		orgID, orgName = p.person(pick(g, []string{"NL", "GB", "ES", "PL", "TR"}), pick(g, []string{"AE", "NL", "ES", "CY"}), model.RoleSuspect,
			"Suspected organiser; controls the chain through the straw directors.")
		p.relate(orgID, strawID, model.RelAssociate, model.Date{}, pick(g, []string{"B2", "C3", "B3"}), "phone data and surveillance")
		p.emailOf(orgID, orgName, webmail, "sends the invoices for all companies of the chain")
		p.request(pick(g, []*agency{agFIUNL, agSEPBLAC}), "Money flow to "+conduit.Name, "Onward payments from the conduit's account.")
		if p.deep(3) {
			p.relate(orgID, conduit.ID, model.RelOwns, model.Date{}, pick(g, []string{"C3", "B3", "D4"}), "informant")
			p.phoneOf(orgID, pick(g, []string{"AE", "NL", "ES", "GB"}), "number in the e-mails' signatures")
			buffer2 := p.shell(p.w.euShells, model.RoleOther, "second buffer company")
			b2 := p.accountFor(buffer2.ID, buffer2.Country)
			brokerAcc := p.accountFor(brokerID, brokerCountry)
			p.relate(b2, bufAcc, model.RelPays, p.sinceYears(1), "A1", "bank statements")
			p.relate(brokerAcc, b2, model.RelPays, p.sinceYears(1), "A1", "bank statements")
		}
	}

	loss := g.amount(0.4, 28, 0.1) * 1e6
	first := g.before(p.t0, 10*day)
	qty := g.between(good.lo, good.hi)
	p.seize(model.Seizure{
		SeizedAt: first, PlaceName: pick(g, []string{"bonded warehouse, Venlo", "logistics park, Coslada (Madrid)", "warehouse, Schiphol Logistics Park", "warehouse, Pruszków (Warsaw)"}),
		Country: brokerCountry, Category: model.CommodityOther, Description: good.what, HSCode: good.hs,
		Quantity: float64(qty), Unit: model.Pieces, EstimatedValue: float64(qty) * good.price, Currency: "EUR",
		TransportMode: model.ModeRoad, Concealment: "none: goods declared, invoices false",
		Detection: model.DetectionRiskProfiling, TransportDocument: "CMR " + g.digits(7), OriginCountry: mtCountry, DestinationCountry: brokerCountry,
		Notes: fmt.Sprintf("Invoiced by %s to %s; the same pallets were invoiced three times in a month.", buffer.Name, brokerName),
	}, officerOf(g, lead))
	p.event(first, "Eurofisc alert on the missing trader", "", mtName+" reported intra-EU sales of "+good.what+" far above its VAT returns.")
	p.requestUnder(taxAgency(mtCountry), lbReg904, "Missing trader "+mtName, "VAT returns, bank accounts and the people behind the company.")
	p.note(p.later(90*day), fmt.Sprintf("Estimated VAT loss so far: EUR %s. Same IMEI/serial ranges seen in %d earlier chains.", thousands(int64(loss)), g.between(1, 6)))
	if p.deep(2) {
		p.event(p.later(60*day), "Missing trader not found at its registered address", "", "Tax inspectors found a formation agent's desk; the director cannot be traced.")
		p.todo("Reconstruct the chain", "Invoices, CMRs and payments for every link, per month.")
	}
	if p.deep(3) {
		at := p.later(240 * day)
		cash := float64(g.between(40, 900)) * 1000
		p.seize(model.Seizure{
			SeizedAt: at, PlaceName: "search of the organiser's residence", Country: brokerCountry,
			Category: model.CommodityCash, Description: "euro banknotes", Quantity: cash / 100, Unit: model.Banknotes,
			EstimatedValue: cash, Currency: "EUR", TransportMode: model.ModeRoad, Detection: model.DetectionOther,
			Notes: "Found during coordinated searches; ledgers of the chain's invoices seized too.",
		}, officerOf(g, lead))
		p.event(at, "Coordinated searches", "", fmt.Sprintf("Searches in %d countries on the same day; accounts frozen.", g.between(2, 5)))
		if buffer.Country != lead.Country {
			p.requestUnder(taxAgency(buffer.Country), lbReg904, "Buffer "+buffer.Name, "Purchases and sales ledgers; who gives instructions.")
		}
		p.analysisNote(buffer.Name)
	}
	if loss > 10e6 {
		p.partner(agEPPO)
		p.todo("Report to the EPPO", "Cross-border VAT fraud over EUR 10 million falls to the EPPO.")
		p.c.Priority = model.PriorityHigh
	}

	p.c.Title = fmt.Sprintf("Missing-trader VAT fraud in %s, EUR %.1f million", good.short, loss/1e6)
	p.c.Summary = fmt.Sprintf("Carousel of %s: missing trader %s (%s), buffer %s, broker %s (%s). Organiser: %s.",
		good.what, mtName, mtCountry, buffer.Name, brokerName, brokerCountry, orgName)
}

// dualUse is an item on the EU's common high-priority list, or a machine
// that needs an export licence, as re-exported to Russia.
type dualUse struct {
	short    string
	what, hs string
	lo, hi   int
	price    float64
}

var dualUseGoods = []dualUse{
	{"microcontrollers and FPGAs", "microcontrollers and FPGAs (common high-priority list, tier 1)", "8542.31", 2000, 60000, 12},
	{"GNSS modules", "GNSS receiver modules", "8526.91", 300, 8000, 60},
	{"CNC machining centre", "5-axis CNC machining centre (dual-use 2B001)", "8457.10", 1, 3, 450000},
	{"aero-engine bearings", "ball bearings for aero engines", "8482.10", 500, 20000, 25},
	{"oscilloscopes", "oscilloscopes and signal generators", "9030.31", 10, 200, 4000},
	{"thermal cameras and drone parts", "thermal camera cores and drone flight controllers", "8525.89", 100, 3000, 350},
}

// sanctionsEvasion: dual-use goods exported to a company in a third country
// that re-exports them to a Russian end user.
func sanctionsEvasion(p *plan) {
	g := p.g
	exit := pick(g, sanctionsExits)
	lead := leadFor(g, exit.Country)
	switch exit.LOCODE {
	case "DEFRA":
		lead = agZollFra
	case "NLRTM":
		lead = agFIOD
	}
	threats := []model.ThreatType{model.ThreatSanctionsEvasion}
	if p.deep(2) && g.chance(0.3) {
		threats = append(threats, model.ThreatTBML)
	}
	p.open(lead, model.CorridorOther, threats...)
	item := pick(g, dualUseGoods)

	expID, expName := p.company(exit.Country, themeElectronics, model.RoleExporter,
		"Authorised distributor; the end-user statement names the intermediary.")
	mid := p.shell(p.w.intermediaries, model.RoleConsignee, "consignee in a third country")
	via := placeIn(g, sanctionsTransit, mid.Country)
	end := p.w.endUsers.get(g)
	endID, _ := p.use(end, model.RoleOther, "real end user in Russia")
	endName := end.e.Name
	p.relate(expID, mid.ID, model.RelShipsTo, p.sinceYears(1), "A1", "export declarations")
	p.relate(mid.ID, endID, model.RelShipsTo, p.sinceYears(1), pick(g, []string{"B2", "B3", "C2"}), "Russian import records (commercial database)")
	agentName := "not identified"
	if p.deep(2) {
		var agentID string
		agentID, agentName = p.person("RU", pick(g, []string{"RU", via.Country}), model.RoleSuspect, "Procurement agent of the end user.")
		p.relate(endID, agentID, model.RelEmploys, p.sinceYears(3), pick(g, []string{"B2", "C3"}), "open sources and chats")
		p.emailOf(agentID, agentName, []string{"yandex.ru", "mail.ru", "protonmail.com"}, "orders sent from this address")
		if p.deep(3) {
			p.relate(agentID, mid.ID, model.RelAssociate, model.Date{}, "B2", "e-mails seized at the exporter")
			p.phoneOf(agentID, pick(g, []string{"RU", via.Country}), "Telegram number")
			midAcc := p.accountFor(mid.ID, mid.Country)
			expAcc := p.accountFor(expID, exit.Country)
			p.relate(midAcc, expAcc, model.RelPays, p.sinceYears(1), "A1", "bank statements")
		}
	}

	mode, doc := model.ModeAirCargo, airWaybill(g)
	switch exit.Country {
	case "LT", "PL":
		mode, doc = model.ModeRoad, "CMR "+g.digits(7)
	case "FI", "NL":
		mode, doc = model.ModeContainer, billOfLading(g, pick(g, carriers), exit.LOCODE)
	case "DE":
		if exit.LOCODE == "DEHAM" {
			mode, doc = model.ModeContainer, billOfLading(g, pick(g, carriers), exit.LOCODE)
		}
	}
	at := g.before(p.t0, 5*day)
	qty := g.between(item.lo, item.hi)
	p.seize(model.Seizure{
		SeizedAt: at, PlaceName: site(g, exit), LOCODE: exit.LOCODE,
		Category: model.CommodityDualUse, Description: item.what, HSCode: item.hs,
		Quantity: float64(qty), Unit: model.Pieces, EstimatedValue: float64(qty) * item.price, Currency: "EUR",
		TransportMode: mode, Concealment: "declared under a neighbouring tariff heading, end user misstated",
		Detection:         pick(g, []model.DetectionMethod{model.DetectionRiskProfiling, model.DetectionTipOff}),
		TransportDocument: doc, OriginCountry: exit.Country, TransitCountries: []string{via.Country}, DestinationCountry: "RU",
		Notes: fmt.Sprintf("Declared destination %s (%s); the same part numbers appear in Russian import records of %s.", via.Country, mid.Name, endName),
	}, officerOf(g, lead))
	p.event(at, "Export declaration stopped", site(g, exit), "Consignee in "+via.Name+" with no track record for these goods; goods detained under Regulation (EU) No 833/2014.")
	switch via.Country {
	case "TR":
		p.request(agTRCustoms, "Imports and re-exports of "+mid.Name, "Turkish import and re-export declarations for the goods.")
	case "KZ":
		p.request(agKZCustoms, "Re-exports of "+mid.Name, "Movements towards the Russian border.")
	case "AM":
		p.request(agAMCustoms, "Re-exports of "+mid.Name, "Declarations at Upper Lars and the consignee's buyers.")
	case "AE":
		p.request(agUAE, "Activity of "+mid.Name, "Re-exports from Jebel Ali and the company's licence holders.")
	default:
		p.request(agEuropol, "Consignee "+mid.Name+" in other member states' exports", "Other EU exporters shipping to the same consignee.")
	}
	p.todo("Check the parties against the sanctions lists", "EU consolidated list, Annex IV of Regulation 833/2014, and the US Entity List.")
	if p.deep(2) {
		p.event(p.later(30*day), "Exporter interviewed", "", expName+" says it relied on the end-user statement.")
		p.todo("Compare part numbers with Russian import data", "Match the seized lot's serials against the commercial import database.")
		if g.chance(0.5) {
			p.request(agBIS, "US-origin content of the goods", "Licence requirements and earlier BIS cases on the consignee.")
		}
	}
	if p.deep(3) {
		p.request(agHMRC, "UK leg of the chain", "Shipments of the same part numbers to the consignee from the UK.")
		p.analysisNote(mid.Name)
	}

	p.c.Title = fmt.Sprintf("Dual-use goods to Russia via %s: %s", via.Name, item.short)
	p.c.Summary = fmt.Sprintf("%s exported by %s to %s in %s and re-exported to %s in Russia; procurement agent: %s.",
		item.what, expName, mid.Name, via.Name, endName, agentName)
	p.c.Priority = pick(g, []model.Priority{model.PriorityHigh, model.PriorityHigh, model.PriorityUrgent, model.PriorityNormal})
}

// cashAndTBML: cash couriers at airports and over-invoiced exports that
// move the proceeds of drug sales back to Latin America and beyond.
func cashAndTBML(p *plan) {
	g := p.g
	ap, dst := pick(g, cashAirports), pick(g, cashDestinations)
	lead := leadFor(g, ap.Country)
	if ap.Country == "DE" {
		lead = agZollFra
	}
	corridor := model.CorridorOther
	if dst.Country == "CO" || dst.Country == "BR" || dst.Country == "MX" {
		corridor = model.CorridorEULAC
	}
	p.open(lead, corridor, model.ThreatCash, model.ThreatTBML)
	currency := "EUR"
	if ap.Country == "GB" {
		currency = "GBP"
	}

	var orgID string
	orgName := "not identified"
	var exch *model.Entity
	if p.deep(2) {
		orgID, orgName = p.person(pick(g, []string{"CO", "CO", "NL", "ES", "TR", "NG", "CN"}), ap.Country, model.RoleSuspect,
			"Controller of the money: books the couriers and the trade deals.")
		p.walletOf(orgID, "USDT received from buyers of the cash")
		exch = p.shell(p.w.offshoreShells, model.RoleOther, "exchange house / trading company that settles the balances")
		p.relate(orgID, exch.ID, model.RelUses, model.Date{}, pick(g, []string{"B2", "C3"}), "chats on a seized phone")
		if p.deep(3) {
			p.phoneOf(orgID, ap.Country, "contact saved as '"+pick(g, []string{"Tío", "Jefe", "Banco", "Chino"})+"' on the couriers' phones")
		}
	}

	couriers := p.count([2]int{1, 1}, [2]int{1, 2}, [2]int{2, 3})
	total := 0.0
	for i := range couriers {
		at := g.before(p.t0, 2*day)
		if i > 0 {
			at = p.later(200 * day)
		}
		cid, cname := p.person(pick(g, []string{"CO", "ES", "NL", "NG", "BR", "MX"}), ap.Country, model.RoleSuspect, "Cash courier.")
		if orgID != "" {
			p.relate(orgID, cid, model.RelEmploys, model.Date{}, pick(g, []string{"B2", "C3", "B3"}), "courier's phone")
		}
		denom := pick(g, []float64{500, 200, 100, 50})
		amount := float64(g.between(40, 900)) * 1000
		total += amount
		p.seize(model.Seizure{
			SeizedAt: at, PlaceName: site(g, ap), LOCODE: ap.LOCODE,
			Category: model.CommodityCash, Description: fmt.Sprintf("%s banknotes, mostly of %.0f", currency, denom),
			Quantity: amount / denom, Unit: model.Banknotes, EstimatedValue: amount, Currency: currency,
			TransportMode:     model.ModeAirPassenger,
			Concealment:       pick(g, []string{"vacuum-packed bundles in the lining of a suitcase", "strapped to the body", "inside food tins in checked luggage", "in a false bottom of a trolley bag"}),
			Detection:         pick(g, []model.DetectionMethod{model.DetectionCanine, model.DetectionRiskProfiling, model.DetectionRandom}),
			TransportDocument: "booking " + g.letters(6), OriginCountry: ap.Country, DestinationCountry: dst.Country,
			Notes: fmt.Sprintf("Courier %s, flying to %s. No cash declaration made under Regulation (EU) 2018/1672.", cname, dst.Name),
		}, officerOf(g, lead))
	}
	if p.deep(3) {
		// The trade leg: goods invoiced far above their worth to move value.
		exp := p.shell(p.w.euShells, model.RoleExporter, "exporter of over-invoiced goods")
		impID, impName := p.company(dst.Country, themeMotors, model.RoleImporter, "Importer; pays the inflated invoices with cash-derived funds.")
		p.relate(exp.ID, impID, model.RelShipsTo, p.sinceYears(1), "A1", "export declarations")
		acc := p.accountFor(exp.ID, exp.Country)
		p.relate(exch.ID, acc, model.RelPays, p.sinceYears(1), "B2", "bank statements")
		n := g.between(3, 12)
		for range 2 {
			car := pick(g, []struct{ make, wmi string }{{"Toyota Land Cruiser", "JTM"}, {"Mercedes-Benz G 500", "WDB"}, {"Lexus LX 600", "JTJ"}, {"BMW X5", "WBA"}})
			id := p.add(model.Entity{Kind: model.KindVehicle, Name: "used " + car.make, Country: exp.Country,
				Identifiers: model.Identifiers{VIN: vin(g, car.wmi)}}, model.RoleOther, "vehicle in the over-invoiced shipment")
			p.relate(exp.ID, id, model.RelOwns, model.Date{}, "A1", "export declaration")
		}
		at := p.later(150 * day)
		p.seize(model.Seizure{
			SeizedAt: at, PlaceName: pick(g, []string{"Port of Antwerp-Bruges, ro-ro terminal", "Port of Valencia, ro-ro terminal", "Port of Rotterdam, car terminal"}),
			Country: pick(g, []string{"BE", "ES", "NL"}), Category: model.CommodityOther,
			Description: fmt.Sprintf("%d used SUVs invoiced at EUR %s each, market value a quarter of that", n, thousands(int64(g.between(38, 95))*1000)),
			HSCode:      "8703.23", Quantity: float64(n), Unit: model.Pieces, EstimatedValue: float64(n) * 9000, Currency: "EUR",
			TransportMode: model.ModeMaritime, Concealment: "over-invoicing", Detection: model.DetectionRiskProfiling,
			OriginCountry: exp.Country, DestinationCountry: dst.Country,
			Notes: fmt.Sprintf("Exporter %s, importer %s; payments come from %s.", exp.Name, impName, exch.Name),
		}, officerOf(g, lead))
		p.request(agHSI, "USD leg of the laundering", "US accounts of the exchange house and the importers.")
		p.analysisNote(orgName)
	}
	fiu := agSEPBLAC
	if ap.Country == "NL" {
		fiu = agFIUNL
	}
	p.event(p.later(2*day), "Cash sent for counting and drug-trace swabs", ap.Name, "Ion-scan positive for cocaine on the banknotes.")
	p.request(fiu, "Suspicious transaction reports on the couriers", "STRs and cash declarations naming the couriers or their controller.")
	p.todo("Check cash declarations", "Earlier declarations and detentions of the couriers under Regulation (EU) 2018/1672.")
	if p.deep(2) {
		if dst.Country == "CO" {
			p.request(pick(g, []*agency{agDIAN, agUIAF}), "Recipients of the cash in Colombia", "Importers paid through the black-market peso exchange.")
		}
		p.todo("Trace the USDT flows", "Follow the wallet's inflows and the exchange where they are cashed out.")
		if other := pick(g, []*agency{agSVA, agDouaneNL, agBECustoms, agZollFra}); other != lead {
			p.requestUnder(other, lbCashCtrl, "Earlier cash declarations and detentions of the couriers", "Declarations, detentions and travel of the couriers at your airports.")
		}
	}

	p.c.Title = fmt.Sprintf("Cash couriers at %s to %s, %s %s", ap.Name, dst.Name, currency, thousands(int64(total)))
	who := "1 courier"
	if couriers > 1 {
		who = fmt.Sprintf("%d couriers", couriers)
	}
	p.c.Summary = fmt.Sprintf("%s stopped at %s on the way to %s with undeclared cash; controller: %s.",
		who, ap.Name, dst.Name, orgName)
	if total > 500000 {
		p.c.Priority = model.PriorityHigh
	}
}
