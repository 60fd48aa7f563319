package demo

import (
	"fmt"

	"bollard/model"
)

// concealment is one way cocaine travels in a reefer, with the loads it suits.
type concealment struct {
	method   string
	lo, hi   float64 // kg
	ripOn    bool    // loaded by a rip-on crew and meant to be lifted by extractors at the terminal
	detected []model.DetectionMethod
}

var cocaineConcealments = []concealment{
	{"rip-on/rip-off: sports bags behind the doors, original seal replaced by a cloned seal", 30, 250, true,
		[]model.DetectionMethod{model.DetectionScanner, model.DetectionTipOff, model.DetectionCanine}},
	{"bricks among the banana boxes in the pallets", 200, 2500, false,
		[]model.DetectionMethod{model.DetectionScanner, model.DetectionRiskProfiling}},
	{"in the reefer unit's evaporator compartment", 40, 300, false,
		[]model.DetectionMethod{model.DetectionScanner, model.DetectionCanine, model.DetectionRiskProfiling}},
	{"behind a false front wall of the container", 150, 700, false,
		[]model.DetectionMethod{model.DetectionScanner, model.DetectionRiskProfiling}},
	{"rip-on/rip-off: holdalls under the first row of pallets, seal number tampered", 40, 180, true,
		[]model.DetectionMethod{model.DetectionTipOff, model.DetectionScanner}},
}

var brickMarks = []string{"a crown logo", "a scorpion logo", "'777'", "a dolphin logo", "'TOYOTA'", "a horse head", "'DIOS'", "a star and 'K'"}

// originAgency is the partner of the country a shipment left from.
func originAgency(g *gen, country string) *agency {
	switch country {
	case "EC":
		return agSENAE
	case "CO":
		return pick(g, []*agency{agDIAN, agPoliciaCO})
	case "BR":
		return agReceita
	}
	return agHSI
}

