package exchange

import (
	"strings"

	"bollard/model"
)

// sheetField is a seizure field a spreadsheet column can fill.
type sheetField int

const (
	fieldNone sheetField = iota
	fieldDate
	fieldTime
	fieldPlace
	fieldLOCODE
	fieldCountry
	fieldCategory
	fieldDescription
	fieldHSCode
	fieldQuantity
	fieldUnit
	fieldValue
	fieldCurrency
	fieldTransportMode
	fieldConcealment
	fieldDetection
	fieldContainers
	fieldSeals
	fieldTransportDocument
	fieldOrigin
	fieldTransit
	fieldDestination
	fieldNotes
	fieldSticksPerPack
	fieldPacksPerCarton
	fieldCartonsPerCase
	fieldCount
)

// fieldNames are the fields as the officer reads them, in messages about a
// missing or doubled column.
var fieldNames = [fieldCount]string{
	fieldDate: "date", fieldTime: "time", fieldPlace: "place", fieldLOCODE: "UN/LOCODE",
	fieldCountry: "country", fieldCategory: "commodity category", fieldDescription: "commodity",
	fieldHSCode: "HS code", fieldQuantity: "quantity", fieldUnit: "unit", fieldValue: "value",
	fieldCurrency: "currency", fieldTransportMode: "transport mode", fieldConcealment: "concealment",
	fieldDetection: "detection method", fieldContainers: "container numbers", fieldSeals: "seal numbers",
	fieldTransportDocument: "bill of lading / air waybill", fieldOrigin: "origin country",
	fieldTransit: "transit countries", fieldDestination: "destination country", fieldNotes: "notes",
	fieldSticksPerPack: "sticks per pack", fieldPacksPerCarton: "packs per carton", fieldCartonsPerCase: "cartons per master case",
}

// modelFields are the names model.Seizure.Validate gives the fields, so
// that its messages can be told by the column the officer wrote.
var modelFields = map[string]sheetField{
	"seized at": fieldDate, "place": fieldPlace, "UN/LOCODE": fieldLOCODE, "country": fieldCountry,
	"commodity category": fieldCategory, "commodity description": fieldDescription, "HS code": fieldHSCode,
	"quantity": fieldQuantity, "unit": fieldUnit, "estimated value": fieldValue, "currency": fieldCurrency,
	"transport mode": fieldTransportMode, "detection method": fieldDetection, "container number": fieldContainers,
	"origin country": fieldOrigin, "transit country": fieldTransit, "destination country": fieldDestination,
	"sticks per pack": fieldSticksPerPack, "packs per carton": fieldPacksPerCarton, "cartons per master case": fieldCartonsPerCase,
}

