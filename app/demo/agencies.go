package demo

import "bollard/model"

// agency is a customs or police service that leads, seizes or is asked for
// assistance in the demo's cases, with the officers who write its records.
type agency struct {
	Name     string
	Country  string
	Marking  string   // the handling marking its cases carry
	Officers []string // who writes its records
}

// The agencies of the corridors Bollard's users work in.
var (
	agSVA       = &agency{"Servicio de Vigilancia Aduanera (SVA)", "ES", "RESERVADO", []string{"Begoña Ibáñez Ruiz", "Álvaro Núñez Castaño", "Inés Domínguez Peña"}}
	agAEAT      = &agency{"AEAT Aduanas e Impuestos Especiales", "ES", "RESERVADO", []string{"Jesús Fernández Ortega", "María José Carrión"}}
	agFIOD      = &agency{"FIOD", "NL", "LIMITE", []string{"Sanne de Wit", "Pieter van der Meulen", "Fatima el Idrissi"}}
	agDouaneNL  = &agency{"Douane Nederland (HARC-team)", "NL", "LIMITE", []string{"Joost Verhoeven", "Marloes Bakker", "Yusuf Öztürk"}}
	agBECustoms = &agency{"Belgian Customs (AAD&A)", "BE", "DIFFUSION RESTREINTE", []string{"Annelies Verstraeten", "Jean-François Dubois", "Wouter Claes"}}
	agZoll      = &agency{"Zollfahndungsamt Hamburg", "DE", "LIMITE", []string{"Jürgen Weiß", "Katrin Schäfer", "Mehmet Kılıç"}}
	agZollFra   = &agency{"Zollfahndungsamt Frankfurt am Main", "DE", "LIMITE", []string{"Björn Köhler", "Sabine Groß"}}
	agZollDD    = &agency{"Zollfahndungsamt Dresden", "DE", "LIMITE", []string{"Ulrike Krüger", "Tobias Häußler"}}
	agNCA       = &agency{"National Crime Agency (NCA)", "GB", "OFFICIAL-SENSITIVE", []string{"Gareth Hughes", "Priya Shah", "Callum McAllister"}}
	agHMRC      = &agency{"HMRC Fraud Investigation Service", "GB", "OFFICIAL-SENSITIVE", []string{"Siobhán Kelly", "Tom Ashworth", "Adebayo Okonkwo"}}
	agBF        = &agency{"Border Force", "GB", "OFFICIAL-SENSITIVE", []string{"Danielle Evans", "Kwame Asante", "Rhys Pritchard"}}
	agHSI       = &agency{"Homeland Security Investigations (HSI)", "US", "LAW ENFORCEMENT SENSITIVE", []string{"Maria Delgado", "Kevin O'Connor"}}
	agCBP       = &agency{"U.S. Customs and Border Protection (CBP)", "US", "LAW ENFORCEMENT SENSITIVE", []string{"Jasmine Tran", "Robert Kowalski"}}
	agCBSA      = &agency{"Canada Border Services Agency (CBSA)", "CA", "PROTECTED B", []string{"Geneviève Tremblay", "Mathieu Côté", "Harpreet Sandhu"}}
	agDIAN      = &agency{"DIAN – Dirección de Gestión de Policía Fiscal y Aduanera", "CO", "RESERVADO", []string{"Carolina Quintero Ospina", "Wílmer Castañeda"}}
	agPoliciaCO = &agency{"Policía Nacional de Colombia (DIRAN)", "CO", "RESERVADO", []string{"Andrés Felipe Rojas", "Luz Dary Mosquera"}}
	agSENAE     = &agency{"SENAE – Servicio Nacional de Aduana del Ecuador", "EC", "RESERVADO", []string{"Verónica Andrade Zúñiga", "Édgar Quiñónez"}}
	agReceita   = &agency{"Receita Federal do Brasil", "BR", "RESERVADO", []string{"Luíza Magalhães", "Fábio Conceição", "Sebastião Araújo"}}
	agKAS       = &agency{"Krajowa Administracja Skarbowa (KAS)", "PL", "LIMITE", []string{"Łukasz Wiśniewski", "Małgorzata Dąbrowska"}}
	agLTCustoms = &agency{"Lithuanian Customs Criminal Service", "LT", "RIBOTO NAUDOJIMO", []string{"Žilvinas Petrauskas", "Rūta Balčiūnienė"}}
	agFICustoms = &agency{"Finnish Customs (Tulli)", "FI", "KÄYTTÖ RAJOITETTU", []string{"Mikko Virtanen", "Aino Mäkelä"}}
	agCZTax     = &agency{"Finanční správa (Czech tax administration)", "CZ", "", nil}
	agSKTax     = &agency{"Finančná správa (Slovak tax administration)", "SK", "", nil}
	agHUTax     = &agency{"NAV (Hungarian tax and customs administration)", "HU", "", nil}
	agPTTax     = &agency{"Autoridade Tributária e Aduaneira (Portugal)", "PT", "", nil}
	agCYTax     = &agency{"Tax Department of Cyprus", "CY", "", nil}
	agOLAF      = &agency{"OLAF", "BE", "LIMITE", []string{"Eleni Papadopoulou", "Ruairí Ó Briain"}}
	agEPPO      = &agency{"European Public Prosecutor's Office (EPPO)", "LU", "LIMITE", []string{"Tiago Simões"}}
	agANAM      = &agency{"Agencia Nacional de Aduanas de México (ANAM)", "MX", "RESERVADO", []string{"Héctor Villaseñor"}}
	agGACC      = &agency{"General Administration of Customs of China (GACC)", "CN", "", nil}
	agCBIC      = &agency{"Central Board of Indirect Taxes and Customs (India)", "IN", "", nil}
	agRevenueIE = &agency{"Revenue Commissioners – Customs Service (Ireland)", "IE", "", nil}
	agMAOC      = &agency{"MAOC-N", "PT", "", nil}
	agEuropol   = &agency{"Europol", "NL", "", nil}
	agMHRA      = &agency{"MHRA Criminal Enforcement Unit", "GB", "", nil}
	agTRCustoms = &agency{"Turkish Customs Enforcement (Gümrük Muhafaza)", "TR", "", nil}
	agKZCustoms = &agency{"State Revenue Committee of Kazakhstan", "KZ", "", nil}
	agAMCustoms = &agency{"State Revenue Committee of Armenia", "AM", "", nil}
	agUAE       = &agency{"Dubai Customs", "AE", "", nil}
	agGRA       = &agency{"Ghana Revenue Authority – Customs Division", "GH", "", nil}
	agILT       = &agency{"Inspectie Leefomgeving en Transport (ILT)", "NL", "", nil}
	agBIS       = &agency{"BIS Office of Export Enforcement", "US", "", nil}
	agSEPBLAC   = &agency{"SEPBLAC (Spanish FIU)", "ES", "", nil}
	agUIAF      = &agency{"UIAF (Colombian FIU)", "CO", "", nil}
	agFIUNL     = &agency{"FIU-Nederland", "NL", "", nil}
)

