package search

// latinFold folds U+00C0–U+024F (Latin-1 Supplement, Latin Extended-A and -B)
// to lower-case ASCII: latinFold[r-0xC0]. "" means the rune is not a letter
// (× and ÷) or has no Latin reading, and is treated as a separator.
var latinFold = [...]string{
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // U+00C0 ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", // U+00D0 ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // U+00E0 àáâãäåæçèéêëìíîï
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y", // U+00F0 ðñòóôõö÷øùúûüýþÿ
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", // U+0100 ĀāĂăĄąĆćĈĉĊċČčĎď
	"d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", // U+0110 ĐđĒēĔĕĖėĘęĚěĜĝĞğ
	"g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", // U+0120 ĠġĢģĤĥĦħĨĩĪīĬĭĮį
	"i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", // U+0130 İıĲĳĴĵĶķĸĹĺĻļĽľĿ
	"l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "ng", "ng", "o", "o", "o", "o", // U+0140 ŀŁłŃńŅņŇňŉŊŋŌōŎŏ
	"o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", // U+0150 ŐőŒœŔŕŖŗŘřŚśŜŝŞş
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", // U+0160 ŠšŢţŤťŦŧŨũŪūŬŭŮů
	"u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s", // U+0170 ŰűŲųŴŵŶŷŸŹźŻżŽžſ
	"b", "b", "b", "b", "", "", "o", "c", "c", "d", "d", "d", "d", "d", "e", "e", // U+0180 ƀƁƂƃƄƅƆƇƈƉƊƋƌƍƎƏ
	"e", "f", "f", "g", "g", "hv", "i", "i", "k", "k", "l", "l", "m", "n", "n", "o", // U+0190 ƐƑƒƓƔƕƖƗƘƙƚƛƜƝƞƟ
	"o", "o", "oi", "oi", "p", "p", "r", "", "", "sh", "sh", "t", "t", "t", "t", "u", // U+01A0 ƠơƢƣƤƥƦƧƨƩƪƫƬƭƮƯ
	"u", "u", "v", "y", "y", "z", "z", "z", "z", "z", "z", "", "", "", "", "w", // U+01B0 ưƱƲƳƴƵƶƷƸƹƺƻƼƽƾƿ
	"", "", "", "", "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj", "nj", "a", "a", "i", // U+01C0 ǀǁǂǃǄǅǆǇǈǉǊǋǌǍǎǏ
	"i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "e", "a", "a", // U+01D0 ǐǑǒǓǔǕǖǗǘǙǚǛǜǝǞǟ
	"a", "a", "ae", "ae", "g", "g", "g", "g", "k", "k", "o", "o", "o", "o", "z", "z", // U+01E0 ǠǡǢǣǤǥǦǧǨǩǪǫǬǭǮǯ
	"j", "dz", "dz", "dz", "g", "g", "hv", "w", "n", "n", "a", "a", "ae", "ae", "o", "o", // U+01F0 ǰǱǲǳǴǵǶǷǸǹǺǻǼǽǾǿ
	"a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", // U+0200 ȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏ
	"r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "y", "y", "h", "h", // U+0210 ȐȑȒȓȔȕȖȗȘșȚțȜȝȞȟ
	"n", "d", "ou", "ou", "z", "z", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o", // U+0220 ȠȡȢȣȤȥȦȧȨȩȪȫȬȭȮȯ
	"o", "o", "y", "y", "l", "n", "t", "j", "db", "qp", "a", "c", "c", "l", "t", "s", // U+0230 ȰȱȲȳȴȵȶȷȸȹȺȻȼȽȾȿ
	"z", "", "", "b", "u", "v", "e", "e", "j", "j", "q", "q", "r", "r", "y", "y", // U+0240 ɀɁɂɃɄɅɆɇɈɉɊɋɌɍɎɏ
}

