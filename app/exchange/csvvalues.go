package exchange

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"bollard/app/typed"
	"bollard/model"
)

// splitAmount separates a number from the unit or currency written next to
// it: "1 375,5 kg" → "1 375,5", "kg"; "€ 2.500" → "2.500", "€".
func splitAmount(s string) (number, word string) {
	s = strings.TrimSpace(s)
	start, end := -1, -1
	for i, r := range s {
		if r >= '0' && r <= '9' {
			if start < 0 {
				start = i
			}
			end = i + 1
		}
	}
	if start < 0 {
		return s, ""
	}
	// Extend to a sign and to a leading decimal mark: "-5", ",5".
	for start > 0 && strings.ContainsRune("+-.,", rune(s[start-1])) {
		start--
	}
	before, num, after := strings.TrimSpace(s[:start]), s[start:end], strings.TrimSpace(s[end:])
	switch {
	case before != "" && after != "":
		return s, "" // text on both sides: not an amount
	case before != "":
		return num, before
	default:
		return num, after
	}
}

// parseSheetTime reads a seizure's date and, when given, time, by the
// rules officers type them everywhere (typed.DateTime): DD/MM/YYYY (or
// with - or .), YYYY-MM-DD, ISO 8601 with a time and zone, and a time of
// day as 14:30, 14:30:05 or 14h30, in the date column or a column of its
// own. A time without a zone is in loc: the place's zone, or the officer's
// own local time. A
// date alone is that calendar day in every zone (model/when.go), and so is
// a date column showing midnight ("14/03/2026 00:00"): that is how a
// spreadsheet writes a cell formatted as date and time that holds a day.
func parseSheetTime(date, clock string, loc *time.Location, now time.Time) (time.Time, string) {
	day, at := typed.SplitDateTime(date)
	if at != "" && isMidnight(at) {
		at = ""
	}
	if strings.TrimSpace(clock) == "" {
		if at != "" { // a time in the date column, perhaps with its zone
			t, err := typed.DateTime(date, loc, now)
			return t, problemOf(err)
		}
	} else if at != "" {
		return time.Time{}, "gives a time and so does the time column"
	}
	t, err := typed.DayAt(day, clock, loc, now)
	return t, problemOf(err)
}

// isMidnight reports whether a time of day, with no zone but perhaps a Z,
// reads as 00:00:00.
func isMidnight(clock string) bool {
	c, err := typed.ReadClock(clock)
	return err == nil && c.IsMidnight()
}

// problemOf is a row's problem with a value it could not read, said after
// the value; "" when it was read.
func problemOf(err error) string {
	if err == nil {
		return ""
	}
	return typed.Why(err)
}

// wordTable maps words, folded, to a value of an enumeration.
type wordTable[T ~string] map[string]T

func newWordTable[T ~string](words map[T]string) wordTable[T] {
	t := wordTable[T]{}
	add := func(w string, v T) {
		if old, ok := t[w]; ok && old != v {
			panic(fmt.Sprintf("exchange: %q means both %s and %s", w, old, v))
		}
		t[w] = v
	}
	for v, list := range words {
		add(sheetFold(string(v)), v)
		add(sheetFold(labelWords(string(v))), v)
		for _, w := range strings.Split(list, "|") {
			add(sheetFold(w), v)
		}
	}
	return t
}

