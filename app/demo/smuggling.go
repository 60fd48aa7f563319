package demo

import (
	"fmt"

	"bollard/model"
)

var coverLoads = []string{"frozen chips", "bread rolls", "flat-pack furniture", "toilet paper", "car tyres", "bottled water", "garden compost", "plastic garden chairs"}

// ukDepartureFor is where a lorry for a UK entry point takes the ferry.
func ukDepartureFor(g *gen, entry *place) *place {
	switch entry.LOCODE {
	case "GBHLY":
		return ukDepartures[3] // Dublin
	case "GBHUL":
		return pick(g, ukDepartures[1:3]) // Zeebrugge, Rotterdam
	}
	return pick(g, ukDepartures[:2]) // Calais, Zeebrugge
}

// tobaccoByRoad: cigarettes or hand-rolling tobacco hidden behind a cover
// load in a lorry bound for the UK.
func tobaccoByRoad(p *plan) {
	g := p.g
	entry := pick(g, ukEntries)
	dep := ukDepartureFor(g, entry)
	p.open(pick(g, []*agency{agHMRC, agHMRC, agBF}), model.CorridorEUUK, model.ThreatTobacco)
	cover := pick(g, coverLoads)

	haul := p.w.hauliers.get(g)
	hid, _ := p.use(haul, model.RoleCarrier, "haulier named on the CMR")
	hCountry := haul.e.Country
	driverID, driverName := p.person(pick(g, []string{hCountry, hCountry, "RO", "LT", "PL", "IE"}), hCountry, model.RoleSuspect, "Driver; says he did not know what he was carrying.")
	if p.deep(2) || g.chance(0.5) {
		p.phoneOf(driverID, hCountry, "phone seized from the cab")
	}

	tm, trm := pick(g, tractorMakes), pick(g, trailerMakes)
	tractorPlate, trailerPlate := plate(g, hCountry), plate(g, hCountry)
	tractor := p.add(model.Entity{Kind: model.KindVehicle, Name: tm.name + " " + pick(g, tm.models) + " tractor unit", Country: hCountry,
		Notes:       "Pulled trailer " + trailerPlate + ". ANPR shows repeated return trips in the weeks before the seizure.",
		Identifiers: model.Identifiers{Plate: tractorPlate, VIN: vin(g, tm.wmi)}},
		model.RoleOther, "tractor unit")
	p.relate(driverID, tractor, model.RelUses, model.Date{}, "A1", "stop at the border")
	consignee := p.shell(p.w.euShells, model.RoleConsignee, "consignee of the cover load")
	organiserName := consignee.Name
	if p.deep(2) {
		trailer := p.add(model.Entity{Kind: model.KindVehicle, Name: trm.name + " " + pick(g, trm.models), Country: hCountry,
			Identifiers: model.Identifiers{Plate: trailerPlate, VIN: vin(g, trm.wmi)}}, model.RoleOther, "trailer")
		p.relate(hid, trailer, model.RelOwns, p.sinceYears(4), "A1", "vehicle register")
		p.relate(hid, driverID, model.RelEmploys, p.sinceYears(2), "B2", "driver's statement and payslips")
		p.relate(hid, consignee.ID, model.RelShipsTo, p.sinceYears(1), "A1", "CMR consignment notes")
		var organiserID string
		organiserID, organiserName = p.person(pick(g, []string{"GB", "GB", "IE", "LT", "PL"}), "GB", model.RoleSuspect, "Suspected to book the loads and pay the drivers.")
		p.relate(organiserID, consignee.ID, model.RelAssociate, model.Date{}, pick(g, []string{"B2", "C3"}), "phone data of the driver")
		if p.deep(3) {
			p.relate(hid, tractor, model.RelOwns, p.sinceYears(4), "A1", "vehicle register")
			p.phoneOf(organiserID, "GB", "number saved as '"+pick(g, []string{"Boss", "Mate", "Office", "Dispatcher"})+"' on the driver's phone")
		}
	}

	cigarettes := g.chance(0.7)
	origin := pick(g, []string{"BY", "BY", "AE", "PL", "BE", "NL", "CN"})
	good := func() (cat model.CommodityCategory, desc, hs string, qty float64, unit model.Unit, value float64) {
		if cigarettes {
			sticks := float64(g.between(8, 96)) * 100000
			return model.CommodityCigarettes, pick(g, []string{
				"illicit-white cigarettes, no UK duty stamps", "counterfeit cigarettes of a major brand", "cigarettes with fake UK fiscal marks",
			}), "2402.20", sticks, model.Sticks, sticks * 0.42
		}
		kgs := g.amount(300, 4000, 5)
		return model.CommodityTobacco, "hand-rolling tobacco in 50 g pouches, counterfeit packaging", "2403.19", kgs, model.Kilogram, kgs * 295
	}
	cat, desc, hs, qty, unit, value := good()
	at := g.before(p.t0, 2*day)
	p.seize(model.Seizure{
		SeizedAt: at, PlaceName: site(g, entry), LOCODE: entry.LOCODE,
		Category: cat, Description: desc, HSCode: hs, Quantity: qty, Unit: unit, EstimatedValue: value, Currency: "GBP",
		TransportMode: model.ModeRoad, Concealment: "behind a cover load of " + cover,
		Detection:         pick(g, []model.DetectionMethod{model.DetectionScanner, model.DetectionRiskProfiling, model.DetectionCanine, model.DetectionTipOff}),
		TransportDocument: "CMR " + g.digits(7), OriginCountry: origin, TransitCountries: []string{dep.Country}, DestinationCountry: "GB",
		Notes: fmt.Sprintf("Tractor %s, trailer %s, driver %s. Ferry from %s. Estimated value is the duty and VAT evaded.", tractorPlate, trailerPlate, driverName, dep.Name),
	}, officerOf(g, agBF))
	p.partner(agBF)
	p.event(at.Add(-hours(g.between(1, 5))), "Lorry selected for inspection at "+entry.Name, site(g, entry),
		"X-ray shows uniform dense pallets inconsistent with the declared "+cover+".")
	if p.deep(2) {
		p.event(p.later(day), "Driver interviewed under caution", entry.Name, "No comment interview; phone and tachograph card seized.")
	}
	if p.deep(2) && g.chance(0.5) || p.deep(3) {
		cat, desc, hs, qty, unit, value := good()
		when := p.later(120 * day)
		p.seize(model.Seizure{
			SeizedAt: when, PlaceName: pick(g, ukInland), Country: "GB",
			Category: cat, Description: desc, HSCode: hs, Quantity: qty / 3, Unit: unit, EstimatedValue: value / 3, Currency: "GBP",
			TransportMode: model.ModeRoad, Concealment: "stored behind stacked pallets of " + cover,
			Detection: model.DetectionTipOff, OriginCountry: origin, DestinationCountry: "GB",
			Notes: "Found in the search of the unit rented by " + organiserName + ".",
		}, officerOf(g, p.lead.ag))
		p.event(when, "Search of the storage unit", "", "Warrant executed with local police; stock and ledgers seized.")
	}
	switch {
	case hCountry == "PL":
		p.request(agKAS, "Haulier's trips and tachograph data", "Trips of the tractor and trailer in the last six months and the haulier's customers.")
	case dep.Country == "IE":
		p.request(agRevenueIE, "Earlier crossings of the trailer through Dublin Port", "Bookings, ANPR and the consignor of the cover loads.")
	default:
		p.request(pick(g, []*agency{agBECustoms, agDouaneNL}), "Loading place of the lorry", "Where and by whom the cover load was loaded; ANPR near the port.")
	}
	p.todo("Download tachograph and trailer GPS", "Reconstruct the trip from the loading place to "+entry.Name+".")
	if p.deep(2) {
		if cigarettes {
			p.request(agOLAF, "Origin of the cigarettes", "Brand, factory and the trail of earlier seizures of the same brand.")
		}
		p.todo("ANPR on the route", "M20/A20 or A55 hits for the tractor's plate in the last 90 days.")
	}
	if p.deep(3) {
		p.analysisNote(consignee.Name)
	}

	if cigarettes {
		p.c.Title = fmt.Sprintf("%.1f million cigarettes behind %s, %s", qty/1e6, cover, entry.Name)
	} else {
		p.c.Title = fmt.Sprintf("%s hand-rolling tobacco behind %s, %s", kg(qty), cover, entry.Name)
	}
	p.c.Summary = fmt.Sprintf("Lorry of %s, driven by %s, stopped at %s after the ferry from %s: %s behind a cover load of %s consigned to %s.",
		haul.e.Name, driverName, entry.Name, dep.Name, desc, cover, consignee.Name)
}

