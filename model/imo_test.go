package model

import "testing"

func TestNormalizeIMO(t *testing.T) {
	checkValidatorCases(t, "IMO number", NormalizeIMO, []validatorCase{
		{name: "digits only", in: "9074729", want: "9074729"},
		{name: "another valid number", in: "9176187", want: "9176187"},
		{name: "with prefix and space", in: "IMO 9074729", want: "9074729"},
		{name: "lower-case prefix without space", in: "imo9074729", want: "9074729"},
		{name: "prefix with dash", in: "IMO-9074729", want: "9074729"},
		{name: "surrounding blanks", in: " 9074729 ", want: "9074729"},
		{name: "check digit wrong", in: "9074728",
			err: `IMO number "9074728": check digit should be 9`},
		{name: "check digit wrong with prefix", in: "IMO 9176188",
			err: `IMO number "IMO 9176188": check digit should be 7`},
		{name: "six digits", in: "907472",
			err: `IMO number "907472": should be 7 digits, optionally after IMO`},
		{name: "eight digits", in: "IMO 90747290",
			err: `IMO number "IMO 90747290": should be 7 digits, optionally after IMO`},
		{name: "letter inside", in: "9O74729",
			err: `IMO number "9O74729": should be 7 digits, optionally after IMO`},
		{name: "MMSI typed instead", in: "244123456",
			err: `IMO number "244123456": should be 7 digits, optionally after IMO`},
		{name: "prefix alone", in: "IMO", err: `IMO number "IMO": is empty`},
		{name: "empty", in: "", err: `IMO number: is empty`},
	})
}

func TestIMOCheckDigit(t *testing.T) {
	for _, c := range []struct {
		first6 string
		want   int
	}{
		{"907472", 9}, // 9·7 + 0·6 + 7·5 + 4·4 + 7·3 + 2·2 = 139
		{"917618", 7}, // 147
		{"000000", 0},
	} {
		t.Run(c.first6, func(t *testing.T) {
			got, err := IMOCheckDigit(c.first6)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Fatalf("got %d, want %d", got, c.want)
			}
		})
	}
	t.Run("wrong length", func(t *testing.T) {
		_, err := IMOCheckDigit("90747")
		want := `IMO number "90747": should be the first 6 digits`
		if err == nil || err.Error() != want {
			t.Fatalf("got %v, want %s", err, want)
		}
	})
}