// cocaineReefer: cocaine in reefer containers of bananas from Ecuador,
// Colombia or Brazil to a North Sea or Strait of Gibraltar port, often
// transhipped in the Caribbean.
func cocaineReefer(p *plan) {
	g := p.g
	orig, dest := pick(g, cocaineOrigins), pick(g, cocaineDestinations)
	var hub *place
	if g.chance(0.55) {
		hub = pick(g, caribbeanHubs)
	}
	threats := []model.ThreatType{model.ThreatCocaine}
	if p.deep(2) && g.chance(0.25) {
		threats = append(threats, model.ThreatTBML)
	}
	p.open(leadFor(g, dest.Country), model.CorridorEULAC, threats...)
	partnerAg := originAgency(g, orig.Country)
	p.partner(partnerAg)
	car := pick(g, carriers)
	conc := pick(g, cocaineConcealments)

	// The ship and the trade behind the box.
	ves := p.w.vessels.get(g)
	vid, fresh := p.use(ves, model.RoleCarrier, "vessel that carried the container")
	if fresh && p.deep(2) {
		oid, _ := p.use(p.w.operators.get(g), model.RoleOther, "ship manager of "+ves.e.Name)
		p.relate(oid, vid, model.RelOperates, p.sinceYears(6), "A1", "Equasis and classification society records")
	}
	expID, _ := p.use(p.w.fruitExporter(g, orig.Country), model.RoleExporter, "exporter on the bill of lading")
	consignee := p.shell(p.w.euShells, model.RoleConsignee, "consignee on the bill of lading")
	conID, conName := consignee.ID, consignee.Name
	if p.deep(2) {
		p.relate(expID, conID, model.RelShipsTo, p.sinceYears(1), "A1", "bills of lading")
	}
	if p.deep(3) || p.deep(2) && g.chance(0.4) {
		fid, _ := p.use(p.w.forwarders.get(g), model.RoleFreightForwader, "customs representative for the consignee")
		p.relate(conID, fid, model.RelUses, p.sinceYears(2), "A2", "customs declarations")
	}
	if p.deep(3) {
		acc := p.accountFor(conID, consignee.Country)
		p.relate(acc, expID, model.RelPays, p.sinceYears(1), "B2", "bank's reply to a production order")
	}

	// The people.
	coordName := conName
	var coordID string
	if p.deep(2) {
		coordID, coordName = p.person(pick(g, []string{"AL", "NL", "CO", "ES", "BE", "NL", "AL"}), dest.Country, model.RoleSuspect,
			"Suspected organiser of the imports through "+dest.Name+".")
		p.phoneOf(coordID, dest.Country, "encrypted handset (Sky ECC / Ghost type)")
	}
	extractors := 0
	if conc.ripOn {
		extractors = p.count([2]int{1, 1}, [2]int{1, 2}, [2]int{2, 3})
		for range extractors {
			id, _ := p.person(dest.Country, dest.Country, model.RoleSuspect, "Extractor; terminal access badge of a subcontractor.")
			if coordID != "" {
				p.relate(coordID, id, model.RelAssociate, model.Date{}, pick(g, []string{"B2", "C3", "B3"}), "surveillance and phone data")
			}
		}
	}
	if p.deep(3) {
		id, _ := p.person(orig.Country, orig.Country, model.RoleSuspect, "Arranges the loading at "+orig.Name+"; known to "+partnerAg.Name+".")
		p.relate(coordID, id, model.RelAssociate, model.Date{}, "C3", partnerAg.Name)
		p.phoneOf(id, orig.Country, "WhatsApp number")
	}

	// The seizures.
	vessel := ves.e.Name
	voyage := g.pattern("A99A")
	total := 0.0
	first := g.before(p.t0, 3*day)
	for i := range p.count([2]int{1, 1}, [2]int{1, 2}, [2]int{2, 3}) {
		at, where, by := first, dest, officerOf(g, p.lead.ag)
		if i > 0 {
			at = p.later(300 * day)
			if g.chance(0.25) {
				where, by = orig, officerOf(g, partnerAg)
			}
		}
		qty := g.amount(conc.lo, conc.hi, 1)
		total += qty
		box := container(g, car)
		p.add(model.Entity{Kind: model.KindContainer, Name: box, Notes: "40' high-cube reefer (45R1) of the " + car.owners[0] + " line"},
			model.RoleOther, "container of a seizure")
		seals := []string{seal(g, car)}
		if conc.ripOn {
			seals = append(seals, seal(g, car)) // the cloned seal found on the door
		}
		seals = append(seals, customsSeal(g, where.Country))
		s := model.Seizure{
			SeizedAt: at, PlaceName: site(g, where), LOCODE: where.LOCODE,
			Category:    model.CommodityCocaine,
			Description: fmt.Sprintf("%d bricks of cocaine hydrochloride marked with %s", int(qty/1.1), pick(g, brickMarks)),
			HSCode:      "2939.72.00", Quantity: qty, Unit: model.Kilogram,
			EstimatedValue: qty * g.amount(27000, 38000, 500), Currency: "EUR",
			TransportMode: model.ModeContainer, Concealment: conc.method, Detection: pick(g, conc.detected),
			ContainerNumbers: []string{box}, SealNumbers: seals, TransportDocument: billOfLading(g, car, orig.LOCODE),
			OriginCountry: orig.Country, DestinationCountry: dest.Country,
			Notes: fmt.Sprintf("Declared as %d boxes of fresh bananas (HS 0803 90); consignee %s; vessel %s, voyage %s.",
				g.between(1080, 1320), conName, vessel, voyage),
		}
		if hub != nil {
			s.TransitCountries = []string{hub.Country}
		}
		p.seize(s, by)
		if i == 0 {
			p.event(at.Add(-hours(g.between(4, 30))), "Container discharged from "+vessel, site(g, dest),
				"Reefer selected by risk profile: first-time consignee, freight paid in cash, transhipment at "+hubName(hub)+".")
			if p.deep(2) {
				p.event(at, "Cocaine found in container "+box, dest.Name, fmt.Sprintf("%s of cocaine, %s. Samples taken for the laboratory.", kg(qty), conc.method))
			}
		}
	}
	if extractors > 0 {
		p.event(p.later(2*day), "Extractors arrested inside the terminal", site(g, dest),
			fmt.Sprintf("%d arrested near the container stack with bolt cutters and a cloned seal.", extractors))
	}
	if p.deep(3) {
		p.event(p.later(20*day), "Controlled delivery to the consignee's warehouse", dest.Name,
			"Dummy load delivered under the investigating judge's authorisation; the warehouse was watched for three days.")
		p.event(p.later(240*day), "House searches", dest.Name, fmt.Sprintf("%d addresses searched; %d phones and EUR %s in cash seized.",
			g.between(2, 9), g.between(3, 14), thousands(int64(g.between(12, 480))*1000)))
	}

	// The work.
	p.request(partnerAg, "Exporter's records and loading CCTV at "+orig.Name,
		fmt.Sprintf("Please provide the export declaration, the packing list and the terminal CCTV for the loading of the container(s) on %s.", vessel))
	if p.deep(2) {
		if hub != nil {
			p.request(agMAOC, "Voyage of "+vessel+" and other boxes of the consignee", "Track of the vessel and any stop outside the schedule.")
		}
		p.todo("Analyse the seized phones", "Download and analyse the handsets; match contacts against earlier cases.")
		p.analysisNote(coordName)
	}
	if p.deep(3) {
		if other := pick(g, []*agency{agDouaneNL, agBECustoms, agSVA, agZoll}); other != p.lead.ag {
			p.request(other, "Earlier imports of "+conName, "Consignee's imports through your ports in the last 24 months, with the containers and the forwarders used.")
		}
		p.request(agHSI, "Subscriber and travel data of the organiser", "US-registered numbers found on the seized handset.")
		p.note(p.later(120*day), fmt.Sprintf("%s is also the consignee in earlier reefer seizures; check the other cases it appears in.", conName))
	}
	if !p.deep(2) || g.chance(0.5) {
		p.todo("Terminal access logs and PIN codes", "Ask the terminal for the release PIN history and badge logs of the container.")
	}

	p.c.Title = fmt.Sprintf("%s cocaine in banana reefer, %s–%s", kg(total), orig.Name, dest.Name)
	p.c.Summary = fmt.Sprintf("Cocaine in reefer containers of bananas shipped by %s from %s to %s on %s%s, consigned to %s, a front company. Concealment: %s.",
		carrierName(car), orig.Name, dest.Name, vessel, viaHub(hub), conName, conc.method)
	switch {
	case total > 1500:
		p.c.Priority = model.PriorityUrgent
	case total > 400:
		p.c.Priority = model.PriorityHigh
	case p.c.Priority == model.PriorityLow:
		p.c.Priority = model.PriorityNormal
	}
}

