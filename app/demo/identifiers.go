package demo

import (
	"fmt"
	"strconv"
	"strings"

	"bollard/model"
)

// Every identifier here is built to pass the check the model enforces
// (ISO 6346, IMO, IBAN mod-97, LEI mod-97, VIN), using the model's own
// check-digit functions where it exports them, so a demo record is never
// refused for a made-up number.

// carrier is a container shipping line: the owner code on its boxes, the
// prefix of its bills of lading and of its bolt seals.
type carrier struct {
	owners   []string // ISO 6346 owner codes (category U)
	blPrefix string
	seal     string // pattern of its seal numbers
}

var carriers = []carrier{
	{[]string{"MSCU", "MEDU", "MSDU", "MSMU"}, "MEDU", "FX99999999"},
	{[]string{"MAEU", "MSKU", "MNBU", "MRKU"}, "", "ML-AA9999999"},
	{[]string{"CMAU", "CGMU", "TGHU"}, "CMAU", "C999999"},
	{[]string{"HLXU", "HLBU", "HAMU"}, "HLCU", "HLB9999999"},
	{[]string{"SUDU", "MNBU"}, "SUDU", "SUD999999"},
	{[]string{"ONEU", "TCLU", "SEGU"}, "ONEY", "ONE999999"},
	{[]string{"OOLU", "TRIU", "CAIU"}, "OOLU", "OOL9999999"},
	{[]string{"EGHU", "TEMU", "TRLU"}, "EGLV", "EMC9999999"},
}

// container returns a valid ISO 6346 number of one of the carrier's owner codes.
func container(g *gen, c carrier) string {
	first := pick(g, c.owners) + g.digits(6)
	d, err := model.ContainerCheckDigit(first)
	if err != nil {
		panic("demo: " + err.Error()) // the owner codes above are all category U
	}
	return first + string(rune('0'+d))
}

// billOfLading returns a bill of lading number in the carrier's style.
func billOfLading(g *gen, c carrier, origin string) string {
	if c.blPrefix == "" { // Maersk: nine digits
		return g.digits(9)
	}
	return c.blPrefix + origin[2:5] + g.digits(7)
}

// seal returns a bolt-seal number in the carrier's style.
func seal(g *gen, c carrier) string { return g.pattern(c.seal) }

// customsSeal returns the number of a seal an agency put on after an inspection.
func customsSeal(g *gen, country string) string { return country + "-CUS-" + g.digits(7) }

// imo returns a valid IMO number of a ship built since the 1990s.
func imo(g *gen) string {
	first := "9" + g.digits(5)
	d, _ := model.IMOCheckDigit(first)
	return first + string(rune('0'+d))
}

// flagState is a flag register: its country, its maritime identification
// digits (the first three of an MMSI) and its call-sign prefix.
type flagState struct {
	country string
	mids    []string
	call    string // call-sign pattern
}

var flagStates = []flagState{
	{"PA", []string{"351", "352", "353", "354", "355", "356", "357", "370", "371", "372", "373"}, "3EAA9"},
	{"LR", []string{"636"}, "D5AA9"},
	{"MH", []string{"538"}, "V7AA9"},
	{"MT", []string{"215", "229", "248", "249", "256"}, "9HA999"},
	{"PT", []string{"255"}, "CQAA9"},
	{"SG", []string{"563", "564", "565", "566"}, "9VAA9"},
	{"AG", []string{"304", "305"}, "V2AA9"},
	{"CY", []string{"209", "210", "212"}, "5BAA9"},
	{"GR", []string{"237", "239", "240", "241"}, "SVAA9"},
	{"DE", []string{"211", "218"}, "DAAA9"},
	{"DK", []string{"219", "220"}, "OZAA9"},
	{"BS", []string{"308", "309", "311"}, "C6AA9"},
	{"HK", []string{"477"}, "VRAA9"},
}

