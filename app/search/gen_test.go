package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"bollard/model"
)

// corpus makes realistic synthetic records, the same for the same seed:
// people and companies of the corridors Bollard's users work (Latin
// America, Iberia, the Low Countries, the UK, Eastern Europe, Greece,
// Turkey, West Africa), vessels, containers, bank accounts, phones, and the
// cases, seizures, exhibits, tasks and notes that tie them together.
type corpus struct {
	r     *rand.Rand
	seq   int
	cases []string // refs made so far
}

func newCorpus(seed uint64) *corpus {
	return &corpus{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

var (
	givenNames = []string{
		"José", "María", "Juan", "Carlos", "Luis", "Ana", "Lucía", "Javier", "Sofía", "Andrés", "Valentina", "Diego",
		"João", "Gonçalo", "Inês", "Tiago", "Rui", "Beatriz", "Jean", "Françoise", "Hélène", "Loïc", "Thierry",
		"Jan", "Pieter", "Sven", "Anouk", "Jürgen", "Günther", "Björn", "Søren", "Ørjan", "Mohamed", "Ahmed", "Youssef",
		"Fatima", "Karim", "Emre", "Çağlar", "Ayşe", "Oğuz", "Tomasz", "Łukasz", "Małgorzata", "Paweł", "Dragan",
		"Miloš", "Goran", "Andrei", "Ionuț", "Georgios", "Dimitrios", "Eleni", "Nikos", "Chukwuemeka", "Oluwaseun",
		"Ifeanyi", "Kwame", "Arben", "Besnik", "James", "Oliver", "Sarah", "Emma", "Liam", "Connor", "Siobhán",
		"Сергей", "Дмитрий", "Ольга", "Алексей", "Наталья", "Юрий", "Иван", "Γιώργος", "Κωνσταντίνος", "Μαρία",
	}
	surnames = []string{
		"García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Muñoz",
		"Rojas", "Díaz", "Hernández", "Álvarez", "Castaño", "Ibáñez", "Núñez", "Peña", "Zúñiga", "Echeverría",
		"Gonçalves", "Conceição", "Magalhães", "Araújo", "Simões", "Lefèvre", "Dubois", "Moreau", "Girard", "Bélanger",
		"De Vries", "Van den Berg", "Janssens", "Peeters", "Smit", "Müller", "Schäfer", "Weiß", "Groß", "Strauß",
		"Sørensen", "Kowalski", "Wiśniewski", "Wójcik", "Łukasiewicz", "Yılmaz", "Kaya", "Öztürk", "Şahin", "Çelik",
		"Popescu", "Dumitrescu", "Jovanović", "Petrović", "Đorđević", "Papadopoulos", "Georgiou", "Okafor", "Adeyemi",
		"Mensah", "Hoxha", "Krasniqi", "Smith", "O'Brien", "MacDonald", "Walsh", "Murphy", "Thompson", "Khan", "Benali",
		"Иванов", "Смирнов", "Щербаков", "Кузнецов", "Волков", "Зайцев", "Παπαδόπουλος", "Νικολάου", "Αγγελόπουλος",
	}
	companyWords = []string{
		"Atlántico", "Pacífico", "Andina", "Caribe", "Nordzee", "Baltic", "Iberia", "Lusitana", "Meridian", "Polar",
		"Global", "Trans", "Euro", "Delta", "Orion", "Sirius", "Aurora", "Condor", "Jaguar", "Puma", "Tucán", "Cóndor",
		"Horizon", "Sunrise", "Golden", "Blue", "Green", "Royal", "Star", "Ocean", "Coastal", "Harbour", "Port",
	}
	companyTrades = []string{
		"Trading", "Logistics", "Shipping", "Import Export", "Freight", "Fruit", "Seafood", "Commodities", "Holdings",
		"Agro", "Bananas", "Flowers", "Textiles", "Chemicals", "Pharma", "Motors", "Metals", "Tobacco", "Forwarding",
	}
	companyForms   = []string{"S.A.", "S.L.", "Ltd", "B.V.", "N.V.", "GmbH", "S.A.S.", "Lda", "S.p.A.", "LLC", "Sp. z o.o.", "A.Ş.", "SARL", "Inc."}
	vesselPrefixes = []string{"MSC", "MAERSK", "CMA CGM", "EVER", "COSCO", "HMM", "ONE", "NYK", "", "", ""}
	vesselNames    = []string{
		"AURORA", "BEATRICE", "CARMEN", "DIANA", "ELENA", "FLORENCE", "GIULIA", "HELSINKI", "ISABELLA", "JULIANA",
		"KAROLINA", "LISBOA", "MADRID", "NAPOLI", "OPORTO", "PALERMO", "QUITO", "ROTTERDAM", "SANTOS", "TALLINN",
		"VALPARAISO", "CARTAGENA", "GUAYAQUIL", "CALLAO", "ALGECIRAS", "ANTWERP", "HAMBURG", "FELIXSTOWE", "LE HAVRE",
		"STAR", "PIONEER", "NAVIGATOR", "SPIRIT", "HARMONY", "FORTUNE", "EXPRESS", "VOYAGER", "TRADER", "PRIDE",
	}
	ownerCodes = []string{"MSCU", "MAEU", "CMAU", "TGHU", "TCNU", "SEGU", "HLXU", "OOLU", "CSNU", "EGHU", "GESU", "TRLU", "FCIU", "BMOU"}
	places     = []struct{ name, locode string }{
		{"Antwerp", "BEANR"}, {"Rotterdam", "NLRTM"}, {"Hamburg", "DEHAM"}, {"Algeciras", "ESALG"}, {"Valencia", "ESVLC"},
		{"Le Havre", "FRLEH"}, {"Felixstowe", "GBFXT"}, {"Lisbon", "PTLIS"}, {"Gioia Tauro", "ITGIT"}, {"Piraeus", "GRPIR"},
		{"Gdańsk", "PLGDN"}, {"Constanța", "ROCND"}, {"Guayaquil", "ECGYE"}, {"Cartagena", "COCTG"}, {"Santos", "BRSSZ"},
		{"Callao", "PECLL"}, {"Madrid-Barajas", "ESMAD"}, {"Schiphol", "NLAMS"}, {"Liège Airport", "BELGG"}, {"Dover", "GBDVR"},
	}
	commodities = []string{
		"cocaine in banana boxes", "cocaine behind reefer insulation", "cigarettes declared as furniture",
		"counterfeit sportswear", "counterfeit medicines (sildenafil)", "precursor chemicals (BMK)", "synthetic opioids",
		"undeclared cash", "luxury watches, no invoice", "hazardous waste declared as scrap", "heroin in marble slabs",
		"cannabis resin in tomato crates", "anabolic steroids", "weapon parts in machinery", "counterfeit perfume",
	}
	streets       = []string{"Calle Mayor", "Avenida del Puerto", "Rua Augusta", "Kaaistraat", "Hafenstraße", "Dock Road", "Rue de la Gare", "Ulica Portowa"}
	cities        = []string{"Madrid", "Bogotá", "Guayaquil", "Lisboa", "Antwerpen", "Rotterdam", "Hamburg", "Marseille", "Gdańsk", "London", "Lagos", "Tirana"}
	domains       = []string{"gmail.com", "protonmail.com", "outlook.com", "yahoo.es", "trade-mail.nl", "fastmail.com"}
	ibanCountries = []struct {
		code   string
		digits int // the BBAN, all digits here
	}{{"ES", 20}, {"DE", 18}, {"BE", 12}, {"PT", 21}, {"FR", 23}, {"PL", 24}, {"GR", 23}}
	caseTitles = []string{
		"Cocaine in reefer containers from %s", "Cigarette smuggling via %s", "Counterfeit goods through %s",
		"Precursor diversion at %s", "Cash couriers at %s", "VAT carousel around %s", "Illicit waste to %s",
	}
	operations = []string{"Tidewater", "Bluefin", "Cormorant", "Limestone", "Nightjar", "Sandpiper", "Kestrel", "Albatros", "Marea", "Halcón"}
)

func (c *corpus) pick(list []string) string { return list[c.r.IntN(len(list))] }

func (c *corpus) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + c.r.IntN(10))
	}
	return string(b)
}