func hubName(h *place) string {
	if h == nil {
		return "none (direct call)"
	}
	return h.Name
}

func viaHub(h *place) string {
	if h == nil {
		return ""
	}
	return ", transhipped at " + h.Name
}

func carrierName(c carrier) string { return "the " + c.owners[0] + " line" }

// precursor is a fentanyl precursor as it is declared and as it is.
type precursor struct {
	short, name, declared string
}

var precursors = []precursor{
	{"4-AP", "4-anilinopiperidine (4-AP)", "pigment intermediate"},
	{"1-boc-4-AP", "1-boc-4-AP (tert-butyl 4-(phenylamino)piperidine-1-carboxylate)", "pharmaceutical intermediate, non-controlled"},
	{"NPP", "N-phenethyl-4-piperidone (NPP)", "dye auxiliary"},
	{"4-AP HCl", "4-AP hydrochloride", "organic salt for battery electrolyte"},
	{"1-boc-4-piperidone", "1-boc-4-piperidone", "research chemical"},
}

// precursorsByAir: fentanyl precursors sent by air cargo from China or
// India to Mexico or Canada, caught in transit at a European hub.
func precursorsByAir(p *plan) {
	g := p.g
	sup := p.w.chemSuppliers.get(g)
	orig, hub, dest := placeIn(g, precursorOrigins, sup.e.Country), pick(g, airHubs), pick(g, precursorDestinations)
	lead := agBECustoms
	switch hub.LOCODE {
	case "DELEJ":
		lead = agZollDD
	case "DEFRA":
		lead = agZollFra
	}
	threats := []model.ThreatType{model.ThreatPrecursors}
	if g.chance(0.5) {
		threats = append(threats, model.ThreatSyntheticDrugs)
	}
	p.open(lead, model.CorridorEUNA, threats...)
	chem := pick(g, precursors)

	supID, _ := p.use(sup, model.RoleConsignor, "shipper on the air waybill")
	supName := sup.e.Name
	p.walletOf(supID, "payments for the shipments; the seller asks for USDT only")
	conID, conName := p.company(dest.Country, themeChemical, model.RoleConsignee,
		"Consignee; no chemical business at its address.")
	p.relate(supID, conID, model.RelShipsTo, p.sinceYears(1), "A1", "air waybills")
	if p.deep(2) {
		salesID, salesName := p.person(orig.Country, orig.Country, model.RoleSuspect, "Sales contact of "+supName+" on B2B marketplaces.")
		p.relate(supID, salesID, model.RelEmploys, p.sinceYears(2), "B2", "marketplace profile and chats")
		p.emailOf(salesID, salesName, []string{"qq.com", "163.com", "protonmail.com", "outlook.com"}, "address used in offers for "+chem.name)
		if p.deep(3) {
			p.phoneOf(salesID, orig.Country, "WhatsApp / WeChat number given to buyers")
		}
	}
	if p.deep(3) {
		buyerID, _ := p.person(dest.Country, dest.Country, model.RoleSuspect, "Ordered the goods; paid in USDT.")
		p.relate(buyerID, conID, model.RelDirects, p.sinceYears(2), "B2", "company register")
		fid, _ := p.use(p.w.forwarders.get(g), model.RoleFreightForwader, "forwarder that booked the air freight")
		p.relate(supID, fid, model.RelUses, model.Date{}, "A2", "booking records")
	}

	total := 0.0
	first := g.before(p.t0, 2*day)
	for i := range p.count([2]int{1, 1}, [2]int{1, 2}, [2]int{2, 3}) {
		at := first
		if i > 0 {
			at = p.later(200 * day)
		}
		qty := g.amount(5, 400, 1)
		total += qty
		p.seize(model.Seizure{
			SeizedAt: at, PlaceName: site(g, hub), LOCODE: hub.LOCODE,
			Category: model.CommodityPrecursors, Description: chem.name + ", declared as '" + chem.declared + "'",
			HSCode: "2933.39", Quantity: qty, Unit: model.Kilogram, EstimatedValue: qty * g.amount(150, 900, 10), Currency: "USD",
			TransportMode: model.ModeAirCargo, Concealment: "drums relabelled as " + chem.declared,
			Detection:         pick(g, []model.DetectionMethod{model.DetectionRiskProfiling, model.DetectionRiskProfiling, model.DetectionTipOff}),
			TransportDocument: airWaybill(g), OriginCountry: orig.Country, TransitCountries: []string{hub.Country},
			DestinationCountry: dest.Country,
			Notes:              fmt.Sprintf("Shipper %s, consignee %s. %d drums of 25 kg.", supName, conName, max(1, int(qty/25))),
		}, officerOf(g, lead))
		if i == 0 {
			p.event(at, "Consignment held in transit at "+hub.Name, hub.Name, "Targeted on the air waybill data: shipper known for precursor offers.")
		}
	}
	usPartner := agHSI
	if dest.Country == "CA" {
		usPartner = agCBSA
	}
	p.request(usPartner, "Consignee "+conName+" and its payments", "Known imports, related parties and USDT addresses of the consignee.")
	p.todo("Notify the INCB through PEN Online / IONICS", "Share the seizure and the shipper with the INCB Precursors Incident Communication System.")
	if p.deep(2) {
		p.event(p.later(25*day), "Laboratory result", "", "GC-MS confirms "+chem.name+".")
		p.request(agGACC, "Export declaration of the shipper", "Export declaration and licence status of "+supName+".")
	}
	if p.deep(3) {
		if dest.Country == "MX" {
			p.request(agANAM, "Consignee's import history", "Earlier air cargo consignments to "+conName+".")
		}
		p.event(p.later(40*day), "Controlled delivery discussed with the North American partners", "", "Decision: seize, no controlled delivery (no surveillance capacity at destination).")
		p.todo("Search the marketplaces for the shipper's other listings", "Capture the adverts and chats, with hashes.")
		p.analysisNote(supName)
	}

	p.c.Title = fmt.Sprintf("Fentanyl precursors (%s) by air cargo, %s–%s via %s", chem.short, orig.Name, dest.Name, hub.Name)
	p.c.Summary = fmt.Sprintf("%s of %s, declared as '%s', shipped by %s to %s and held in transit at %s.",
		kg(total), chem.name, chem.declared, supName, conName, hub.Name)
	if total > 100 {
		p.c.Priority = model.PriorityHigh
	}
}