// wasteLoad is a shipment of waste passed off as goods.
type wasteLoad struct {
	what, declared, hs string
}

var wasteLoads = []wasteLoad{
	{"e-waste: end-of-life CRT televisions and fridges with refrigerant gas", "used household goods", "8549.21"},
	{"mixed plastic waste, contaminated", "HDPE regrind, clean", "3915.90"},
	{"used tyres, most unfit for reuse", "second-hand tyres", "4012.20"},
	{"scrap lead-acid batteries", "used car parts", "8549.11"},
	{"end-of-life vehicles, drained of nothing", "used cars for export", "8703.23"},
}

// wasteExport: hazardous or unsorted waste exported as second-hand goods
// to West Africa or Asia.
func wasteExport(p *plan) {
	g := p.g
	port, dst := pick(g, wasteExportPorts), pick(g, wasteDestinations)
	lead := leadFor(g, port.Country)
	if port.Country == "DE" {
		lead = agZoll
	}
	p.open(lead, model.CorridorOther, model.ThreatIllicitWaste)
	load := pick(g, wasteLoads)
	car := pick(g, carriers)
	if port.Country == "NL" {
		p.partner(agILT)
	}

	exporter := p.shell(p.w.euShells, model.RoleExporter, "exporter on the declaration; no waste permit")
	conID, conName := p.company(dst.Country, themeWaste, model.RoleConsignee, "Consignee; sells the goods on local markets.")
	p.relate(exporter.ID, conID, model.RelShipsTo, p.sinceYears(2), "A1", "export declarations")
	mgrName := "the exporter"
	if p.deep(2) {
		var mgrID string
		mgrID, mgrName = p.person(pick(g, []string{dst.Country, port.Country}), port.Country, model.RoleSuspect, "Runs the yard where the containers are stuffed.")
		p.relate(mgrID, exporter.ID, model.RelDirects, p.sinceYears(3), "B2", "statements and company records")
		if p.deep(3) {
			yard := p.add(address(g, port.Country), model.RoleOther, "yard where the containers were stuffed")
			p.relate(exporter.ID, yard, model.RelLocatedAt, p.sinceYears(2), "A2", "inspection on site")
			p.phoneOf(mgrID, port.Country, "number on the booking")
			fid, _ := p.use(p.w.forwarders.get(g), model.RoleFreightForwader, "forwarder that booked the containers")
			p.relate(exporter.ID, fid, model.RelUses, p.sinceYears(2), "A1", "bookings")
		}
	}

	n := p.count([2]int{1, 2}, [2]int{1, 3}, [2]int{2, 4})
	boxes := make([]string, n)
	for i := range boxes {
		boxes[i] = container(g, car)
		p.add(model.Entity{Kind: model.KindContainer, Name: boxes[i], Notes: "40' dry container (45G1)"}, model.RoleOther, "container held at export")
	}
	at := g.before(p.t0, 3*day)
	tonnes := g.amount(8, 24, 0.5) * float64(n)
	p.seize(model.Seizure{
		SeizedAt: at, PlaceName: site(g, port), LOCODE: port.LOCODE,
		Category: model.CommodityWaste, Description: load.what + ", declared as '" + load.declared + "'", HSCode: load.hs,
		Quantity: tonnes, Unit: model.Tonne, EstimatedValue: g.amount(2000, 40000, 100), Currency: "EUR",
		TransportMode: model.ModeContainer, Concealment: "waste behind a front row of working appliances and clean bales",
		Detection: model.DetectionRiskProfiling, ContainerNumbers: boxes, SealNumbers: []string{seal(g, car)},
		TransportDocument: billOfLading(g, car, port.LOCODE), OriginCountry: port.Country, DestinationCountry: dst.Country,
		Notes: "Declared value is what the exporter stated; the cost avoided by not treating the waste in the EU is several times higher.",
	}, officerOf(g, lead))
	p.event(at, "Containers held at export", site(g, port), "Exporter has no waste permit; destination has no import consent.")
	p.request(agEuropol, "Exporter in other member states", "Other shipments of "+exporter.Name+" or its yard manager.")
	if p.deep(2) {
		p.event(p.later(10*day), "Joint inspection with the environmental inspectors", port.Name, "Sampled and photographed; load classified as waste.")
		p.event(p.later(40*day), "Return to the exporter ordered", port.Name, "Containers to be unloaded and the waste treated at the exporter's cost.")
		p.todo("Classify the load under the Waste Shipment Regulation", "Basel entry and whether prior written notification was needed.")
	}
	if p.deep(3) {
		if dst.Country == "GH" {
			p.request(agGRA, "Consignee "+conName, "Earlier imports by the consignee and who collects the containers at Tema.")
		}
		p.analysisNote(exporter.Name)
	}

	p.c.Title = fmt.Sprintf("Waste to %s declared as %s, %s", dst.Name, load.declared, port.Name)
	p.c.Summary = fmt.Sprintf("%d container(s) of %s declared as '%s', exported by %s through %s to %s in %s; yard run by %s.",
		n, load.what, load.declared, exporter.Name, port.Name, conName, dst.Name, mgrName)
}