var categoryWords = newWordTable(map[model.CommodityCategory]string{
	model.CommodityCocaine:      "cocaine|cocaina|coke|cocaine hydrochloride|clorhidrato de cocaina|cloridrato de cocaina|chlorhydrate de cocaine|pasta base|crack",
	model.CommodityCannabis:     "cannabis|marijuana|marihuana|maconha|hashish|hash|hachis|haxixe|haschich|resine de cannabis|resina de cannabis|herbe de cannabis|canabis",
	model.CommodityHeroin:       "heroin|heroina|heroine",
	model.CommoditySynthetic:    "synthetic drugs|synthetic drug|drogas sinteticas|droga sintetica|drogues de synthese|drogue de synthese|mdma|ecstasy|extasis|methamphetamine|metanfetamina|methamphetamine|fentanyl|fentanilo|fentanil|captagon|amphetamine|anfetamina|anfetaminas|amphetamines|nitazenes|ketamine|ketamina",
	model.CommodityPrecursors:   "precursors|precursor|precursores|precursores quimicos|precurseurs|precurseurs chimiques|bmk|pmk|apaa|drug precursors",
	model.CommodityCigarettes:   "cigarettes|cigarette|cigarrillos|cigarrillo|cigarros|cigarro|tobacco cigarettes|cigarrettes",
	model.CommodityTobacco:      "tobacco|tabaco|tabac|raw tobacco|hookah tobacco|tabaco de narguile|tabaco para narguile|tabac a narguile|tabaco de liar|tabac a rouler",
	model.CommodityMedicines:    "counterfeit medicines|falsified medicines|medicamentos falsificados|medicamentos falsos|medicaments contrefaits|medicaments falsifies|medicines|medicamentos|medicaments",
	model.CommodityCounterfeits: "counterfeit goods|counterfeits|counterfeit|fake goods|falsificaciones|mercancia falsificada|productos falsificados|mercadorias falsificadas|produtos falsificados|contrafacao|contrefacons|contrefacon|produits contrefaits|ip infringing goods",
	model.CommodityLuxury:       "luxury goods|luxury|articulos de lujo|bienes de lujo|bens de luxo|artigos de luxo|produits de luxe|articles de luxe",
	model.CommodityCash:         "cash|banknotes|bank notes|euro notes|notas|notas de euro|billetes|cedulas|billets|efectivo|dinero en efectivo|dinero|numerario|dinheiro|dinheiro em especie|numerario|especes|argent liquide|numeraire",
	model.CommodityWaste:        "waste|residuos|desechos|residuos peligrosos|residuos|dechets|dechets dangereux|illicit waste",
	model.CommodityWeapons:      "weapons|weapon|firearms|arms|armas|armas de fuego|arma|armes|arme|armes a feu|munitions|municiones|municoes|ammunition",
	model.CommodityDualUse:      "dual use goods|dual use|bienes de doble uso|doble uso|bens de dupla utilizacao|dupla utilizacao|biens a double usage|double usage",
	model.CommodityOther:        "other|otro|otros|otra|outro|outros|autre|autres|divers|varios",
})

var modeWords = newWordTable(map[model.TransportMode]string{
	model.ModeContainer:    "maritime container|container|sea container|containerised|fcl|lcl|contenedor|maritimo contenedor|contenedor maritimo|maritima contenedor|contentor|contentor maritimo|conteiner|maritimo conteiner|conteneur|conteneur maritime|maritime conteneur|maritime containers|sea freight container",
	model.ModeMaritime:     "maritime|maritime other|sea|vessel|ship|boat|yacht|sailing boat|go fast|maritimo|maritima|buque|barco|embarcacion|velero|lancha|navio|embarcacao|veleiro|navire|bateau|voilier|maritime autre|maritimo otro|maritimo outro",
	model.ModeAirCargo:     "air cargo|air freight|air|cargo aereo|carga aerea|aereo carga|aereo|aerea|fret aerien|cargo aerien|aerien|frete aereo|carga aerea",
	model.ModeAirPassenger: "air passenger|passenger|air passengers|passenger luggage|pasajero|pasajero aereo|pasajeros|equipaje|passageiro|passageiro aereo|passageiros|bagagem|passager|passager aerien|passagers|bagages|voyageur|voyageurs",
	model.ModePostal:       "postal|post|parcel|express|courier|express parcel|postal express|postal parcel|postal express parcel|correo|correos|paqueteria|mensajeria|envio postal|correio|encomenda|encomenda postal|correio expresso|colis postal|fret express|poste|postal et express|courrier",
	model.ModeRoad:         "road|truck|lorry|car|van|bus|carretera|camion|terrestre|vehiculo|coche|furgoneta|rodoviario|estrada|caminhao|veiculo|carro|route|routier|voiture|camionnette|poids lourd",
	model.ModeRail:         "rail|train|railway|ferrocarril|tren|ferroviario|trem|ferroviaire|fer|chemin de fer",
})

