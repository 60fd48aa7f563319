package demo

import (
	"strings"
	"time"
	"unicode/utf8"

	"bollard/model"
)

// culture is how people of one nationality are named. A name may carry its
// native spelling after a bar, "Ivanov|Иванов": the entity is then named in
// Latin letters, as its passport's machine-readable zone has it, and the
// native spelling is kept as an alias, as it appears in registers and chats.
type culture struct {
	country      string
	male, female []string
	family       []string
	twoSurnames  bool                // Spanish-speaking: father's then mother's surname
	familyFirst  bool                // Chinese: the family name comes first
	feminine     func(string) string // a surname's female form, where it has one
	passport     string              // pattern of a passport number (see gen.pattern)
	nicknames    []string
}

var cultures = map[string]*culture{
	"ES": {country: "ES", passport: "AAA999999",
		male:      []string{"José Luis", "Íñigo", "Álvaro", "Raúl", "Jesús", "Andrés", "Sergio", "Rubén", "Adrián", "Joaquín"},
		female:    []string{"María", "Sofía", "Nuria", "Begoña", "Lucía", "Ainhoa", "Rocío", "Mónica"},
		family:    []string{"Muñoz", "Ibáñez", "García", "Fernández", "Martínez", "Sánchez", "Núñez", "Jiménez", "Domínguez", "Rodríguez", "Castaño", "Peña", "Gómez", "Benítez", "Márquez"},
		nicknames: []string{"el Gordo", "el Nene", "Chuli", "el Pelao", "Niño"}, twoSurnames: true},
	"CO": {country: "CO", passport: "AX999999",
		male:      []string{"Jhon Jairo", "Wílmer", "Édgar", "Fredy Alonso", "Yeison", "Hernán Darío", "Óscar Iván"},
		female:    []string{"Luz Dary", "Yésica", "Marisol", "Leidy Johana", "Ángela"},
		family:    []string{"Castañeda", "Ospina", "Quiñónez", "Zúñiga", "Mosquera", "Valencia", "Álvarez", "Londoño", "Cárdenas", "Restrepo"},
		nicknames: []string{"el Flaco", "Pecas", "el Paisa", "Mono", "el Costeño"}, twoSurnames: true},
	"EC": {country: "EC", passport: "A9999999",
		male:      []string{"Byron", "Édison", "Wálter", "Jefferson", "Kléber", "Fabián"},
		female:    []string{"Verónica", "Maribel", "Jessenia", "Gissela"},
		family:    []string{"Quiñónez", "Andrade", "Cedeño", "Zambrano", "Macías", "Mendoza", "Bravo", "Loor", "Intriago"},
		nicknames: []string{"el Negro", "Cholo", "Manaba"}, twoSurnames: true},
	"MX": {country: "MX", passport: "G99999999",
		male:      []string{"Héctor", "Jesús Alberto", "Ramón", "Efraín", "Aarón"},
		female:    []string{"Rosalía", "Guadalupe", "Itzel"},
		family:    []string{"Ramírez", "Hernández", "Villaseñor", "Ortíz", "Báez", "Téllez", "Núñez"},
		nicknames: []string{"el Químico", "Güero", "el Chapo Chico"}, twoSurnames: true},
	"BR": {country: "BR", passport: "AA999999",
		male:      []string{"João", "Gonçalo", "Sebastião", "Luís Henrique", "Márcio", "Thiago"},
		female:    []string{"Conceição", "Luíza", "Inês", "Cláudia"},
		family:    []string{"Gonçalves", "Magalhães", "Araújo", "Simões", "Guimarães", "Brandão", "Lourenço", "Assunção"},
		nicknames: []string{"Baiano", "Alemão", "Zé"}},
	"PT": {country: "PT", passport: "A999999",
		male:   []string{"João", "Gonçalo", "Tiago", "Rui", "Nuno"},
		female: []string{"Inês", "Conceição", "Beatriz"},
		family: []string{"Gonçalves", "Simões", "Loureiro", "Magalhães", "Fernandes", "Conceição"}},
	"NL": {country: "NL", passport: "XX9XX9XX9",
		male:      []string{"Daan", "Sven", "Bram", "Joost", "Ruud", "Mohamed", "Khalid", "Rachid"},
		female:    []string{"Fleur", "Sanne", "Naima", "Esmée"},
		family:    []string{"de Vries", "van den Berg", "Bakker", "Visser", "Smit", "van Dijk", "de Jong", "El Amrani", "Bouzid", "Ait Lahcen", "Koç"},
		nicknames: []string{"de Kapper", "Mo", "de Boer", "Limburger"}},
	"BE": {country: "BE", passport: "AA999999",
		male:   []string{"Jens", "Wout", "Kevin", "Jean-Luc", "Nordin", "Björn"},
		female: []string{"Lotte", "Elke", "Amélie"},
		family: []string{"Peeters", "Janssens", "Maes", "Claes", "Van Damme", "Wouters", "De Smet", "Lefèvre", "Benali"}},
	"DE": {country: "DE", passport: "CXXXXXXXX",
		male:   []string{"Jürgen", "Björn", "Jörg", "Günther", "Timo", "Dennis"},
		female: []string{"Käthe", "Jana", "Sabine", "Anja"},
		family: []string{"Müller", "Schröder", "Weiß", "Köhler", "Groß", "Hoffmann", "Schäfer", "Krüger", "Bäcker"}},
	"PL": {country: "PL", passport: "AA9999999",
		male:     []string{"Łukasz", "Wojciech", "Paweł", "Grzegorz", "Krzysztof", "Michał"},
		female:   []string{"Małgorzata", "Zofia", "Agnieszka", "Katarzyna"},
		family:   []string{"Wiśniewski", "Kowalczyk", "Wójcik", "Dąbrowski", "Zieliński", "Szymański", "Woźniak", "Kamiński"},
		feminine: polishFeminine},
	"LT": {country: "LT", passport: "99999999",
		male:   []string{"Mindaugas", "Darius", "Tomas", "Žilvinas", "Saulius"},
		female: []string{"Rūta", "Jurgita"},
		family: []string{"Kazlauskas", "Petrauskas", "Jankauskas", "Žukauskas", "Balčiūnas"}},
	"RO": {country: "RO", passport: "999999999",
		male:   []string{"Ionuț", "Mihai", "Bogdan", "Florin", "Ștefan"},
		female: []string{"Ioana", "Andreea"},
		family: []string{"Popescu", "Ionescu", "Dumitrescu", "Stănescu", "Țurcanu"}},
	"GB": {country: "GB", passport: "999999999",
		male:      []string{"Liam", "Connor", "Danny", "Gary", "Aidan", "Jamie"},
		female:    []string{"Shauna", "Kerry", "Niamh"},
		family:    []string{"O'Brien", "Murphy", "Hughes", "McAllister", "Doyle", "Walsh", "Quinn", "Patel"},
		nicknames: []string{"Big Dan", "the Builder", "Scouse"}},
	"IE": {country: "IE", passport: "AA9999999",
		male:   []string{"Seán", "Pádraig", "Ciarán", "Declan"},
		female: []string{"Aoife", "Siobhán"},
		family: []string{"Ó Súilleabháin", "Murphy", "Byrne", "McCarthy", "Ní Bhriain"}},
	"AL": {country: "AL", passport: "AA9999999",
		male:      []string{"Arben", "Ilir", "Ardit", "Gëzim", "Kujtim", "Dritan"},
		female:    []string{"Elira", "Besjana"},
		family:    []string{"Hoxha", "Krasniqi", "Çela", "Shehu", "Berisha", "Dervishi", "Gjoka"},
		nicknames: []string{"Dori", "Tony", "Kapo"}},
	"RU": {country: "RU", passport: "99 9999999",
		male:      []string{"Aleksei|Алексей", "Dmitry|Дмитрий", "Sergei|Сергей", "Mikhail|Михаил", "Igor|Игорь", "Vladimir|Владимир"},
		female:    []string{"Olga|Ольга", "Natalya|Наталья", "Yelena|Елена"},
		family:    []string{"Ivanov|Иванов", "Smirnov|Смирнов", "Kuznetsov|Кузнецов", "Volkov|Волков", "Sokolov|Соколов", "Morozov|Морозов", "Lebedev|Лебедев", "Orlov|Орлов"},
		feminine:  russianFeminine,
		nicknames: []string{"Sasha|Саша", "Dima|Дима", "Boroda|Борода"}},
	"KZ": {country: "KZ", passport: "N99999999",
		male:     []string{"Nurlan|Нурлан", "Yerlan|Ерлан", "Daniyar|Данияр"},
		female:   []string{"Aigerim|Айгерим", "Dana|Дана"},
		family:   []string{"Abenov|Абенов", "Seitkali|Сейткали", "Zhumabekov|Жумабеков", "Tokayev|Токаев"},
		feminine: russianFeminine},
	"AM": {country: "AM", passport: "AA9999999",
		male:   []string{"Armen|Արմեն", "Tigran|Տիգրան", "Hayk|Հայկ"},
		female: []string{"Anahit|Անահիտ", "Lilit|Լիլիթ"},
		family: []string{"Grigoryan|Գրիգորյան", "Hovhannisyan|Հովհաննիսյան", "Sargsyan|Սարգսյան", "Petrosyan|Պետրոսյան"}},
	"TR": {country: "TR", passport: "U99999999",
		male:   []string{"Mehmet", "Mustafa", "Emre", "Oğuz", "Burak", "İsmail"},
		female: []string{"Ayşe", "Elif", "Gülşen"},
		family: []string{"Yılmaz", "Çelik", "Öztürk", "Şahin", "Doğan", "Kılıç", "Aydın", "Güneş"}},
	"GR": {country: "GR", passport: "AA9999999",
		male:     []string{"Georgios|Γιώργος", "Dimitrios|Δημήτρης", "Nikolaos|Νίκος"},
		female:   []string{"Eleni|Ελένη", "Maria|Μαρία"},
		family:   []string{"Papadopoulos|Παπαδόπουλος", "Vlachos|Βλάχος", "Angelopoulos|Αγγελόπουλος", "Karagiannis|Καραγιάννης"},
		feminine: greekFeminine},
	"CN": {country: "CN", passport: "E99999999", familyFirst: true,
		male:   []string{"Wei|伟", "Qiang|强", "Jun|军", "Lei|磊", "Hao|浩"},
		female: []string{"Na|娜", "Jing|静", "Min|敏", "Li|丽"},
		family: []string{"Wang|王", "Li|李", "Zhang|张", "Chen|陈", "Liu|刘", "Zhou|周", "Huang|黄"}},
	"IN": {country: "IN", passport: "A9999999",
		male:   []string{"Rajesh", "Suresh", "Anil", "Vikram", "Imran"},
		female: []string{"Priya", "Sunita", "Kavita"},
		family: []string{"Patel", "Nair", "Reddy", "Sharma", "Qureshi", "Mehta", "Iyer"}},
	"AE": {country: "AE", passport: "999999999",
		male:   []string{"Khalid", "Omar", "Faisal"},
		female: []string{"Mariam", "Noura"},
		family: []string{"Al Mansoori", "Al Hashimi", "Al Zaabi"}},
	"GH": {country: "GH", passport: "G9999999",
		male:   []string{"Kwame", "Kofi", "Yaw", "Kwabena"},
		female: []string{"Akosua", "Ama"},
		family: []string{"Mensah", "Owusu", "Boateng", "Asante", "Appiah"}},
	"NG": {country: "NG", passport: "A99999999",
		male:   []string{"Chukwuemeka", "Adebayo", "Oluwaseun", "Ifeanyi"},
		female: []string{"Ngozi", "Funmilayo"},
		family: []string{"Okafor", "Adeyemi", "Eze", "Balogun", "Nwosu"}},
}

