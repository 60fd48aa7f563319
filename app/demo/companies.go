package demo

import (
	"fmt"
	"strconv"
	"strings"

	"bollard/model"
)

// theme is the trade a company claims to be in, which decides its name.
type theme int

const (
	themeTrade theme = iota
	themeFruit
	themeLogistics
	themeChemical
	themePharma
	themeElectronics
	themeWaste
	themeHaulage
	themeShipping
	themeMotors
)

var themeWords = [...][]string{
	themeTrade:       {"Trading", "Global Trade", "Import Export", "Distribution", "Commodities", "Holdings", "Supply"},
	themeFruit:       {"Fresh Fruit", "Fruit Import", "Frutas", "Agro Export", "Tropical Produce", "Versimport"},
	themeLogistics:   {"Logistics", "Forwarding", "Cargo Solutions", "Freight Services", "Shipping Agency", "Customs Brokers"},
	themeChemical:    {"Chemical", "Fine Chemicals", "Biotech", "Pigments", "Pharmaceutical Intermediates"},
	themePharma:      {"Pharma", "Healthcare", "Medical Supplies", "Lifesciences", "Generics"},
	themeElectronics: {"Electronics", "Components", "Tech", "Semiconductors", "Telecom", "Industrial Automation"},
	themeWaste:       {"Recycling", "Metals & Recycling", "Second-Hand Goods", "Enviro Services", "Used Appliances"},
	themeHaulage:     {"Transport", "Trans", "Spedition", "Logistik", "Haulage"},
	themeShipping:    {"Reefer Management", "Ship Management", "Maritime", "Shipholding"},
	themeMotors:      {"Motors", "Auto Export", "Cars & Parts", "Vehicle Trading"},
}

var companyCores = []string{
	"Nova", "Atlas", "Meridian", "Orion", "Vega", "Delta", "Polaris", "Trident", "Zenith", "Aurora",
	"Castellana", "Lusitânia", "Hanseatic", "Adriática", "Nordvik", "Sirius", "Kestrel", "Arcadia",
	"Helios", "Costa Verde", "Pacífico", "Los Ríos", "San Andrés", "Scheldt", "Noordzee", "Iberia",
	"Baltic", "Côte d'Opale", "Eurasia", "Silk Road", "Bosphorus", "Caspian", "Condor", "Cóndor Andino",
	"Quetzal", "Mistral", "Levante", "Tramontana", "Albatros", "Goldcrest", "Phoenix", "Pinnacle",
}

// companyForm is how one country writes its companies: legal suffixes and
// the shape of its register, VAT and EORI numbers.
type companyForm struct {
	suffixes []string // legal form after the name; a form ending in a space goes before it ("PT ")
	reg      func(g *gen) string
	vat      func(g *gen, reg string) string // "" when the country has none a customs file would show
	eori     func(g *gen, reg, vat string) string
}