// latinExtraFold folds U+1E00–U+1EFF (Latin Extended Additional: Vietnamese,
// Welsh and the dotted letters of transliterations): latinExtraFold[r-0x1E00].
var latinExtraFold = [...]string{
	"a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d", // U+1E00 ḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏ
	"d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "f", "f", // U+1E10 ḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟ
	"g", "g", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "i", "i", "i", "i", // U+1E20 ḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯ
	"k", "k", "k", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "m", "m", // U+1E30 ḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿ
	"m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", // U+1E40 ṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏ
	"o", "o", "o", "o", "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r", "r", // U+1E50 ṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟ
	"s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", // U+1E60 ṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯ
	"t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v", // U+1E70 ṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿ
	"w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y", // U+1E80 ẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏ
	"z", "z", "z", "z", "z", "z", "h", "t", "w", "y", "a", "s", "s", "s", "ss", "d", // U+1E90 ẐẑẒẓẔẕẖẗẘẙẚẛẜẝẞẟ
	"a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", // U+1EA0 ẠạẢảẤấẦầẨẩẪẫẬậẮắ
	"a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e", "e", "e", // U+1EB0 ẰằẲẳẴẵẶặẸẹẺẻẼẽẾế
	"e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", // U+1EC0 ỀềỂểỄễỆệỈỉỊịỌọỎỏ
	"o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", // U+1ED0 ỐốỒồỔổỖỗỘộỚớỜờỞở
	"o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", // U+1EE0 ỠỡỢợỤụỦủỨứỪừỬửỮữ
	"u", "u", "y", "y", "y", "y", "y", "y", "y", "y", "ll", "ll", "v", "v", "y", "y", // U+1EF0 ỰựỲỳỴỵỶỷỸỹỺỻỼỽỾỿ
}

// cyrillicFold transliterates U+0400–U+045F, the Cyrillic of Russian,
// Ukrainian, Belarusian, Serbian and Macedonian, to Latin:
// cyrillicFold[r-0x400]. Russian follows the BGN/PCGN spelling English-language
// documents use (Щербаков = shcherbakov, Юрий = yuriy, Хабаров = khabarov);
// the hard and soft signs are dropped (""), as passports drop them. Serbian
// Ђ is d, as its Latin twin Đ folds, so that Ђорђевић and Đorđević meet.
var cyrillicFold = [...]string{
	"e", "e", "d", "gj", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "kj", "i", "u", "dz", // U+0400 ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏ
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", // U+0410 АБВГДЕЖЗИЙКЛМНОП
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", // U+0420 РСТУФХЦЧШЩЪЫЬЭЮЯ
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", // U+0430 абвгдежзийклмноп
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", // U+0440 рстуфхцчшщъыьэюя
	"e", "e", "d", "gj", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "kj", "i", "u", "dz", // U+0450 ѐёђѓєѕіїјљњћќѝўџ
}

// cyrillicExtraFold transliterates the letters of U+0460–U+04FF that names
// from Ukraine and Central Asia carry (Ґ, and the Kazakh, Kyrgyz, Tatar and
// Azerbaijani Cyrillic letters).
var cyrillicExtraFold = map[rune]string{
	'Ґ': "g", 'ґ': "g", 'Ғ': "g", 'ғ': "g", 'Җ': "zh", 'җ': "zh", 'Қ': "k", 'қ': "k",
	'Ң': "n", 'ң': "n", 'Ү': "u", 'ү': "u", 'Ұ': "u", 'ұ': "u", 'Һ': "h", 'һ': "h",
	'Ә': "a", 'ә': "a", 'Ө': "o", 'ө': "o", 'Ӏ': "i", 'ӏ': "i", 'Ҷ': "j", 'ҷ': "j",
	'Ӣ': "i", 'ӣ': "i", 'Ӯ': "u", 'ӯ': "u", 'Ҳ': "kh", 'ҳ': "kh", 'Ҡ': "k", 'ҡ': "k",
}

// greekBase maps each Greek letter of U+0386–U+03CE, accented or capital, to
// its small unaccented letter. Letters with a diaeresis (ϊ, ϋ, ΐ, ΰ) are kept
// apart: a diaeresis says the vowel is not part of a diphthong.
var greekBase = map[rune]rune{
	'Ά': 'α', 'Έ': 'ε', 'Ή': 'η', 'Ί': 'ι', 'Ό': 'ο', 'Ύ': 'υ', 'Ώ': 'ω',
	'ά': 'α', 'έ': 'ε', 'ή': 'η', 'ί': 'ι', 'ό': 'ο', 'ύ': 'υ', 'ώ': 'ω',
	'Ϊ': 'ϊ', 'Ϋ': 'ϋ', 'ΐ': 'ϊ', 'ΰ': 'ϋ', 'ς': 'σ', 'ϐ': 'β', 'ϑ': 'θ', 'ϕ': 'φ', 'ϖ': 'π', 'ϰ': 'κ', 'ϱ': 'ρ', 'ϲ': 'σ', 'Ϲ': 'σ',
}

// greekLatin transliterates a small unaccented Greek letter (α–ω, ϊ, ϋ) as
// ELOT 743, the standard Greek passports follow, spells it letter by letter:
// Γεώργιος = georgios. The digraphs (ου, αυ, ευ, ηυ, γγ, γξ, γχ) are
// handled by foldGreek.
var greekLatin = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th",
	'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p",
	'ρ': "r", 'σ': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
	'ϊ': "i", 'ϋ': "y",
}