// medicine is a falsified or unauthorised medicine sent in small parcels.
type medicine struct {
	short string
	what  string
	hs    string
	lo    int
	hi    int
	price float64 // EUR a piece on the street
}

var medicines = []medicine{
	{"sildenafil tablets", "sildenafil 100 mg tablets in falsified blister packs", "3004.90", 200, 6000, 1.5},
	{"tadalafil tablets", "tadalafil 20 mg tablets without marketing authorisation", "3004.90", 200, 4000, 1.2},
	{"semaglutide pens", "semaglutide pre-filled pens with falsified labels and batch numbers", "3004.39", 10, 400, 120},
	{"oncology vials", "falsified oncology vials labelled as pembrolizumab 100 mg", "3002.15", 4, 60, 2500},
	{"imatinib tablets", "imatinib 400 mg tablets, falsified", "3004.90", 300, 5000, 3},
	{"tramadol tablets", "tramadol 225 mg tablets", "3004.90", 1000, 30000, 0.6},
}

// s10 returns a UPU S10 postal item number: service letters, eight digits,
// their check digit and the country of posting.
func s10(g *gen, country string) string {
	n := g.digits(8)
	weights := [8]int{8, 6, 4, 2, 3, 5, 9, 7}
	sum := 0
	for i := range 8 {
		sum += int(n[i]-'0') * weights[i]
	}
	c := 11 - sum%11
	switch c {
	case 10:
		c = 0
	case 11:
		c = 5
	}
	return fmt.Sprintf("%s%s%d%s", pick(g, []string{"RR", "RX", "LX", "EE", "CP"}), n, c, country)
}