func polishFeminine(s string) string {
	for _, end := range []string{"ski", "cki", "dzki"} {
		if strings.HasSuffix(s, end) {
			return strings.TrimSuffix(s, "i") + "a"
		}
	}
	return s
}

func russianFeminine(s string) string {
	latin, native, _ := strings.Cut(s, "|")
	if strings.HasSuffix(latin, "ov") || strings.HasSuffix(latin, "ev") || strings.HasSuffix(latin, "in") {
		latin += "a"
		if native != "" {
			native += "а"
		}
	}
	if native == "" {
		return latin
	}
	return latin + "|" + native
}

func greekFeminine(s string) string {
	latin, native, _ := strings.Cut(s, "|")
	if strings.HasSuffix(latin, "os") {
		latin = strings.TrimSuffix(latin, "os") + "ou"
		native = strings.TrimSuffix(native, "ος") + "ου"
	} else if strings.HasSuffix(latin, "is") {
		latin = strings.TrimSuffix(latin, "s")
		native = strings.TrimSuffix(native, "ς")
	}
	return latin + "|" + native
}

// personName draws a full name in Latin letters and, where the culture
// writes another script, the same name in it.
func personName(g *gen, c *culture, female bool) (latin, native string) {
	given := pick(g, c.male)
	if female {
		given = pick(g, c.female)
	}
	fam := pick(g, c.family)
	if female && c.feminine != nil {
		fam = c.feminine(fam)
	}
	parts := [3]string{given, fam, ""}
	if c.twoSurnames {
		parts[2] = pick(g, c.family)
		for parts[2] == parts[1] {
			parts[2] = pick(g, c.family)
		}
	}
	if c.familyFirst {
		parts[0], parts[1] = parts[1], parts[0]
	}
	var lb, nb strings.Builder
	hasNative := false
	for i, p := range parts {
		if p == "" {
			continue
		}
		l, n, ok := strings.Cut(p, "|")
		if !ok {
			n = l
		} else {
			hasNative = true
		}
		if i > 0 {
			lb.WriteByte(' ')
			if !c.familyFirst {
				nb.WriteByte(' ')
			}
		}
		lb.WriteString(l)
		nb.WriteString(n)
	}
	if hasNative {
		return lb.String(), nb.String()
	}
	return lb.String(), ""
}

