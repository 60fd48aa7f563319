package model

import "testing"

func TestNormalizeIBAN(t *testing.T) {
	checkValidatorCases(t, "IBAN", NormalizeIBAN, []validatorCase{
		{name: "Germany compact", in: "DE89370400440532013000", want: "DE89370400440532013000"},
		{name: "Germany printed in groups", in: "DE89 3704 0044 0532 0130 00", want: "DE89370400440532013000"},
		{name: "United Kingdom lower case", in: "gb29 nwbk 6016 1331 9268 19", want: "GB29NWBK60161331926819"},
		{name: "Belgium shortest in EU", in: "BE68 5390 0754 7034", want: "BE68539007547034"},
		{name: "Norway shortest in registry", in: "NO93 8601 1117 947", want: "NO9386011117947"},
		{name: "Malta with letters in BBAN", in: "MT84 MALT 0110 0001 2345 MTLC AST0 01S", want: "MT84MALT011000012345MTLCAST001S"},
		{name: "Kosovo", in: "XK05 1212 0123 4567 8906", want: "XK051212012345678906"},
		{name: "check digits wrong", in: "DE88 3704 0044 0532 0130 00",
			err: `IBAN "DE88 3704 0044 0532 0130 00": check digits should be 89`},
		{name: "account digit mistyped", in: "GB29NWBK60161331926818",
			err: `IBAN "GB29NWBK60161331926818": check digits should be 56`},
		{name: "check digits with leading zero", in: "NO94 8601 1117 947",
			err: `IBAN "NO94 8601 1117 947": check digits should be 93`},
		{name: "too short for the country", in: "DE89 3704 0044 0532 0130 0",
			err: `IBAN "DE89 3704 0044 0532 0130 0": should be 22 characters for Germany, not 21`},
		{name: "too long for the country", in: "BE68 5390 0754 7034 1",
			err: `IBAN "BE68 5390 0754 7034 1": should be 16 characters for Belgium, not 17`},
		{name: "country without IBANs", in: "US12 3456 7890 1234",
			err: `IBAN "US12 3456 7890 1234": US does not issue IBANs`},
		{name: "dashes", in: "DE89-3704-0044-0532-0130-00",
			err: `IBAN "DE89-3704-0044-0532-0130-00": should hold only letters and digits`},
		{name: "no country code", in: "8937040044053201300",
			err: `IBAN "8937040044053201300": should start with a 2-letter country code and 2 check digits`},
		{name: "letters for check digits", in: "DEXX370400440532013000",
			err: `IBAN "DEXX370400440532013000": should start with a 2-letter country code and 2 check digits`},
		{name: "empty", in: "  ", err: `IBAN "  ": is empty`},
	})
}

func TestFormatIBAN(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"compact", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00"},
		{"already grouped", "GB29 NWBK 6016 1331 9268 19", "GB29 NWBK 6016 1331 9268 19"},
		{"lower case", "be68539007547034", "BE68 5390 0754 7034"},
		{"last group short", "NO9386011117947", "NO93 8601 1117 947"},
		{"empty", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := FormatIBAN(c.in); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestIBANCheckDigits(t *testing.T) {
	for _, c := range []struct{ name, country, bban, want string }{
		{"Germany", "DE", "370400440532013000", "89"},
		{"United Kingdom lower case", "gb", "nwbk60161331926819", "29"},
		{"Norway", "NO", "86011117947", "93"},
		{"leading zero kept", "XK", "1212012345678906", "05"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := IBANCheckDigits(c.country, c.bban)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
	t.Run("built IBAN validates", func(t *testing.T) {
		for country, n := range ibanLengths {
			bban := "123456789012345678901234567890"[:n-4]
			d, err := IBANCheckDigits(country, bban)
			if err != nil {
				t.Fatalf("%s: %v", country, err)
			}
			if _, err := NormalizeIBAN(country + d + bban); err != nil {
				t.Fatalf("%s: %v", country, err)
			}
		}
	})
	t.Run("country without IBANs", func(t *testing.T) {
		_, err := IBANCheckDigits("US", "1234")
		want := `IBAN "US1234": US does not issue IBANs`
		if err == nil || err.Error() != want {
			t.Fatalf("got %v, want %s", err, want)
		}
	})
	t.Run("account part of wrong length", func(t *testing.T) {
		_, err := IBANCheckDigits("DE", "3704004405320130")
		want := `IBAN "DE3704004405320130": account part should be 18 letters or digits for Germany`
		if err == nil || err.Error() != want {
			t.Fatalf("got %v, want %s", err, want)
		}
	})
}

func TestIBANRegistry(t *testing.T) {
	t.Run("every country of the registry", func(t *testing.T) {
		if len(ibanLengths) != 89 {
			t.Fatalf("registry has %d countries, want 89", len(ibanLengths))
		}
	})
	t.Run("every prefix is an ISO country except Kosovo", func(t *testing.T) {
		for code := range ibanLengths {
			if code != "XK" && CountryName(code) == "" {
				t.Errorf("%s is not an ISO 3166 code", code)
			}
		}
	})
	t.Run("lengths within ISO 13616 bounds", func(t *testing.T) {
		for code, n := range ibanLengths {
			if n < 15 || n > 34 {
				t.Errorf("%s: length %d", code, n)
			}
		}
	})
}

func TestMod97(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"0", 0},
		{"97", 0},
		{"98", 1},
		{"A", 10}, // letters are two digits: A=10
		{"Z", 35},
		{"AA", 1010 % 97},
		{"3214282912345698765432161182", 1}, // GB82 WEST 1234 5698 7654 32 rearranged and turned into digits
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := mod97(c.in); got != c.want {
				t.Fatalf("got %d, want %d", got, c.want)
			}
		})
	}
}