func (c *corpus) letters(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('A' + c.r.IntN(26))
	}
	return string(b)
}

// id makes a UUID-shaped ID from the seed.
func (c *corpus) id() string {
	c.seq++
	a, b := c.r.Uint64(), c.r.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, a>>16&0xffff, a&0xfff, b>>48&0x3fff|0x8000, b&0xffffffffffff)
}

func (c *corpus) personName() string {
	name := c.pick(givenNames) + " " + c.pick(surnames)
	if c.r.IntN(3) == 0 {
		name += " " + c.pick(surnames) // Iberian and Latin American double surnames
	}
	return name
}

func (c *corpus) companyName() string {
	switch c.r.IntN(4) {
	case 0:
		return c.pick(surnames) + " " + c.pick(surnames) + " " + c.pick(companyTrades) + " " + c.pick(companyForms)
	case 1:
		return c.pick(companyWords) + " " + c.pick(companyTrades) + " " + c.pick(companyForms)
	case 2:
		return "Grupo " + c.pick(surnames) + " " + c.pick(companyForms)
	default:
		return c.pick(companyWords) + " " + c.pick(companyWords) + " " + c.pick(companyTrades)
	}
}

func (c *corpus) vesselName() string {
	p := c.pick(vesselPrefixes)
	if p == "" {
		return c.pick(vesselNames)
	}
	return p + " " + c.pick(vesselNames)
}