// The legal bases requests for assistance are sent under.
const (
	lbNaples   = "Naples II Convention"
	lbReg515   = "Regulation (EC) No 515/97"
	lbReg904   = "Regulation (EU) No 904/2010 (Eurofisc)"
	lbCMAAUS   = "CMAA EU–US"
	lbCMAACA   = "CMAA EU–Canada"
	lbCMAACN   = "CMAA EU–China"
	lbCMAAIN   = "CMAA EU–India"
	lbTCA      = "EU–UK TCA Protocol on Mutual Administrative Assistance"
	lbAndean   = "EU–Colombia/Peru/Ecuador Trade Agreement, mutual administrative assistance"
	lbMLA      = "MLA request"
	lbEgmont   = "Egmont Group FIU-to-FIU request"
	lbBilat    = "bilateral customs cooperation agreement"
	lbSIENA    = "Europol SIENA message"
	lbCashCtrl = "Regulation (EU) 2018/1672 (cash controls)"
)

// legalBasis is the instrument a request from one agency's country to
// another's goes under: within the EU Naples II, across the Channel the
// TCA protocol, across the Atlantic the CMAAs, else a bilateral agreement
// or a judicial MLA request.
func legalBasis(g *gen, from, to *agency) string {
	eu := func(c string) bool { return euCountries[c] }
	switch {
	case to == agEuropol || to == agMAOC:
		return lbSIENA
	case to == agSEPBLAC || to == agUIAF || to == agFIUNL:
		return lbEgmont
	case to == agOLAF:
		return lbReg515
	case eu(from.Country) && eu(to.Country):
		return pick(g, []string{lbNaples, lbNaples, lbNaples, lbMLA})
	case eu(from.Country) && to.Country == "GB", from.Country == "GB" && eu(to.Country):
		return pick(g, []string{lbTCA, lbTCA, lbMLA})
	case to.Country == "US" || from.Country == "US":
		return pick(g, []string{lbCMAAUS, lbCMAAUS, lbMLA})
	case to.Country == "CA" || from.Country == "CA":
		return lbCMAACA
	case to.Country == "CN":
		return lbCMAACN
	case to.Country == "IN":
		return lbCMAAIN
	case to.Country == "CO" || to.Country == "EC":
		return pick(g, []string{lbAndean, lbMLA})
	case to.Country == "BR":
		return pick(g, []string{lbMLA, lbBilat})
	}
	return pick(g, []string{lbBilat, lbMLA})
}

// euCountries are the member states, for choosing a legal basis and a corridor.
var euCountries = map[string]bool{
	"AT": true, "BE": true, "BG": true, "CY": true, "CZ": true, "DE": true, "DK": true, "EE": true,
	"ES": true, "FI": true, "FR": true, "GR": true, "HR": true, "HU": true, "IE": true, "IT": true,
	"LT": true, "LU": true, "LV": true, "MT": true, "NL": true, "PL": true, "PT": true, "RO": true,
	"SE": true, "SI": true, "SK": true,
}

// officer is one of an agency's officers, as the author of a record.
type officer struct {
	name string
	ag   *agency
}

func (o officer) author() model.Author { return model.Author{Name: o.name, Agency: o.ag.Name} }

// officerOf picks one of the agency's officers.
func officerOf(g *gen, a *agency) officer { return officer{pick(g, a.Officers), a} }

// demoOfficer is the profile the demo sets on a workspace that has none.
var demoOfficer = model.Officer{
	Name:           "Demo Officer",
	Agency:         "Demo Customs Service",
	Country:        "ES",
	RefPrefix:      "DEMO",
	DefaultMarking: "LIMITE",
	Language:       model.English,
}