var companyForms = map[string]companyForm{
	"ES": {[]string{"S.L.", "S.L.", "S.A."}, func(g *gen) string { return "B" + g.digits(8) },
		func(g *gen, reg string) string { return "ES" + reg }, func(g *gen, reg, vat string) string { return vat }},
	"NL": {[]string{"B.V."}, func(g *gen) string { return g.digits(8) },
		func(g *gen, reg string) string { return "NL" + g.digits(9) + "B01" },
		func(g *gen, reg, vat string) string { return vat[:11] }},
	"BE": {[]string{"BV", "NV", "SRL"}, belgianEnterpriseNumber,
		func(g *gen, reg string) string { return "BE" + reg }, func(g *gen, reg, vat string) string { return vat }},
	"DE": {[]string{"GmbH", "GmbH", "UG (haftungsbeschränkt)", "GmbH & Co. KG"}, func(g *gen) string { return "HRB " + g.digits(6) },
		func(g *gen, reg string) string { return "DE" + g.digits(9) }, func(g *gen, reg, vat string) string { return "DE" + g.digits(7) }},
	"PL": {[]string{"Sp. z o.o."}, func(g *gen) string { return "KRS 0000" + g.digits(6) },
		func(g *gen, reg string) string { return "PL" + g.digits(10) }, func(g *gen, reg, vat string) string { return vat + "00000" }},
	"GB": {[]string{"Ltd", "Limited", "Ltd"}, func(g *gen) string { return g.pattern(pick(g, []string{"99999999", "SC999999", "NI999999"})) },
		func(g *gen, reg string) string { return "GB" + g.digits(9) }, func(g *gen, reg, vat string) string { return vat + "000" }},
	"PT": {[]string{"Lda.", "Unipessoal Lda."}, func(g *gen) string { return "5" + g.digits(8) },
		func(g *gen, reg string) string { return "PT" + reg }, func(g *gen, reg, vat string) string { return vat }},
	"CZ": {[]string{"s.r.o."}, func(g *gen) string { return g.digits(8) },
		func(g *gen, reg string) string { return "CZ" + reg }, func(g *gen, reg, vat string) string { return vat }},
	"SK": {[]string{"s.r.o."}, func(g *gen) string { return g.digits(8) },
		func(g *gen, reg string) string { return "SK20" + g.digits(8) }, func(g *gen, reg, vat string) string { return vat }},
	"HU": {[]string{"Kft."}, func(g *gen) string { return "01-09-" + g.digits(6) },
		func(g *gen, reg string) string { return "HU" + g.digits(8) }, func(g *gen, reg, vat string) string { return vat }},
	"LT": {[]string{"UAB"}, func(g *gen) string { return "30" + g.digits(7) },
		func(g *gen, reg string) string { return "LT100" + g.digits(9) }, func(g *gen, reg, vat string) string { return "LT" + reg }},
	"CY": {[]string{"Ltd"}, func(g *gen) string { return "HE" + g.digits(6) },
		func(g *gen, reg string) string { return "CY" + g.digits(8) + g.letters(1) }, func(g *gen, reg, vat string) string { return vat }},
	"IE": {[]string{"Ltd", "DAC"}, func(g *gen) string { return g.digits(6) },
		func(g *gen, reg string) string { return "IE" + g.digits(7) + g.letters(1) }, func(g *gen, reg, vat string) string { return vat }},
	"LU": {[]string{"S.à r.l.", "S.A."}, func(g *gen) string { return "B" + g.digits(6) },
		func(g *gen, reg string) string { return "LU" + g.digits(8) }, nil},
	"EC": {[]string{"S.A.", "Cía. Ltda."}, func(g *gen) string { return "09" + g.digits(8) + "001" }, nil, nil},
	"CO": {[]string{"S.A.S.", "S.A.S.", "Ltda."}, func(g *gen) string { return g.pattern("9009999999-9") }, nil, nil},
	"BR": {[]string{"Ltda.", "S.A.", "Eireli"}, func(g *gen) string { return g.pattern("99.999.999/0001-99") }, nil, nil},
	"MX": {[]string{"S.A. de C.V.", "S. de R.L. de C.V."}, func(g *gen) string { return g.pattern("AAA2999999XX9") }, nil, nil},
	"CA": {[]string{"Inc.", "Ltd."}, func(g *gen) string { return g.digits(9) + "RC0001" }, nil, nil},
	"US": {[]string{"LLC", "Inc.", "Corp."}, func(g *gen) string { return g.pattern("99-9999999") }, nil, nil},
	"HK": {[]string{"Limited", "Trading Limited", "Co., Limited"}, func(g *gen) string { return g.digits(8) }, nil, nil},
	"SG": {[]string{"Pte. Ltd."}, func(g *gen) string { return g.pattern("20199999A") }, nil, nil},
	"IN": {[]string{"Pvt. Ltd.", "Private Limited", "Exports"}, func(g *gen) string { return g.pattern("U24299MH2019PTC999999") },
		func(g *gen, reg string) string { return g.pattern("27AAAAA9999A1Z9") }, nil},
	"AE": {[]string{"FZE", "FZCO", "General Trading LLC", "DMCC"}, func(g *gen) string {
		return g.pattern(pick(g, []string{"DMCC-999999", "JAFZA 99999", "RAKEZ 9999999"}))
	},
		func(g *gen, reg string) string { return "100" + g.digits(9) + "00003" }, nil},
	"TR": {[]string{"Dış Ticaret Ltd. Şti.", "Elektronik San. ve Tic. A.Ş.", "Lojistik Ltd. Şti."}, func(g *gen) string { return "MERSİS 0" + g.digits(15) },
		func(g *gen, reg string) string { return g.digits(10) }, nil},
	"GH": {[]string{"Ltd", "Company Limited"}, func(g *gen) string { return "CS" + g.digits(9) }, nil, nil},
	"NG": {[]string{"Nigeria Limited", "Ltd"}, func(g *gen) string { return "RC " + g.digits(7) }, nil, nil},
	"PA": {[]string{"S.A.", "Inc."}, func(g *gen) string { return "Folio " + g.digits(6) }, nil, nil},
	"MT": {[]string{"Ltd"}, func(g *gen) string { return "C " + g.digits(5) },
		func(g *gen, reg string) string { return "MT" + g.digits(8) }, nil},
	"MY": {[]string{"Sdn. Bhd."}, func(g *gen) string { return "2019010" + g.digits(5) }, nil, nil},
	"GR": {[]string{"S.A.", "Shipping Co.", "Maritime S.A."}, func(g *gen) string { return "GEMI " + g.digits(12) },
		func(g *gen, reg string) string { return "EL" + g.digits(9) }, nil},
	"FI": {[]string{"Oy", "Oy Ab"}, func(g *gen) string { return g.pattern("9999999-9") },
		func(g *gen, reg string) string { return "FI" + reg[:7] + reg[8:] }, func(g *gen, reg, vat string) string { return vat }},
	"AL": {[]string{"sh.p.k."}, func(g *gen) string { return g.pattern("L99999999A") }, nil, nil},
	"CI": {[]string{"SARL", "SA"}, func(g *gen) string { return g.pattern("CI-ABJ-2019-B-99999") }, nil, nil},
	"VN": {[]string{"Co., Ltd", "Joint Stock Company"}, func(g *gen) string { return g.digits(10) }, nil, nil},
	"PK": {[]string{"(Pvt.) Ltd."}, func(g *gen) string { return g.digits(7) }, nil, nil},
	"ID": {[]string{"PT "}, func(g *gen) string { return "NIB " + g.digits(13) }, nil, nil},
}