// medicinesByPost: falsified medicines in small parcels through the
// express and postal hubs, sold by web shops.
func medicinesByPost(p *plan) {
	g := p.g
	seller := p.w.pharmaSellers.get(g)
	hub, orig := pick(g, parcelHubs), placeIn(g, medicineOrigins, seller.e.Country)
	lead, corridor := agZollDD, model.CorridorOther
	switch hub.Country {
	case "GB":
		lead, corridor = agBF, model.CorridorEUUK
	case "BE":
		lead = agBECustoms
	case "NL":
		lead = agDouaneNL
	}
	threats := []model.ThreatType{model.ThreatCounterfeitMedicines}
	if g.chance(0.4) {
		threats = append(threats, model.ThreatIPGoods)
	}
	p.open(lead, corridor, threats...)
	med := pick(g, medicines)

	sellerID, _ := p.use(seller, model.RoleConsignor, "sender of the parcels")
	sellerName := seller.e.Name
	p.emailOf(sellerID, sellerName, []string{companyDomain(g, sellerName)}, "order confirmations sent from this address")
	resellerID, resellerName := p.person(hub.Country, hub.Country, model.RoleConsignee, "Receives bulk parcels and re-ships single packs to buyers.")
	p.relate(sellerID, resellerID, model.RelShipsTo, p.sinceYears(1), "A1", "postal data")
	if p.deep(2) {
		aid := p.add(address(g, hub.Country), model.RoleOther, "reseller's home address, delivery address of the parcels")
		p.relate(resellerID, aid, model.RelLocatedAt, p.sinceYears(3), "A1", "population register")
		if g.chance(0.5) {
			p.walletOf(resellerID, "buyers pay here")
		} else {
			acc := p.accountFor(resellerID, hub.Country)
			p.relate(acc, sellerID, model.RelPays, p.sinceYears(1), "B2", "bank's reply to a production order")
		}
	}
	if p.deep(3) {
		p.phoneOf(resellerID, hub.Country, "number on the parcel labels")
	}

	parcels := p.count([2]int{1, 2}, [2]int{2, 3}, [2]int{3, 5})
	first := g.before(p.t0, 2*day)
	pieces := 0
	for i := range parcels {
		at := first
		if i > 0 {
			at = p.later(150 * day)
		}
		qty := g.between(med.lo, med.hi)
		pieces += qty
		p.seize(model.Seizure{
			SeizedAt: at, PlaceName: site(g, hub), LOCODE: hub.LOCODE,
			Category: model.CommodityMedicines, Description: med.what, HSCode: med.hs,
			Quantity: float64(qty), Unit: model.Pieces, EstimatedValue: float64(qty) * med.price, Currency: "EUR",
			TransportMode: model.ModePostal, Concealment: pick(g, []string{"declared as 'herbal supplement'", "declared as 'gift', no invoice", "inside a phone-case box", "declared as 'cosmetics sample'"}),
			Detection:         pick(g, []model.DetectionMethod{model.DetectionRiskProfiling, model.DetectionScanner, model.DetectionRandom}),
			TransportDocument: s10(g, orig.Country), OriginCountry: orig.Country, DestinationCountry: hub.Country,
			Notes: fmt.Sprintf("Addressed to %s. Sender %s.", resellerName, sellerName),
		}, officerOf(g, lead))
	}
	p.event(first, "Parcels selected by the hub's risk engine", hub.Name, fmt.Sprintf("%d parcel(s) from a sender already on the watch list.", parcels))
	if hub.Country == "GB" {
		p.request(agMHRA, "Web shops and payment page of "+sellerName, "Test purchases and the payment processor behind the shops.")
	} else {
		p.request(agEuropol, "Other parcels from "+sellerName+" in the EU", "Cross-match sender, e-mail and wallet in other member states' seizures.")
	}
	if p.deep(2) {
		p.event(p.later(30*day), "Laboratory result", "Official Medicines Control Laboratory", pick(g, []string{
			"No active ingredient found.", "Active ingredient at 40% of the labelled dose.", "Wrong active ingredient; traces of heavy metals.",
		}))
		p.todo("Interview the reseller", "Under caution; seize phone and packing material.")
	}
	if p.deep(3) {
		if orig.Country == "IN" {
			p.request(agCBIC, "Sender's export records", "Exporter code and consignments of "+sellerName+".")
		}
		p.todo("Test purchase from the web shop", "Order one pack through the shop and document the payment route.")
		p.analysisNote(sellerName)
	}

	p.c.Title = fmt.Sprintf("Falsified medicines by post via %s: %s", hub.Name, med.short)
	p.c.Summary = fmt.Sprintf("%d parcel(s) with %s pieces of %s sent by %s from %s to %s, who re-ships them to buyers of web shops.",
		parcels, thousands(int64(pieces)), med.what, sellerName, orig.Name, resellerName)
	if med.price > 100 {
		p.c.Priority = model.PriorityHigh
	}
}
