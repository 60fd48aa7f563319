package model

import "testing"

func TestNormalizeCurrency(t *testing.T) {
	checkValidatorCases(t, "currency", NormalizeCurrency, []validatorCase{
		{name: "upper case", in: "EUR", want: "EUR"},
		{name: "lower case", in: "usd", want: "USD"},
		{name: "surrounding blanks", in: " gbp ", want: "GBP"},
		{name: "no minor units", in: "JPY", want: "JPY"},
		{name: "new Caribbean guilder", in: "XCG", want: "XCG"},
		{name: "Zimbabwe Gold", in: "ZWG", want: "ZWG"},
		{name: "CFA franc", in: "XOF", want: "XOF"},
		{name: "kuna withdrawn", in: "HRK",
			err: `currency "HRK": was withdrawn in 2023: use EUR`},
		{name: "lev withdrawn", in: "bgn",
			err: `currency "bgn": was withdrawn in 2026: use EUR`},
		{name: "Zimbabwe dollar withdrawn", in: "ZWL",
			err: `currency "ZWL": was withdrawn in 2024: use ZWG`},
		{name: "testing code", in: "XTS",
			err: `currency "XTS": is not an ISO 4217 currency code`},
		{name: "unassigned", in: "ABC",
			err: `currency "ABC": is not an ISO 4217 currency code`},
		{name: "symbol", in: "€",
			err: `currency "€": should be a 3-letter ISO 4217 currency code`},
		{name: "word", in: "EURO",
			err: `currency "EURO": should be a 3-letter ISO 4217 currency code`},
		{name: "empty", in: "", err: `currency: is empty`},
	})
}

func TestCurrencyName(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"EUR", "Euro"},
		{"gbp", "Pound Sterling"},
		{"JPY", "Yen"},
		{"HRK", ""},
		{"", ""},
	} {
		t.Run(c.code, func(t *testing.T) {
			if got := CurrencyName(c.code); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestCurrencies(t *testing.T) {
	list := Currencies()
	t.Run("full active list", func(t *testing.T) {
		if len(list) != 164 {
			t.Fatalf("got %d currencies, want 164", len(list))
		}
	})
	t.Run("sorted by code", func(t *testing.T) {
		for i := 1; i < len(list); i++ {
			if list[i-1].Code >= list[i].Code {
				t.Fatalf("%s before %s", list[i-1].Code, list[i].Code)
			}
		}
	})
	t.Run("minor units", func(t *testing.T) {
		want := map[string]int{"EUR": 2, "USD": 2, "JPY": 0, "KRW": 0, "XAF": 0, "KWD": 3, "BHD": 3, "TND": 3, "CLF": 4}
		for _, c := range list {
			if w, ok := want[c.Code]; ok {
				if c.MinorUnits != w {
					t.Errorf("%s: %d minor units, want %d", c.Code, c.MinorUnits, w)
				}
				delete(want, c.Code)
			}
		}
		for code := range want {
			t.Errorf("%s missing", code)
		}
	})
	t.Run("withdrawn codes are not listed and successors are", func(t *testing.T) {
		for code, w := range withdrawnCurrencies {
			if CurrencyName(code) != "" {
				t.Errorf("%s is withdrawn but listed", code)
			}
			if CurrencyName(w.successor) == "" {
				t.Errorf("%s's successor %s is not listed", code, w.successor)
			}
		}
	})
}

func TestLoadCurrenciesRefusesBadMinorUnits(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic for minor units that are not a number")
		}
	}()
	loadCurrencies("EUR\ttwo\tEuro\n")
}
