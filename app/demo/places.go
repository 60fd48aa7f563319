package demo

// place is a port, airport, border post or inland site, with its UN/LOCODE
// where it has one.
type place struct {
	LOCODE  string
	Country string
	Name    string   // as the seizure report names it
	Sites   []string // terminals, sheds or crossings within it
}

// Where cocaine leaves Latin America in reefer containers.
var cocaineOrigins = []*place{
	{"ECGYE", "EC", "Guayaquil", []string{"Contecon terminal", "Puerto Bananero", "Naportec"}},
	{"BRSSZ", "BR", "Santos", []string{"Brasil Terminal Portuário", "Santos Brasil Tecon", "DP World Santos"}},
	{"COCTG", "CO", "Cartagena", []string{"Contecar", "Sociedad Portuaria de Cartagena"}},
}

// Caribbean hubs where reefers are transhipped and rip-on loads added.
var caribbeanHubs = []*place{
	{"JMKIN", "JM", "Kingston", []string{"Kingston Freeport Terminal"}},
	{"BSFPO", "BS", "Freeport", []string{"Freeport Container Port"}},
	{"DOCAU", "DO", "Caucedo", []string{"DP World Caucedo"}},
}

// European ports where the reefers are discharged.
var cocaineDestinations = []*place{
	{"BEANR", "BE", "Antwerp", []string{"MPET Deurganckdok", "PSA Noordzee terminal", "Churchill dock fruit terminal"}},
	{"NLRTM", "NL", "Rotterdam", []string{"Maasvlakte II, RWG terminal", "ECT Delta terminal", "APM Terminals Maasvlakte II"}},
	{"ESALG", "ES", "Algeciras", []string{"APM Terminals Algeciras", "TTI Algeciras, Isla Verde Exterior"}},
	{"DEHAM", "DE", "Hamburg", []string{"CTA Altenwerder", "Burchardkai", "Eurogate Container Terminal"}},
}

// Air-cargo hubs precursors transit through on their way to the Americas.
var airHubs = []*place{
	{"BELGG", "BE", "Liège Airport", []string{"cargo hub, transit shed", "express operator hub"}},
	{"DELEJ", "DE", "Leipzig/Halle Airport", []string{"express hub, sorting centre", "cargo terminal"}},
	{"DEFRA", "DE", "Frankfurt Airport", []string{"CargoCity Süd", "CargoCity Nord, transit warehouse"}},
}

var precursorOrigins = []*place{
	{"CNSHA", "CN", "Shanghai", nil},
	{"CNSZX", "CN", "Shenzhen", nil},
	{"CNWUH", "CN", "Wuhan", nil},
	{"INBOM", "IN", "Mumbai", nil},
	{"INHYD", "IN", "Hyderabad", nil},
}

var precursorDestinations = []*place{
	{"MXMEX", "MX", "Mexico City", nil},
	{"MXGDL", "MX", "Guadalajara", nil},
	{"MXQRO", "MX", "Querétaro", nil},
	{"CATOR", "CA", "Toronto", nil},
	{"CAVAN", "CA", "Vancouver", nil},
	{"CAMTR", "CA", "Montréal", nil},
}

// UK entry points for lorries.
var ukEntries = []*place{
	{"GBDOV", "GB", "Dover", []string{"Eastern Docks, Freight Inspection Facility", "Western Docks, Bastion Road inspection site"}},
	{"GBHLY", "GB", "Holyhead", []string{"Port of Holyhead, freight lanes", "Roadking inland border facility"}},
	{"GBHUL", "GB", "Hull", []string{"King George Dock"}},
}

// Where lorries bound for the UK start or take the ferry.
var ukDepartures = []*place{
	{"FRCQF", "FR", "Calais", nil},
	{"BEZEE", "BE", "Zeebrugge", nil},
	{"NLRTM", "NL", "Rotterdam (Europoort)", nil},
	{"IEDUB", "IE", "Dublin Port", nil},
}

// Inland UK sites where illicit tobacco is stored and sold.
var ukInland = []string{
	"industrial unit, Trafford Park, Manchester", "warehouse, Tilbury, Essex", "lock-up garage, Bootle, Liverpool",
	"storage unit, Castle Bromwich, Birmingham", "farm outbuilding, Co. Armagh", "shop store-room, Leith, Edinburgh",
}

// Express and postal hubs where small parcels are screened.
var parcelHubs = []*place{
	{"DELEJ", "DE", "Leipzig/Halle Airport", []string{"DHL hub, customs control area"}},
	{"GBEMA", "GB", "East Midlands Airport", []string{"DHL hub, Border Force control", "UPS hub"}},
	{"BEBRU", "BE", "Brussels Airport", []string{"BRUcargo, postal inspection"}},
	{"NLAMS", "NL", "Amsterdam (Schiphol)", []string{"international mail centre"}},
}