// vesselNames are made up from the naming habits of container lines and reefer operators.
var (
	vesselPrefixes = []string{"MSC", "MAERSK", "CAP", "SEALAND", "CMA CGM", "NORTHERN", "BALTIC", "ATLANTIC", "STAR", "SANTA", "POLAR", "COOL", "HANSA", "ONE", "EVER"}
	vesselWords    = []string{"ILONA", "ARIANE", "LUCIANA", "KOTKA", "SAN LORENZO", "GUAYAS", "ESMERALDA", "ISABELA", "TAURUS", "FORTUNE",
		"CARMEN", "VALPARAISO", "ORINOCO", "AURORA", "KLIPPER", "SPIRIT", "HARMONY", "VIGOR", "MAGDALENA", "PACIFIC", "LIBERTAD", "ELBE", "SCHELDE"}
)

// vessel draws a container ship or reefer with valid IMO, its MMSI, call sign and flag.
func vessel(g *gen) model.Entity {
	f := pick(g, flagStates)
	name := pick(g, vesselPrefixes) + " " + pick(g, vesselWords)
	if g.chance(0.3) {
		name += " " + pick(g, []string{"II", "III", "V", "1", "7"})
	}
	kind := pick(g, []string{"container ship", "container ship", "reefer vessel", "feeder container ship"})
	teu := g.between(8, 240) * 100
	return model.Entity{
		Kind:  model.KindVessel,
		Name:  name,
		Notes: fmt.Sprintf("%s, about %d TEU; AIS gaps reported off the coast on earlier voyages", kind, teu),
		Identifiers: model.Identifiers{
			IMO: imo(g), MMSI: pick(g, f.mids) + g.digits(6), CallSign: g.pattern(f.call), Flag: f.country,
		},
	}
}

// ibanFormat is how one country builds the account part of its IBANs:
// bank codes and a pattern for the rest.
type ibanFormat struct {
	banks []string
	rest  string
}

var ibanFormats = map[string]ibanFormat{
	"ES": {[]string{"2100", "0049", "0182", "0081", "2080"}, "9999999999999999"},
	"NL": {[]string{"ABNA", "INGB", "RABO", "TRIO", "BUNQ", "KNAB"}, "9999999999"},
	"BE": {[]string{"001", "068", "363", "735"}, "999999999"},
	"DE": {[]string{"37040044", "10070000", "20050550", "50010517"}, "9999999999"},
	"GB": {[]string{"BARC", "HBUK", "NWBK", "LOYD", "MONZ", "REVO"}, "99999999999999"},
	"PT": {[]string{"0033", "0035", "0007"}, "99999999999999999"},
	"PL": {[]string{"10201026", "11402004", "10501445"}, "9999999999999999"},
	"LT": {[]string{"32500", "35000", "37500"}, "99999999999"},
	"CY": {[]string{"002", "005"}, "999999999999999999999"},
	"CZ": {[]string{"0800", "0100", "2010"}, "9999999999999999"},
	"HU": {[]string{"117", "104", "120"}, "999999999999999999999"},
	"MT": {[]string{"VALL", "MALT"}, "99999999999999999999999"},
	"AE": {[]string{"033", "026", "035"}, "9999999999999999"},
	"TR": {[]string{"00010", "00046", "00064"}, "99999999999999999"},
	"KZ": {[]string{"722", "601", "998"}, "9999999999999"},
	"GE": {[]string{"BG", "TB"}, "9999999999999999"},
	"BR": {[]string{"00000000", "60701190"}, "999999999999999C1"},
	"LU": {[]string{"001", "002"}, "9999999999999"},
}

// iban returns a valid IBAN of a country in ibanFormats.
func iban(g *gen, country string) string {
	f, ok := ibanFormats[country]
	if !ok {
		country, f = "LT", ibanFormats["LT"] // e-money institutions in Vilnius serve every shell company
	}
	bban := pick(g, f.banks) + g.pattern(f.rest)
	check, err := model.IBANCheckDigits(country, bban)
	if err != nil {
		panic("demo: " + err.Error()) // the formats above have their registry lengths
	}
	return country + check + bban
}