var detectionWords = newWordTable(map[model.DetectionMethod]string{
	model.DetectionRiskProfiling: "risk profiling|risk analysis|profiling|targeting|risk|analisis de riesgo|perfil de riesgo|perfilado|analise de risco|perfil de risco|analyse de risque|ciblage|profilage",
	model.DetectionScanner:       "scanner|x ray|xray|scan|escaner|rayos x|escaner de rayos x|escaner|raio x|escaneamento|rayons x|scanner a rayons x",
	model.DetectionCanine:        "canine|dog|sniffer dog|k9|perro|canino|can|perro detector|cao|cao farejador|canina|chien|cynophile|equipe cynophile|chien renifleur",
	model.DetectionTipOff:        "tip off|tipoff|tip|information|intelligence|informant|informante|confidente|denuncia|chivatazo|soplo|denuncia anonima|informacao|informacao previa|renseignement|indicateur|information prealable",
	model.DetectionRandom:        "random|random check|random control|aleatorio|control aleatorio|aleatoria|aleatorio|controle aleatorio|aleatoire|controle aleatoire|hasard|au hasard",
	model.DetectionOther:         "other|otro|otra|outro|outra|autre",
})

// labelWords opens up a code's underscores: "air_cargo" → "air cargo".
func labelWords(code string) string { return strings.ReplaceAll(code, "_", " ") }

// lookup finds s in the table, or "" when it is not there.
func (t wordTable[T]) lookup(s string) (T, bool) {
	v, ok := t[sheetFold(s)]
	return v, ok
}

// parseUnitWord reads a unit in any of the four languages, for a seizure of
// commodity c (model.ParseUnitOf: "paquetes" of cigarettes are packs, of
// cocaine packages).
func parseUnitWord(s string, c model.CommodityCategory) (model.Unit, bool) {
	u, err := model.ParseUnitOf(s, c)
	return u, err == nil
}

// guessCategory finds the commodity category a description names, for a
// file with a commodity column but no category: "Cocaína (clorhidrato)"
// is cocaine. A description that names none is "other".
func guessCategory(description string) model.CommodityCategory {
	words := strings.Fields(sheetFold(description))
	// Longest phrases first, so that "counterfeit medicines" is not
	// taken for counterfeit goods.
	for n := min(4, len(words)); n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			if c, ok := categoryWords[strings.Join(words[i:i+n], " ")]; ok && c != model.CommodityOther {
				return c
			}
		}
	}
	return model.CommodityOther
}

// currencySymbols are the signs written before or after an amount.
var currencySymbols = map[string]string{
	"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "us$": "USD", "usd": "USD",
	"u$s": "USD", "dolares": "USD", "dollars": "USD", "r$": "BRL", "brl": "BRL", "reais": "BRL", "cop": "COP",
	"col$": "COP", "mxn": "MXN", "mx$": "MXN", "chf": "CHF", "cad": "CAD", "c$": "CAD", "jmd": "JMD", "j$": "JMD",
	"libras": "GBP", "pounds": "GBP",
}

// currencyWord reads a currency code or sign: "EUR", "€", "R$". A bare "$"
// is refused by the caller: it is the sign of a dozen currencies.
func currencyWord(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if c, ok := currencySymbols[strings.ToLower(s)]; ok {
		return c, true
	}
	if c, err := model.NormalizeCurrency(s); err == nil {
		return c, true
	}
	return "", false
}