// containerNumber is an ISO 6346 number with its right check digit.
func (c *corpus) containerNumber() string {
	first := c.pick(ownerCodes) + c.digits(6)
	d, _ := model.ContainerCheckDigit(first)
	return fmt.Sprintf("%s%d", first, d%10)
}

// imo is an IMO number with its right check digit.
func (c *corpus) imo() string {
	first := string(rune('1'+c.r.IntN(9))) + c.digits(5)
	d, _ := model.IMOCheckDigit(first)
	return fmt.Sprintf("%s%d", first, d)
}

// iban is an IBAN with its right check digits.
func (c *corpus) iban() string {
	ctry := ibanCountries[c.r.IntN(len(ibanCountries))]
	bban := c.digits(ctry.digits)
	check, err := model.IBANCheckDigits(ctry.code, bban)
	if err != nil {
		panic(err)
	}
	return ctry.code + check + bban
}

func (c *corpus) phone() string {
	codes := []string{"34", "351", "32", "31", "49", "44", "57", "593", "234", "355", "30", "90"}
	return "+" + c.pick(codes) + c.digits(9)
}

func (c *corpus) email(name string) string {
	local := strings.ReplaceAll(Fold(name), " ", ".")
	return local + c.digits(2) + "@" + c.pick(domains)
}

func (c *corpus) record() model.Record {
	return model.Record{ID: c.id(), CreatedAt: time.Date(2026, 1, 1+c.r.IntN(90), 9, 0, 0, 0, time.UTC)}
}

// entity makes an entity of a kind drawn as they come in real workspaces:
// mostly people, companies and containers.
func (c *corpus) entity() model.Entity {
	e := model.Entity{Record: c.record(), Country: c.pick([]string{"ES", "CO", "EC", "NL", "BE", "PT", "GB", "DE", "PL", "GR", "TR", "NG", "AL", "PA"})}
	switch n := c.r.IntN(100); {
	case n < 34:
		e.Kind, e.Name = model.KindPerson, c.personName()
		e.DocumentNumber = c.letters(3) + c.digits(6)
		e.BirthDate = model.Date{Year: 1950 + c.r.IntN(50), Month: time.Month(1 + c.r.IntN(12)), Day: 1 + c.r.IntN(28)}
		if c.r.IntN(5) == 0 {
			e.Aliases = []string{c.pick(givenNames) + " " + c.pick(surnames)}
		}
	case n < 54:
		e.Kind, e.Name = model.KindOrganisation, c.companyName()
		e.RegistrationNumber = c.letters(1) + c.digits(8)
		e.VATNumber = e.Country + c.digits(9)
		if c.r.IntN(3) == 0 {
			e.EORI = e.Country + c.digits(12)
		}
	case n < 59:
		e.Kind, e.Name = model.KindVessel, c.vesselName()
		e.IMO, e.MMSI, e.CallSign, e.Flag = c.imo(), c.digits(9), c.letters(2)+c.digits(3), e.Country
	case n < 74:
		e.Kind = model.KindContainer
		e.ContainerNumber = c.containerNumber()
		e.Name = e.ContainerNumber
	case n < 82:
		e.Kind = model.KindBankAccount
		e.IBAN = c.iban()
		e.Name = e.IBAN
		if c.r.IntN(2) == 0 {
			e.Name = c.personName()
		}
	case n < 87:
		e.Kind = model.KindPhone
		e.Phone = c.phone()
		e.Name = e.Phone
	case n < 91:
		e.Kind = model.KindEmail
		e.Email = c.email(c.personName())
		e.Name = e.Email
	case n < 94:
		e.Kind, e.Plate, e.VIN = model.KindVehicle, c.digits(4)+c.letters(3), "WVW"+c.letters(3)+c.digits(11)
		e.Name = "Volkswagen " + e.Plate
	default:
		e.Kind = model.KindAddress
		e.Name = c.pick(streets) + " " + fmt.Sprint(1+c.r.IntN(200)) + ", " + c.pick(cities)
	}
	return e
}

