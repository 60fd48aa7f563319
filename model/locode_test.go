package model

import "testing"

func TestNormalizeLOCODE(t *testing.T) {
	checkValidatorCases(t, "UN/LOCODE", NormalizeLOCODE, []validatorCase{
		{name: "printed form", in: "BE ANR", want: "BEANR"},
		{name: "compact", in: "BEANR", want: "BEANR"},
		{name: "lower case with dash", in: "be-anr", want: "BEANR"},
		{name: "Rotterdam", in: "NL RTM", want: "NLRTM"},
		{name: "United Kingdom as GB", in: "GB FXT", want: "GBFXT"},
		{name: "digits 2 to 9 in location", in: "US 2AZ", want: "US2AZ"},
		{name: "UK is not a LOCODE country", in: "UK FXT",
			err: `UN/LOCODE "UK FXT": UK is not an ISO 3166 country code`},
		{name: "EL is not a LOCODE country", in: "EL PIR",
			err: `UN/LOCODE "EL PIR": EL is not an ISO 3166 country code`},
		{name: "unassigned country", in: "QQ ABC",
			err: `UN/LOCODE "QQ ABC": QQ is not an ISO 3166 country code`},
		{name: "digit in country", in: "B1 ANR",
			err: `UN/LOCODE "B1 ANR": B1 is not an ISO 3166 country code`},
		{name: "digit 0 in location", in: "BE AN0",
			err: `UN/LOCODE "BE AN0": location part should be letters or digits 2 to 9`},
		{name: "digit 1 in location", in: "BE 1NR",
			err: `UN/LOCODE "BE 1NR": location part should be letters or digits 2 to 9`},
		{name: "too short", in: "BE AN",
			err: `UN/LOCODE "BE AN": should be 5 characters: a country code then 3 letters or digits`},
		{name: "too long", in: "BE ANRW",
			err: `UN/LOCODE "BE ANRW": should be 5 characters: a country code then 3 letters or digits`},
		{name: "empty", in: "", err: `UN/LOCODE: is empty`},
	})
}

func TestFormatLOCODE(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"compact", "BEANR", "BE ANR"},
		{"lower case with dash", "nl-rtm", "NL RTM"},
		{"already printed", "DE HAM", "DE HAM"},
		{"invalid left as typed", "UK LON", "UK LON"},
		{"empty", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := FormatLOCODE(c.in); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}