// countryNames maps country names, folded, in English, Spanish,
// Portuguese and French, to their ISO code, for files that write "Colombia"
// or "Países Bajos" instead of CO or NL.
var countryNameIndex = func() map[string]string {
	m := map[string]string{}
	for _, c := range model.Countries() {
		m[sheetFold(c.Name)] = c.Code
	}
	for code, names := range map[string]string{
		"NL": "netherlands|holland|paises bajos|holanda|paises baixos|pays bas|hollande",
		"BE": "belgica|belgique",
		"ES": "espana|espanha|espagne",
		"PT": "portugal",
		"FR": "francia|franca|france",
		"DE": "alemania|alemanha|allemagne",
		"IT": "italia|italie",
		"GB": "united kingdom|uk|reino unido|royaume uni|inglaterra|angleterre|great britain|gran bretana",
		"IE": "irlanda|irlande",
		"GR": "grecia|grece",
		"US": "united states|usa|estados unidos|eeuu|eua|etats unis",
		"CA": "canada",
		"MX": "mexico|mexique",
		"CO": "colombia|colombie|colombia",
		"EC": "ecuador|equador|equateur",
		"PE": "peru|perou",
		"BO": "bolivia|bolivie",
		"BR": "brasil|bresil|brazil",
		"VE": "venezuela",
		"PA": "panama",
		"CR": "costa rica",
		"GT": "guatemala",
		"HN": "honduras",
		"DO": "republica dominicana|republique dominicaine|dominican republic",
		"JM": "jamaica|jamaique",
		"PY": "paraguay|paraguai",
		"UY": "uruguay|uruguai",
		"AR": "argentina|argentine",
		"CL": "chile|chili",
		"GY": "guyana|guiana",
		"SR": "surinam|suriname",
		"TT": "trinidad y tobago|trinidad e tobago|trinite et tobago|trinidad and tobago|trinidad",
		"MA": "marruecos|marrocos|maroc|morocco",
		"TR": "turquia|turquie|turkey|turkiye",
		"CN": "china|chine",
		"IN": "india|inde",
		"ZA": "sudafrica|africa do sul|afrique du sud|south africa",
		"NG": "nigeria",
		"CV": "cabo verde|cap vert|cape verde",
		"SN": "senegal",
		"HK": "hong kong",
		"AE": "emiratos arabes unidos|emirados arabes unidos|emirats arabes unis|uae|united arab emirates|dubai",
		"CH": "suiza|suica|suisse|switzerland",
		"PL": "polonia|pologne|poland",
	} {
		for _, n := range strings.Split(names, "|") {
			m[sheetFold(n)] = code
		}
	}
	return m
}()

// sheetCountry turns a country as written into its ISO code when it is a
// known name; anything else is left for the model's check to judge.
func sheetCountry(s string) string {
	s = strings.TrimSpace(s)
	if code, ok := countryNameIndex[sheetFold(s)]; ok {
		return code
	}
	return s
}

// splitList splits a cell holding several values: "MSCU1234566, TGHU7654321"
// or one a line.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",;/|\n\r\t+", r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitContainers splits a cell of container numbers, which may also be
// separated by spaces only: "MSCU1234566 TGHU7654321". A number typed with
// its own spaces ("MSCU 123456 6") is kept whole.
func splitContainers(s string) []string {
	var out []string
	for _, p := range splitList(s) {
		compact := strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || r == '-' || r == '.' {
				return -1
			}
			return r
		}, p)
		if len(compact) > 11 && len(compact)%11 == 0 && allContainerShaped(compact) {
			for i := 0; i < len(compact); i += 11 {
				out = append(out, compact[i:i+11])
			}
			continue
		}
		out = append(out, p)
	}
	return out
}

func allContainerShaped(s string) bool {
	for i := 0; i < len(s); i += 11 {
		for j, r := range s[i : i+11] {
			letter := unicode.IsLetter(r)
			if j < 4 && !letter || j >= 4 && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}
