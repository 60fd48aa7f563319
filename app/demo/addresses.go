package demo

import (
	"strconv"
	"strings"

	"bollard/model"
)

// streetPlan is how one country writes addresses: streets, and towns with
// their postcodes, in the order the country's post puts them. A street or
// town may carry its native spelling after a bar.
type streetPlan struct {
	streets []string
	towns   []string
	after   bool // number after the street ("Calle Mayor 3"), not before ("3 High Street")
}

var streetPlans = map[string]streetPlan{
	"ES": {[]string{"Calle de Alcalá", "Avenida de la Marina", "Polígono Industrial El Fresno, nave", "Calle Ancha", "Paseo de la Castellana", "Calle Real"},
		[]string{"28014 Madrid", "11201 Algeciras", "46024 Valencia", "41001 Sevilla", "29602 Marbella", "11300 La Línea de la Concepción"}, true},
	"NL": {[]string{"Waalhaven Zuidzijde", "Keizersgracht", "Europaweg", "Marconistraat", "Vierhavensstraat"},
		[]string{"3089 JH Rotterdam", "1017 EG Amsterdam", "5928 LX Venlo", "3199 LC Maasvlakte"}, true},
	"BE": {[]string{"Noorderlaan", "Italiëlei", "Frankrijklei", "Rue de la Loi", "Haven"},
		[]string{"2030 Antwerpen", "2000 Antwerpen", "1000 Bruxelles", "8380 Zeebrugge", "4460 Grâce-Hollogne"}, true},
	"DE": {[]string{"Große Elbstraße", "Königstraße", "Süderstraße", "Hafenstraße", "Gewerbepark Nord"},
		[]string{"20457 Hamburg", "04109 Leipzig", "60549 Frankfurt am Main", "22113 Hamburg"}, true},
	"GB": {[]string{"Thames Industrial Park, Unit", "High Street", "Cheetham Hill Road", "Dock Road", "Trafford Park Road"},
		[]string{"Dover CT16 1JA", "Manchester M8 8EP", "London E16 2QT", "Liverpool L20 8DA", "Newry BT35 6JA", "Felixstowe IP11 3SY"}, false},
	"IE": {[]string{"East Wall Road", "North Wall Quay", "Dublin Road"}, []string{"Dublin 3", "Dundalk, Co. Louth", "Drogheda, Co. Louth"}, false},
	"PL": {[]string{"ul. Marszałkowska", "ul. Żeromskiego", "ul. Świętokrzyska", "ul. Łąkowa"},
		[]string{"00-024 Warszawa", "90-001 Łódź", "80-001 Gdańsk", "21-500 Biała Podlaska"}, true},
	"LT": {[]string{"Gedimino pr.", "Savanorių pr.", "Žalgirio g."}, []string{"LT-01103 Vilnius", "LT-44001 Kaunas"}, true},
	"CY": {[]string{"Arch. Makariou III Avenue", "Spyrou Kyprianou Avenue"}, []string{"3030 Limassol", "1066 Nicosia"}, true},
	"PT": {[]string{"Rua Augusta", "Avenida da Liberdade", "Rua do Comércio"}, []string{"1100-048 Lisboa", "4050-253 Porto"}, true},
	"AE": {[]string{"Office 1204, JLT Cluster X,", "Business Centre, RAK Free Trade Zone, desk", "Warehouse, Jebel Ali Free Zone, plot"},
		[]string{"Dubai", "Ras Al Khaimah", "Sharjah"}, true},
	"TR": {[]string{"Atatürk Cad. No:", "İstiklal Cad. No:", "Gazi Mustafa Kemal Blv. No:"}, []string{"34394 Şişli, İstanbul", "33010 Akdeniz, Mersin", "34906 Pendik, İstanbul"}, true},
	"EC": {[]string{"Av. 9 de Octubre", "Km 4.5 vía a Daule, bodega", "Av. Francisco de Orellana"}, []string{"Guayaquil", "Machala", "Quevedo"}, true},
	"CO": {[]string{"Carrera 43A #", "Calle 10 Sur #", "Avenida Pedro de Heredia #"}, []string{"Medellín", "Cartagena", "Barranquilla", "Cali"}, true},
	"BR": {[]string{"Avenida Ana Costa", "Rua XV de Novembro", "Rua Amador Bueno"}, []string{"Santos – SP", "São Paulo – SP", "Guarujá – SP"}, true},
	"HK": {[]string{"Nathan Road, Flat 12B,", "Des Voeux Road Central, Room 1503,"}, []string{"Kowloon", "Hong Kong"}, true},
	"CN": {[]string{"Shennan Boulevard|深南大道", "Jiefang Avenue|解放大道", "Nanjing Road|南京路"}, []string{"Shenzhen|深圳", "Wuhan|武汉", "Shanghai|上海"}, true},
	"IN": {[]string{"Andheri East, MIDC", "Okhla Industrial Area, Phase II,", "Banjara Hills, Road No."}, []string{"Mumbai 400093", "New Delhi 110020", "Hyderabad 500034"}, true},
	"MX": {[]string{"Av. Insurgentes Sur", "Calzada Lázaro Cárdenas"}, []string{"03810 Ciudad de México", "44920 Guadalajara, Jal."}, true},
	"CA": {[]string{"Dundas St W", "Boulevard Saint-Laurent", "Granville St"}, []string{"Toronto ON M5T 1G4", "Montréal QC H2X 2T3", "Vancouver BC V6Z 1L2"}, false},
	"RU": {[]string{"ul. Tverskaya|ул. Тверская", "Leninsky prospekt|Ленинский проспект", "Nevsky prospekt|Невский проспект"},
		[]string{"Moscow|Москва", "Saint Petersburg|Санкт-Петербург", "Yekaterinburg|Екатеринбург"}, true},
	"KZ": {[]string{"Abay Avenue|проспект Абая", "Dostyk Avenue|проспект Достык"}, []string{"Almaty|Алматы", "Astana|Астана"}, true},
	"AM": {[]string{"Abovyan Street|Աբովյան փողոց", "Tigran Mets Avenue|Տիգրան Մեծի պողոտա"}, []string{"Yerevan|Երևան"}, true},
	"GH": {[]string{"Spintex Road", "Harbour Road"}, []string{"Accra", "Tema"}, true},
	"NG": {[]string{"Creek Road, Apapa,", "Trade Fair Complex, Block"}, []string{"Lagos"}, true},
	"MT": {[]string{"Triq il-Kbira", "Triq San Pawl"}, []string{"Ħal Qormi", "Il-Gżira"}, true},
}

// address draws a street address in a country; the native spelling, where
// the country writes another script, is returned as the alias.
func address(g *gen, country string) model.Entity {
	plan, ok := streetPlans[country]
	if !ok {
		plan, country = streetPlans["GB"], "GB"
	}
	ls, ns, nativeStreet := strings.Cut(pick(g, plan.streets), "|")
	lt, nt, nativeTown := strings.Cut(pick(g, plan.towns), "|")
	num := strconv.Itoa(g.between(1, 240))
	join := func(street, town string) string {
		if plan.after {
			return street + " " + num + ", " + town
		}
		return num + " " + street + ", " + town
	}
	e := model.Entity{Kind: model.KindAddress, Name: join(ls, lt), Country: country}
	if nativeStreet || nativeTown {
		if !nativeStreet {
			ns = ls
		}
		if !nativeTown {
			nt = lt
		}
		e.Aliases = []string{join(ns, nt)}
	}
	return e
}