func (c *corpus) caseRef() string {
	if len(c.cases) == 0 || c.r.IntN(10) == 0 {
		ref := model.FormatCaseRef(c.pick([]string{"ESA", "NLD", "BEL", "UKB", "PTA"}), 2024+c.r.IntN(3), len(c.cases)+1)
		c.cases = append(c.cases, ref)
	}
	return c.cases[c.r.IntN(len(c.cases))]
}

// doc makes one record of any kind, as Docs.
func (c *corpus) doc() Doc {
	switch n := c.r.IntN(100); {
	case n < 80:
		return EntityDoc(c.entity())
	case n < 88:
		p := places[c.r.IntN(len(places))]
		s := model.Seizure{
			Record: c.record(), Ref: model.FormatSeizureRef(1 + c.r.IntN(20)), PlaceName: p.name, LOCODE: p.locode,
			SeizedAt: time.Date(2026, 2, 1+c.r.IntN(27), 6, 0, 0, 0, time.UTC), Description: c.pick(commodities),
			TransportDocument: "BL" + c.letters(4) + c.digits(8), SealNumbers: []string{c.letters(2) + c.digits(7)},
		}
		for range 1 + c.r.IntN(3) {
			s.ContainerNumbers = append(s.ContainerNumbers, c.containerNumber())
		}
		return SeizureDoc(s, c.caseRef())
	case n < 90:
		ref := c.caseRef()
		cs := model.Case{
			Record: c.record(), Ref: ref, Title: fmt.Sprintf(c.pick(caseTitles), places[c.r.IntN(len(places))].name),
			OperationName: "Operation " + c.pick(operations), Status: model.StatusActive, Corridor: model.CorridorEULAC,
		}
		return CaseDoc(cs)
	case n < 94:
		ref := c.caseRef()
		e := model.EvidenceItem{
			Record: c.record(), ExhibitRef: model.FormatExhibitRef(ref, 1+c.r.IntN(40)), Kind: model.EvidencePhoto,
			Description: "Photographs of " + c.pick(commodities), SealNumber: c.letters(2) + c.digits(7),
			Attachments: []model.Attachment{{Name: fmt.Sprintf("IMG_%04d.jpg", c.r.IntN(10000))}},
		}
		return EvidenceDoc(e, ref)
	case n < 97:
		t := model.Task{
			Record: c.record(), Kind: model.TaskAssistanceRequest, Title: "Request bank records of " + c.companyName(),
			Partner: c.pick([]string{"HMRC", "FIOD", "AEAT", "DIAN", "SENAE", "Policía Federal"}), Status: model.TaskSent,
			LegalBasis: "Naples II, art. 10",
		}
		return TaskDoc(t, c.caseRef())
	default:
		n := model.Note{Record: c.record(), Body: "Called " + c.personName() + " about the " + c.vesselName() +
			" call at " + places[c.r.IntN(len(places))].name + ".\nConsignee " + c.companyName() + " did not answer."}
		return NoteDoc(n, c.caseRef())
	}
}

// docs makes n records.
func (c *corpus) docs(n int) []Doc {
	out := make([]Doc, n)
	for i := range out {
		out[i] = c.doc()
	}
	return out
}
