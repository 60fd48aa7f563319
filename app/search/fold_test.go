package search

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		// case and diacritics
		{"García", "garcia"},
		{"Muñoz", "munoz"},
		{"MUÑOZ", "munoz"},
		{"Gonçalves", "goncalves"},
		{"Łódź", "lodz"},
		{"Kılıç", "kilic"},
		{"İstanbul", "istanbul"},
		{"Dvořák", "dvorak"},
		{"Ștefănescu", "stefanescu"},
		{"Nguyễn Thị Hương", "nguyen thi huong"},
		{"Mun\u0303oz", "munoz"}, // decomposed, as macOS writes file names
		// ligatures and letters with no base letter
		{"Straße", "strasse"},
		{"STRASSE", "strasse"},
		{"Æbeltoft", "aebeltoft"},
		{"Cœur", "coeur"},
		{"Søren Ødegaard", "soren odegaard"},
		{"Đorđević", "dordevic"},
		{"Þórður", "thordur"},
		{"ﬁnance", "finance"},
		{"ＭＳＣ ＡＵＲＯＲＡ", "msc aurora"},
		// Cyrillic and Greek
		{"Иванов", "ivanov"},
		{"Щербаков", "shcherbakov"},
		{"Юрий Хабаров", "yuriy khabarov"},
		{"Наталья Зайцева", "natalya zaytseva"},
		{"Ђорђевић", "dordevic"},
		{"Олександр Ґонта", "oleksandr gonta"},
		{"Γεώργιος", "georgios"},
		{"ΓΕΏΡΓΙΟΣ", "georgios"},
		{"Παπαδόπουλος", "papadopoulos"},
		{"Ευάγγελος", "evangelos"},
		{"Ευθύμιος", "efthymios"},
		{"Παύλος", "pavlos"},
		{"Αγγελόπουλος", "angelopoulos"},
		// punctuation, spaces, apostrophes
		{"MSCU 123456-6", "mscu 123456 6"},
		{"+44 20 7946 0958", "44 20 7946 0958"},
		{"  Muñoz   Rojas,  S.A. ", "munoz rojas s a"},
		{"O'Brien", "obrien"},
		{"D’Angelo", "dangelo"},
		{"j.smith@example.com", "j smith example com"},
		{"ESA-2026-0001/EX-007", "esa 2026 0001 ex 007"},
		// scripts with no Latin reading are kept
		{"北京 Trading", "北京 trading"},
		{"", ""},
		{"—", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldOffsets(t *testing.T) {
	tests := []struct {
		in     string
		folded string
		offs   []int32
	}{
		{"Muñoz", "munoz", []int32{0, 1, 2, 4, 5}},                         // ñ is two bytes
		{"Straße", "strasse", []int32{0, 1, 2, 3, 4, 4, 6}},                // ß gives two letters
		{"Щи", "shchi", []int32{0, 0, 0, 0, 2}},                            // one letter gives four
		{"A-b", "a b", []int32{0, 2, 2}},                                   // a word break is never highlighted: it takes the next letter's offset
		{"Γεώργιος", "georgios", []int32{0, 2, 4, 6, 8, 10, 12, 14}},       // two bytes a letter
		{"Ευάγγελος", "evangelos", []int32{0, 2, 4, 6, 8, 10, 12, 14, 16}}, // υ spelt v, the first γ n
		{"李 Li", "李 li", []int32{0, 0, 0, 4, 4, 5}},                        // a kept letter: an offset for each of its bytes
	}
	for _, tt := range tests {
		folded, offs := foldInto(nil, nil, tt.in, true)
		if string(folded) != tt.folded || !slices.Equal(offs, tt.offs) {
			t.Errorf("foldInto(%q) = %q %v, want %q %v", tt.in, folded, offs, tt.folded, tt.offs)
		}
	}
}