// headerSynonyms are the column titles, folded (see sheetFold), that officers
// give each field in English, Spanish, Portuguese and French.
var headerSynonyms = map[sheetField][]string{
	fieldDate: {
		"date", "seizure date", "date of seizure", "seized at", "seized on", "date seized", "date time", "datetime", "date and time",
		"fecha", "fecha de incautacion", "fecha incautacion", "fecha de aprehension", "fecha de decomiso", "fecha y hora", "fecha hora",
		"data", "data da apreensao", "data de apreensao", "data apreensao", "data e hora", "data hora",
		"date de saisie", "date saisie", "date de la saisie", "date et heure", "date heure",
	},
	fieldTime: {"time", "time of seizure", "hour", "hora", "hora de incautacion", "hora da apreensao", "heure", "heure de saisie"},
	fieldPlace: {
		"place", "place of seizure", "location", "site", "port", "seizure place", "seizure location",
		"lugar", "lugar de incautacion", "lugar de aprehension", "sitio", "puerto", "ubicacion", "lugar de decomiso",
		"local", "local da apreensao", "local de apreensao", "porto", "localizacao",
		"lieu", "lieu de saisie", "lieu de la saisie", "endroit",
	},
	fieldLOCODE: {"locode", "un locode", "unlocode", "un lo code", "codigo locode", "code locode", "locode onu", "un locode code"},
	fieldCountry: {
		"country", "country of seizure", "seizure country", "pais", "pais de incautacion", "pais de la incautacion",
		"pais da apreensao", "pays", "pays de saisie", "pays de la saisie",
	},
	fieldCategory: {
		"category", "commodity category", "goods category", "type of goods", "commodity type", "goods type",
		"categoria", "categoria de mercancia", "tipo de mercancia", "tipo de mercaderia", "tipo de producto", "tipo de mercadoria",
		"categoria da mercadoria", "categoria de mercadoria", "categorie", "categorie de marchandise", "type de marchandise",
		"type de marchandises", "nature", "nature de la marchandise",
	},
	fieldDescription: {
		"commodity", "goods", "description", "commodity description", "description of goods", "goods description", "product",
		"mercancia", "mercaderia", "mercancias", "descripcion", "descripcion de la mercancia", "producto",
		"mercadoria", "mercadorias", "descricao", "descricao da mercadoria", "produto",
		"marchandise", "marchandises", "description de la marchandise", "designation", "designation des marchandises", "produit",
	},
	fieldHSCode: {
		"hs code", "hs", "hs code number", "tariff code", "commodity code", "cn code", "taric", "taric code",
		"codigo sa", "codigo s a", "codigo arancelario", "partida arancelaria", "posicion arancelaria", "sa",
		"codigo sh", "codigo s h", "ncm", "codigo ncm", "nomenclatura", "classificacao fiscal",
		"code sh", "code s h", "sh", "code nc", "nomenclature", "code tarifaire", "position tarifaire",
	},
	fieldQuantity: {
		"quantity", "qty", "amount seized", "quantity seized", "cantidad", "cantidad incautada", "cant",
		"quantidade", "quantidade apreendida", "qtd", "qtde", "quantite", "quantite saisie", "qte",
	},
	fieldUnit: {
		"unit", "units", "uom", "unit of measure", "unit of measurement", "unidad", "unidad de medida", "unidades",
		"unidade", "unidade de medida", "unite", "unite de mesure", "unites",
	},
	fieldValue: {
		"value", "estimated value", "est value", "street value", "market value", "valor", "valor estimado",
		"valor de mercado", "valor aproximado", "valeur", "valeur estimee", "valeur marchande", "valeur approximative",
	},
	// A cigarette seizure's own make-up, where it is not the usual one.
	fieldSticksPerPack: {
		"sticks per pack", "cigarettes per pack", "sticks pack", "cigarrillos por cajetilla", "cigarrillos por paquete",
		"cigarros por maco", "cigarros por macos", "cigarettes par paquet", "cigarettes par etui",
	},
	fieldPacksPerCarton: {
		"packs per carton", "packs carton", "cajetillas por carton", "paquetes por carton", "macos por pacote",
		"macos por carton", "macos por cartao", "paquets par cartouche", "etuis par cartouche",
	},
	fieldCartonsPerCase: {
		"cartons per master case", "cartons per case", "cartons master case", "cartones por caja", "cartones por caja master",
		"pacotes por caixa", "pacotes por caixa master", "cartoes por caixa", "cartouches par caisse", "cartouches par caisse master",
	},
	fieldCurrency: {"currency", "ccy", "cur", "moneda", "divisa", "moeda", "devise", "monnaie", "currency code", "codigo de moneda"},
	fieldTransportMode: {
		"transport mode", "mode of transport", "transport", "mode", "means of transport", "conveyance",
		"modo de transporte", "medio de transporte", "modalidad de transporte", "via", "via de transporte", "modo",
		"modal", "modal de transporte", "meio de transporte", "mode de transport", "moyen de transport", "vecteur",
	},
	fieldConcealment: {
		"concealment", "concealment method", "method of concealment", "hiding place", "modus operandi", "mo",
		"ocultacion", "metodo de ocultacion", "forma de ocultacion", "ocultamiento", "ocultacao", "metodo de ocultacao",
		"ocultamento", "forma de ocultacao", "dissimulation", "mode de dissimulation", "methode de dissimulation", "cache",
	},
	fieldDetection: {
		"detection", "detection method", "method of detection", "how detected", "deteccion", "metodo de deteccion",
		"forma de deteccion", "deteccao", "metodo de deteccao", "forma de deteccao", "methode de detection",
		"mode de detection", "moyen de detection",
	},
	fieldContainers: {
		"container", "containers", "container number", "container numbers", "container no", "container nr", "cntr", "cntr no",
		"contenedor", "contenedores", "numero de contenedor", "n contenedor", "no contenedor", "num contenedor",
		"contentor", "contentores", "conteiner", "conteineres", "numero do contentor", "numero do conteiner", "n conteiner",
		"conteneur", "conteneurs", "numero de conteneur", "n conteneur", "no conteneur",
	},
	fieldSeals: {
		"seal", "seals", "seal number", "seal numbers", "seal no", "precinto", "precintos", "numero de precinto",
		"lacre", "lacres", "selo", "selos", "numero do lacre", "scelle", "scelles", "plomb", "plombs", "numero de scelle",
	},
	fieldTransportDocument: {
		"bill of lading", "b l", "bl", "bol", "awb", "air waybill", "airway bill", "transport document", "bl awb", "b l awb",
		"bl number", "awb number", "conocimiento de embarque", "conocimiento", "guia aerea", "documento de transporte",
		"conhecimento de embarque", "conhecimento", "conhecimento aereo", "connaissement", "lta",
		"lettre de transport aerien", "document de transport",
	},
	fieldOrigin: {
		"origin", "origin country", "country of origin", "from", "origen", "pais de origen", "procedencia",
		"origem", "pais de origem", "origine", "pays d origine", "pays origine", "provenance", "pays de provenance",
	},
	fieldTransit: {
		"transit", "transit country", "transit countries", "via countries", "transito", "pais de transito",
		"paises de transito", "pays de transit", "transit par",
	},
	fieldDestination: {
		"destination", "destination country", "country of destination", "to", "destino", "pais de destino",
		"pays de destination", "pays destination",
	},
	fieldNotes: {
		"notes", "note", "remarks", "comments", "comment", "observations", "observaciones", "observacion", "comentarios",
		"notas", "observacoes", "observacao", "comentarios", "remarques", "remarque", "commentaires",
	},
}