var medicineOrigins = []*place{
	{"INDEL", "IN", "Delhi", nil},
	{"INBOM", "IN", "Mumbai", nil},
	{"CNSZX", "CN", "Shenzhen", nil},
	{"HKHKG", "HK", "Hong Kong", nil},
	{"SGSIN", "SG", "Singapore", nil},
	{"TRIST", "TR", "Istanbul", nil},
}

// EU export ports for waste shipments, and where they are bound.
var wasteExportPorts = []*place{
	{"BEANR", "BE", "Antwerp", []string{"Ro-ro and container terminals, export scan"}},
	{"NLRTM", "NL", "Rotterdam", []string{"Maasvlakte, export inspection"}},
	{"DEHAM", "DE", "Hamburg", []string{"Container terminal Tollerort"}},
	{"ESVLC", "ES", "Valencia", []string{"Terminal de contenedores, control de exportación"}},
	{"GBFXT", "GB", "Felixstowe", []string{"Trinity terminal"}},
}

var wasteDestinations = []*place{
	{"GHTEM", "GH", "Tema", nil},
	{"NGAPP", "NG", "Apapa (Lagos)", nil},
	{"CIABJ", "CI", "Abidjan", nil},
	{"MYPKG", "MY", "Port Klang", nil},
	{"VNSGN", "VN", "Ho Chi Minh City", nil},
	{"PKKHI", "PK", "Karachi", nil},
	{"IDJKT", "ID", "Jakarta", nil},
}

// Exit points from the EU for dual-use goods, and the third countries they are routed through.
var sanctionsExits = []*place{
	{"DEFRA", "DE", "Frankfurt Airport", []string{"export cargo, CargoCity Süd"}},
	{"DEHAM", "DE", "Hamburg", []string{"export control, Waltershof"}},
	{"LTVNO", "LT", "Vilnius", []string{"Medininkai road border post"}},
	{"PLWAW", "PL", "Warsaw", []string{"Koroszczyn road terminal (Terespol crossing)"}},
	{"FIHEL", "FI", "Helsinki", []string{"Vuosaari harbour"}},
	{"NLRTM", "NL", "Rotterdam", []string{"export control, Botlek"}},
}

var sanctionsTransit = []*place{
	{"TRIST", "TR", "Istanbul", nil},
	{"TRMER", "TR", "Mersin", nil},
	{"KZALA", "KZ", "Almaty", nil},
	{"AEDXB", "AE", "Dubai", nil},
	{"AEJEA", "AE", "Jebel Ali", nil},
	{"AMEVN", "AM", "Yerevan", nil},
	{"KGFRU", "KG", "Bishkek", nil},
}

// Airports where cash couriers are stopped, and where they fly.
var cashAirports = []*place{
	{"ESMAD", "ES", "Madrid-Barajas Airport", []string{"Terminal 4, departures control", "Terminal 4S, arrivals"}},
	{"NLAMS", "NL", "Amsterdam Airport Schiphol", []string{"departure hall 2, outbound control"}},
	{"BEBRU", "BE", "Brussels Airport", []string{"outbound passenger control"}},
	{"DEFRA", "DE", "Frankfurt Airport", []string{"Terminal 1, Zoll outbound control"}},
	{"GBLHR", "GB", "London Heathrow Airport", []string{"Terminal 5, outbound"}},
}

var cashDestinations = []*place{
	{"COBOG", "CO", "Bogotá", nil},
	{"AEDXB", "AE", "Dubai", nil},
	{"TRIST", "TR", "Istanbul", nil},
	{"NGLOS", "NG", "Lagos", nil},
	{"BRGRU", "BR", "São Paulo", nil},
	{"MXMEX", "MX", "Mexico City", nil},
}

// placeIn picks one of the places in a country, or any place when none is.
func placeIn(g *gen, places []*place, country string) *place {
	n := 0
	for _, pl := range places {
		if pl.Country == country {
			n++
		}
	}
	if n == 0 {
		return pick(g, places)
	}
	i := g.n(n)
	for _, pl := range places {
		if pl.Country == country {
			if i == 0 {
				return pl
			}
			i--
		}
	}
	panic("unreachable")
}

// site names a spot within a place for a seizure report.
func site(g *gen, p *place) string {
	if len(p.Sites) == 0 {
		return p.Name
	}
	return p.Name + ", " + pick(g, p.Sites)
}

// leadFor is the agency that leads a case whose first seizure was made in country.
func leadFor(g *gen, country string) *agency {
	switch country {
	case "ES":
		return pick(g, []*agency{agSVA, agSVA, agAEAT})
	case "NL":
		return pick(g, []*agency{agDouaneNL, agFIOD})
	case "BE":
		return agBECustoms
	case "DE":
		return agZoll
	case "GB":
		return pick(g, []*agency{agBF, agNCA, agHMRC})
	case "PL":
		return agKAS
	case "LT":
		return agLTCustoms
	case "FI":
		return agFICustoms
	}
	return agSVA
}