// lei returns a valid ISO 17442 LEI: a four-character issuer prefix,
// two zeros, twelve characters and the two mod-97 check digits.
func lei(g *gen) string {
	base := pick(g, []string{"5493", "2138", "9845", "8156", "3912", "7245"}) + "00" + g.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 12)
	check, err := model.LEICheckDigits(base)
	if err != nil {
		panic(err) // the base is built above from capitals and digits
	}
	return base + check
}

// truckMake is a maker of tractor units or trailers, with its world manufacturer identifier.
type truckMake struct {
	name, wmi string
	models    []string
}

var (
	tractorMakes = []truckMake{
		{"Scania", "YS2", []string{"R 450", "S 500", "R 410"}},
		{"Volvo", "YV2", []string{"FH 500", "FH 460", "FM 420"}},
		{"DAF", "XLR", []string{"XF 480", "XG 530", "CF 450"}},
		{"MAN", "WMA", []string{"TGX 18.510", "TGX 18.470"}},
		{"Mercedes-Benz", "WDB", []string{"Actros 1845", "Actros 1851"}},
		{"Iveco", "ZCF", []string{"S-Way 490", "Stralis 480"}},
	}
	trailerMakes = []truckMake{
		{"Schmitz Cargobull", "WSM", []string{"SKO 24 reefer trailer", "S.CS curtainsider"}},
		{"Krone", "WKE", []string{"Cool Liner", "Profi Liner curtainsider"}},
		{"Kögel", "WK0", []string{"Cargo curtainsider"}},
		{"Chereau", "VN1", []string{"Inogam reefer trailer"}},
	}
)

// vin returns a 17-character VIN for a maker with its check digit in
// position 9, valid wherever the check is enforced.
func vin(g *gen, wmi string) string {
	const chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	v := []byte(wmi + g.from(chars, 5) + "0" + g.from("ABCDEFGHJKLMNPRSTVWXY123456789", 1) + g.from(chars, 1) + g.digits(6))
	d, err := model.VINCheckDigit(string(v))
	if err != nil {
		panic("demo: " + err.Error())
	}
	v[8] = d
	return string(v)
}

// platePatterns are the shapes of number plates of the countries whose
// lorries cross to the UK.
var platePatterns = map[string][]string{
	"PL": {"WGM 9999A", "PO 9AA99", "WPR 99999", "EL 9A999"},
	"LT": {"AAA 999", "HAA 999"},
	"RO": {"B 999 AAA", "CJ 99 AAA", "TM 99 AAA"},
	"BG": {"CA 9999 AA", "PB 9999 AA"},
	"NL": {"99-AAA-9", "BA-999-A"},
	"BE": {"1-AAA-999"},
	"GB": {"AA99 AAA"},
	"IE": {"231-D-99999", "221-LH-9999", "192-MN-999"},
	"ES": {"9999 AAA"},
	"DE": {"HH-AA 999", "L-AA 9999"},
}

// plate returns a number plate of a country.
func plate(g *gen, country string) string {
	p, ok := platePatterns[country]
	if !ok {
		p = platePatterns["PL"]
	}
	return g.pattern(pick(g, p))
}

// airWaybill returns an air waybill number: the airline's three-digit
// prefix and a serial whose eighth digit is the first seven modulo 7.
func airWaybill(g *gen) string {
	prefix := pick(g, []string{"020", "172", "157", "176", "618", "180", "297", "781", "999", "423", "615"})
	serial := g.digits(7)
	n, _ := strconv.Atoi(serial) // not fmt.Sscan: it would read a leading 0 as octal
	return fmt.Sprintf("%s-%s%d", prefix, serial, n%7)
}