// weightHeaders are columns that give a quantity in kilograms unless their
// title names another unit: "Weight", "Peso neto (kg)", "Poids".
var weightHeaders = []string{
	"weight", "net weight", "gross weight", "weight kg", "peso", "peso neto", "peso bruto", "peso liquido",
	"poids", "poids net", "poids brut",
}

var headerIndex = func() map[string]sheetField {
	m := map[string]sheetField{}
	for f, names := range headerSynonyms {
		for _, n := range names {
			m[n] = f
		}
	}
	for _, n := range weightHeaders {
		m[n] = fieldQuantity
	}
	return m
}()

// maxTitle is the longest column title looked up: the longest known is
// under 40 characters, with room for a unit and some words around it.
const maxTitle = 80

// sheetColumn is a column of the spreadsheet and the field it fills.
type sheetColumn struct {
	Title string     // as written in the file
	Field sheetField // fieldNone when not recognised
	// Hint is a unit word or currency the title gives its values:
	// "Cantidad (kg)", "Valor (EUR)", or kilograms for a weight.
	Hint string
}

// matchHeader finds the field a column title names. A unit or currency in
// brackets or after the title ("Quantity (kg)", "Valor EUR", "Poids en
// kg") is kept as a hint for the column's values.
func matchHeader(title string) sheetColumn {
	c := sheetColumn{Title: strings.TrimSpace(title)}
	if len(title) > maxTitle {
		return c // not a column title: a sentence, or a whole line
	}
	name := sheetFold(title)
	if f, ok := headerIndex[name]; ok {
		c.Field = f
		if isWeight(name) {
			c.Hint = string(model.Kilogram)
		}
		return c
	}
	// Split off a bracketed or trailing unit or currency.
	words := strings.Fields(name)
	for cut := len(words) - 1; cut >= 1; cut-- {
		head := strings.Join(words[:cut], " ")
		head = strings.TrimSuffix(strings.TrimSuffix(head, " en"), " in")
		tail := strings.Join(words[cut:], " ")
		f, ok := headerIndex[head]
		if !ok {
			continue
		}
		switch f {
		case fieldQuantity:
			if _, ok := parseUnitWord(tail, ""); ok {
				// The word, not the unit: "Cantidad (paquetes)" counts
				// packs of cigarettes but packages of cocaine, which
				// each row's commodity decides.
				return sheetColumn{Title: c.Title, Field: f, Hint: tail}
			}
		case fieldValue:
			if cur, ok := currencyWord(tail); ok {
				return sheetColumn{Title: c.Title, Field: f, Hint: cur}
			}
		}
		if cut == len(words)-1 && (tail == "no" || tail == "nr" || tail == "n" || tail == "number" || tail == "numero" || tail == "num") {
			return sheetColumn{Title: c.Title, Field: f}
		}
	}
	return c
}

func isWeight(folded string) bool {
	for _, w := range weightHeaders {
		if w == folded {
			return true
		}
	}
	return false
}

// requiredColumns are the fields a spreadsheet of seizures cannot do without.
var requiredColumns = []sheetField{fieldDate, fieldDescription, fieldQuantity, fieldTransportMode}

// exampleTitles are the titles a message suggests for a missing column.
func exampleTitles(f sheetField) string {
	ex := map[sheetField]string{
		fieldDate:          `"Date", "Fecha", "Data" or "Date de saisie"`,
		fieldPlace:         `"Place", "Lugar", "Local" or "Lieu"`,
		fieldDescription:   `"Commodity", "Mercancía", "Mercadoria" or "Marchandise"`,
		fieldQuantity:      `"Quantity", "Cantidad", "Quantidade" or "Quantité"`,
		fieldUnit:          `"Unit", "Unidad", "Unidade" or "Unité" (or a unit in the quantity's title, "Quantity (kg)")`,
		fieldTransportMode: `"Transport mode", "Modo de transporte" or "Mode de transport"`,
	}[f]
	return ex
}