// belgianEnterpriseNumber is a KBO/BCE number: 0, seven digits, and two
// check digits that make the first eight leave 97 minus them modulo 97.
func belgianEnterpriseNumber(g *gen) string {
	base := "0" + g.from("123456789", 1) + g.digits(6)
	n, _ := strconv.Atoi(base)
	return fmt.Sprintf("%s%02d", base, 97-n%97)
}

// Names in other scripts: the Latin transliteration then the native form.
var (
	russianCores = []string{"Tekhnosnab|Техноснаб", "Promresurs|Промресурс", "Elektronkomplekt|Электронкомплект",
		"Spetsmash|Спецмаш", "Avtokomponent|Автокомпонент", "Radiodetal|Радиодеталь", "Severtrans|Севертранс",
		"Uralpribor|Уралприбор", "Volgatekh|Волгатех", "Baltpostavka|Балтпоставка", "Mikroelektronika|Микроэлектроника"}
	russianForms = []string{"OOO|ООО", "OOO|ООО", "AO|АО"}
	kazakhCores  = []string{"Kazimpex|Казимпекс", "Altyn Trade|Алтын Трейд", "Step Logistik|Степь Логистик", "Asia Komponent|Азия Компонент"}
	armenCores   = []string{"Ararat Tech|Արարատ Տեխ", "Sevan Trade|Սևան Թրեյդ", "Hayastan Electronics|Հայաստան Էլեկտրոնիքս"}
	chineseCity  = []string{"Shenzhen|深圳市", "Wuhan|武汉市", "Shanghai|上海", "Hubei|湖北", "Guangzhou|广州市"}
	chineseBrand = []string{"Huaxin|华信", "Jiayuan|嘉源", "Tianrui|天瑞", "Xinsheng|鑫盛", "Kaifeng|凯丰", "Hongda|宏达", "Yuanshun|远顺"}
	chineseTrade = map[theme]string{themeChemical: "Chemical|化工", themePharma: "Pharmaceutical|医药", themeElectronics: "Electronics|电子", themeLogistics: "Supply Chain|供应链"}
)

