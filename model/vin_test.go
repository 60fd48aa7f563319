package model

import "testing"

func TestNormalizeVIN(t *testing.T) {
	checkValidatorCases(t, "VIN", NormalizeVIN, []validatorCase{
		{name: "North American with X check digit", in: "1M8GDM9AXKP042788", want: "1M8GDM9AXKP042788"},
		{name: "lower case with spaces", in: "1m8gdm9a xkp042788", want: "1M8GDM9AXKP042788"},
		{name: "dashes", in: "1M8-GDM9AX-KP042788", want: "1M8GDM9AXKP042788"},
		{name: "China with check digit", in: "LSVAU218XN2183294", want: "LSVAU218XN2183294"},
		{name: "European without check digit", in: "WVWZZZ1JZ3W386752", want: "WVWZZZ1JZ3W386752"},
		{name: "European digit in position 9 not checked", in: "WSVAU2180N2183294", want: "WSVAU2180N2183294"},
		{name: "check digit wrong", in: "1M8GDM9AXKP042789",
			err: `VIN "1M8GDM9AXKP042789": check digit (9th character) should be 1`},
		{name: "check digit wrong in China", in: "LSVAU2180N2183294",
			err: `VIN "LSVAU2180N2183294": check digit (9th character) should be X`},
		{name: "check digit replaced", in: "1M8GDM9A5KP042788",
			err: `VIN "1M8GDM9A5KP042788": check digit (9th character) should be X`},
		{name: "letter O", in: "1M8GDM9AXKPO42788",
			err: `VIN "1M8GDM9AXKPO42788": should not contain I, O or Q (they are read as 1 and 0)`},
		{name: "letter I lower case", in: "1m8gdm9axkp04278i",
			err: `VIN "1m8gdm9axkp04278i": should not contain I, O or Q (they are read as 1 and 0)`},
		{name: "sixteen characters", in: "1M8GDM9AXKP04278",
			err: `VIN "1M8GDM9AXKP04278": should be 17 characters, not 16`},
		{name: "eighteen characters", in: "1M8GDM9AXKP0427881",
			err: `VIN "1M8GDM9AXKP0427881": should be 17 characters, not 18`},
		{name: "punctuation", in: "1M8GDM9AXKP04278*",
			err: `VIN "1M8GDM9AXKP04278*": should hold only letters and digits`},
		{name: "empty", in: "", err: `VIN: is empty`},
	})
}

func TestVINCheckDigit(t *testing.T) {
	for _, c := range []struct {
		name, vin string
		want      byte
	}{
		{"remainder 10 is X", "1M8GDM9AXKP042788", 'X'},
		{"position 9 ignored", "1M8GDM9A0KP042788", 'X'},
		{"lower case", "1m8gdm9axkp042788", 'X'},
		{"corrupted last digit", "1M8GDM9AXKP042789", '1'},
		{"all zeros", "00000000000000000", '0'},
		{"all ones", "11111111111111111", '1'}, // the weights add up to 89, and 89 mod 11 = 1
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := VINCheckDigit(c.vin)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Fatalf("got %c, want %c", got, c.want)
			}
		})
	}
	t.Run("refuses a malformed VIN", func(t *testing.T) {
		_, err := VINCheckDigit("1M8GDM9AXKP0427")
		want := `VIN "1M8GDM9AXKP0427": should be 17 characters, not 15`
		if err == nil || err.Error() != want {
			t.Fatalf("got %v, want %s", err, want)
		}
	})
}

func TestVINTransliteration(t *testing.T) {
	want := map[byte]int{
		'0': 0, '9': 9, 'A': 1, 'H': 8, 'J': 1, 'N': 5, 'P': 7, 'R': 9, 'S': 2, 'Z': 9,
	}
	for c, v := range want {
		t.Run(string(c), func(t *testing.T) {
			if got := vinValue(c); got != v {
				t.Fatalf("got %d, want %d", got, v)
			}
		})
	}
}