// foldASCII writes a name without its accents, as airline manifests,
// older registers and officers on foreign keyboards often do.
var foldASCII = strings.NewReplacer(
	"á", "a", "à", "a", "ä", "ae", "ã", "a", "â", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ï", "i", "ó", "o", "ò", "o", "ö", "oe", "õ", "o", "ô", "o", "ú", "u", "ü", "ue",
	"ñ", "n", "ç", "c", "ß", "ss", "ł", "l", "ś", "s", "ź", "z", "ż", "z", "ć", "c", "ń", "n",
	"ą", "a", "ę", "e", "ğ", "g", "ı", "i", "ş", "s", "ț", "t", "ș", "s", "ă", "a", "ū", "u",
	"č", "c", "ž", "z", "š", "s",
	"Á", "A", "É", "E", "Í", "I", "Ó", "O", "Ö", "Oe", "Ú", "U", "Ü", "Ue", "Ñ", "N", "Ç", "C",
	"Ł", "L", "Ś", "S", "Ż", "Z", "Ş", "S", "İ", "I", "Ș", "S", "Ț", "T", "Ž", "Z", "Š", "S",
)

func hasNonASCII(s string) bool { return utf8.RuneCountInString(s) != len(s) }

// person draws a person of a culture, with birth date, nationality and
// passport number, living in residence ("" for the home country).
func person(g *gen, c *culture, residence string) model.Entity {
	female := g.chance(0.22)
	name, native := personName(g, c, female)
	e := model.Entity{Kind: model.KindPerson, Name: name, Country: c.country}
	if residence != "" {
		e.Country = residence
	}
	if native != "" {
		e.Aliases = append(e.Aliases, native)
	} else if hasNonASCII(name) && g.chance(0.5) {
		e.Aliases = append(e.Aliases, foldASCII.Replace(name))
	}
	if !female && len(c.nicknames) > 0 && g.chance(0.3) {
		nick, nnative, _ := strings.Cut(pick(g, c.nicknames), "|")
		e.Aliases = append(e.Aliases, nick)
		if nnative != "" {
			e.Aliases = append(e.Aliases, nnative)
		}
	}
	y := g.anchor.Year() - g.between(21, 68)
	e.BirthDate = model.Date{Year: y, Month: time.Month(1 + g.n(12)), Day: 1 + g.n(28)}
	e.Nationality = c.country
	if g.chance(0.85) {
		e.DocumentNumber = g.pattern(c.passport)
	}
	return e
}

// cultureOf returns the culture of a nationality, Spanish when unknown.
func cultureOf(country string) *culture {
	if c, ok := cultures[country]; ok {
		return c
	}
	return cultures["ES"]
}