// company draws an organisation of a country in a trade, with its
// register, VAT and EORI numbers and, for a few, an LEI.
func company(g *gen, country string, th theme) model.Entity {
	e := model.Entity{Kind: model.KindOrganisation, Country: country}
	switch country {
	case "RU", "BY":
		form, core := pick(g, russianForms), pick(g, russianCores)
		lf, nf, _ := strings.Cut(form, "|")
		lc, nc, _ := strings.Cut(core, "|")
		native, latin := nf+" «"+nc+"»", lf+" "+lc
		if g.chance(0.5) {
			e.Name, e.Aliases = native, []string{latin, lf + ` "` + lc + `"`}
		} else {
			e.Name, e.Aliases = latin, []string{native}
		}
		e.RegistrationNumber = "OGRN 1" + g.digits(12)
		e.VATNumber = "INN " + g.digits(10)
		return e
	case "KZ", "AM":
		cores, lf, nf := kazakhCores, "TOO", "ТОО"
		if country == "AM" {
			cores, lf, nf = armenCores, "LLC", "ՍՊԸ"
		}
		lc, nc, _ := strings.Cut(pick(g, cores), "|")
		e.Name, e.Aliases = lf+" "+lc, []string{nf + " «" + nc + "»"}
		e.RegistrationNumber = "BIN " + g.digits(12)
		if country == "AM" {
			e.RegistrationNumber = "TIN " + g.digits(8)
		}
		return e
	case "CN":
		lcity, ncity, _ := strings.Cut(pick(g, chineseCity), "|")
		lb, nb, _ := strings.Cut(pick(g, chineseBrand), "|")
		trade, ok := chineseTrade[th]
		if !ok {
			trade = "Trading|贸易"
		}
		lt, nt, _ := strings.Cut(trade, "|")
		e.Name = lcity + " " + lb + " " + lt + " Co., Ltd."
		e.Aliases = []string{ncity + nb + nt + "有限公司"}
		e.RegistrationNumber = "USCC 91" + g.digits(4) + g.pattern("00MAXXXXXXXX")
		return e
	}
	form, ok := companyForms[country]
	if !ok {
		form = companyForms["GB"]
	}
	name := pick(g, companyCores) + " " + pick(g, themeWords[th])
	if g.chance(0.3) {
		name = pick(g, companyCores) + " " + name
	}
	if suffix := pick(g, form.suffixes); strings.HasSuffix(suffix, " ") {
		e.Name = suffix + name
	} else {
		e.Name = name + " " + suffix
	}
	if hasNonASCII(e.Name) && g.chance(0.4) {
		e.Aliases = []string{foldASCII.Replace(e.Name)}
	}
	e.RegistrationNumber = form.reg(g)
	if form.vat != nil {
		e.VATNumber = form.vat(g, e.RegistrationNumber)
	}
	if form.eori != nil && e.VATNumber != "" && g.chance(0.8) {
		e.EORI = form.eori(g, e.RegistrationNumber, e.VATNumber)
	}
	if g.chance(0.15) {
		e.LEI = lei(g)
	}
	return e
}
