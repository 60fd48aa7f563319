package model

import (
	"strings"
	"testing"
)

func TestNormalizeCountry(t *testing.T) {
	checkValidatorCases(t, "country", NormalizeCountry, []validatorCase{
		{name: "upper case", in: "BE", want: "BE"},
		{name: "lower case", in: "be", want: "BE"},
		{name: "surrounding blanks", in: " nl ", want: "NL"},
		{name: "UK taken as GB", in: "UK", want: "GB"},
		{name: "uk lower case taken as GB", in: "uk", want: "GB"},
		{name: "EL taken as GR", in: "EL", want: "GR"},
		{name: "GB itself", in: "GB", want: "GB"},
		{name: "Åland", in: "AX", want: "AX"},
		{name: "Kosovo is user-assigned", in: "XK",
			err: `country "XK": is not an ISO 3166 country code`},
		{name: "EU is not a country", in: "EU",
			err: `country "EU": is not an ISO 3166 country code`},
		{name: "withdrawn Yugoslavia", in: "YU",
			err: `country "YU": is not an ISO 3166 country code`},
		{name: "alpha-3", in: "BEL",
			err: `country "BEL": should be a 2-letter ISO 3166 country code`},
		{name: "one letter", in: "B",
			err: `country "B": should be a 2-letter ISO 3166 country code`},
		{name: "digits", in: "12",
			err: `country "12": should be a 2-letter ISO 3166 country code`},
		{name: "empty", in: "", err: `country: is empty`},
	})
}

func TestCountryName(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"BE", "Belgium"},
		{"gb", "United Kingdom"},
		{"CI", "Côte d'Ivoire"},
		{"UK", ""}, // an alias, not a code
		{"XK", ""},
		{"", ""},
	} {
		t.Run(c.code, func(t *testing.T) {
			if got := CountryName(c.code); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestCountries(t *testing.T) {
	list := Countries()
	t.Run("all 249 assigned codes", func(t *testing.T) {
		if len(list) != 249 {
			t.Fatalf("got %d countries, want 249", len(list))
		}
		seen := map[string]bool{}
		for _, c := range list {
			if seen[c.Code] {
				t.Errorf("%s listed twice", c.Code)
			}
			seen[c.Code] = true
		}
	})
	t.Run("sorted by name", func(t *testing.T) {
		for i := 1; i < len(list); i++ {
			if nameSortKey(list[i-1].Name) > nameSortKey(list[i].Name) {
				t.Fatalf("%q before %q", list[i-1].Name, list[i].Name)
			}
		}
		if list[0].Name != "Afghanistan" || list[len(list)-1].Name != "Zimbabwe" {
			t.Fatalf("first %q, last %q", list[0].Name, list[len(list)-1].Name)
		}
	})
	t.Run("accented initial sorts among its letter", func(t *testing.T) {
		for i, c := range list {
			if c.Code == "AX" && i > 5 {
				t.Fatalf("Åland Islands at position %d", i)
			}
		}
	})
	t.Run("every code validates", func(t *testing.T) {
		for _, c := range list {
			if got, err := NormalizeCountry(strings.ToLower(c.Code)); err != nil || got != c.Code {
				t.Errorf("%s: got %q, %v", c.Code, got, err)
			}
		}
	})
}

func TestLoadCountriesRefusesMalformedLine(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic for a line without a tab")
		}
	}()
	loadCountries("# comment\nBE\tBelgium\nNL Netherlands\n")
}