// phonePlans are the mobile numbers of each country, as written on a
// seized phone's SIM card sleeve or a subscriber record.
var phonePlans = map[string]string{
	"ES": "+34 6AA 999 999", "NL": "+31 6 9999 9999", "BE": "+32 47A 99 99 99", "DE": "+49 15A 9999999",
	"GB": "+44 7A99 999999", "IE": "+353 8A 999 9999", "PL": "+48 5AA 999 999", "LT": "+370 6AA 99999",
	"RO": "+40 7AA 999 999", "CO": "+57 3AA 999 9999", "EC": "+593 9A 999 9999", "BR": "+55 13 9A999 9999",
	"MX": "+52 1 33 9999 9999", "CA": "+1 416 A99 9999", "US": "+1 305 A99 9999", "RU": "+7 9AA 999 99 99",
	"KZ": "+7 70A 999 99 99", "AM": "+374 9A 999999", "TR": "+90 5AA 999 99 99", "AE": "+971 5A 999 9999",
	"CN": "+86 13A 9999 9999", "IN": "+91 9AAAA 99999", "HK": "+852 9A99 9999", "GH": "+233 2A 999 9999",
	"NG": "+234 80A 999 9999", "AL": "+355 6A 999 9999", "PT": "+351 91A 999 999", "GR": "+30 69A 999 9999",
}

// phone returns a mobile number of a country in its written form.
func phone(g *gen, country string) string {
	p, ok := phonePlans[country]
	if !ok {
		p = phonePlans["ES"]
	}
	// In these plans A stands for a non-zero digit, so numbers look dialable.
	g.buf = g.buf[:0]
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '9':
			g.buf = append(g.buf, byte('0'+g.n(10)))
		case 'A':
			g.buf = append(g.buf, byte('1'+g.n(9)))
		default:
			g.buf = append(g.buf, c)
		}
	}
	return string(g.buf)
}

// wallet returns a crypto-currency address and the network it is on.
func wallet(g *gen) (address, network string) {
	const base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
	const bech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
	switch g.n(3) {
	case 0:
		return "T" + g.from(base58, 33), "USDT (TRC-20) on Tron"
	case 1:
		return "bc1q" + g.from(bech32, 38), "Bitcoin"
	}
	return "0x" + strings.ToLower(g.from("0123456789ABCDEF", 40)), "USDT (ERC-20) on Ethereum"
}

// emailOf builds an e-mail address for a person or company name.
func emailOf(g *gen, name string, domains []string) string {
	local := slug(name, ".")
	if len(local) > 24 {
		local = local[:24]
	}
	local = strings.Trim(local, ".")
	if local == "" {
		local = "info"
	}
	if g.chance(0.3) {
		local += g.digits(2)
	}
	return local + "@" + pick(g, domains)
}

// slug lowers a name to ASCII letters and digits joined by sep.
func slug(name, sep string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(foldASCII.Replace(name)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if gap && b.Len() > 0 {
				b.WriteString(sep)
			}
			gap = false
			b.WriteRune(r)
		default:
			gap = true
		}
	}
	return b.String()
}

// Mail domains: webmail for people, a company's own domain for companies.
var webmail = []string{"gmail.com", "protonmail.com", "outlook.com", "yandex.ru", "mail.ru", "hotmail.es", "qq.com", "163.com", "tutanota.com"}

// companyDomain is the web domain a company trades under.
func companyDomain(g *gen, name string) string {
	s := slug(name, "-")
	for _, suffix := range []string{"-s-l", "-b-v", "-gmbh", "-ltd", "-limited", "-sp-z-o-o", "-s-a", "-llc", "-fze", "-fzco", "-inc"} {
		s = strings.TrimSuffix(s, suffix)
	}
	if len(s) > 28 {
		s = s[:28]
	}
	return strings.Trim(s, "-") + pick(g, []string{".com", ".net", ".eu", ".co", ".trade"})
}
