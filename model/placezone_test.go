package model

import (
	"testing"
	"time"
)

func TestZoneOfPlace(t *testing.T) {
	for _, tc := range []struct{ locode, country, want string }{
		{"ESALG", "", "Europe/Madrid"},
		{"es alg", "", "Europe/Madrid"},
		{"ESLPA", "ES", "Atlantic/Canary"},
		{"NZAKL", "", "Pacific/Auckland"},
		{"BRSSZ", "BR", "America/Sao_Paulo"},
		{"BRMAO", "", "America/Manaus"},
		{"", "CO", "America/Bogota"},
		{"ECGYE", "", "America/Guayaquil"},
	} {
		loc, ok := ZoneOfPlace(tc.locode, tc.country)
		if !ok || loc.String() != tc.want {
			t.Errorf("ZoneOfPlace(%q, %q) = %v, %v; want %s", tc.locode, tc.country, loc, ok, tc.want)
		}
	}
	for _, unknown := range [][2]string{{"BRXXX", ""}, {"", "US"}, {"", ""}, {"ZZ", ""}} {
		if loc, ok := ZoneOfPlace(unknown[0], unknown[1]); ok {
			t.Errorf("ZoneOfPlace(%q, %q) = %v: a country across several zones, or none, has no zone of its own", unknown[0], unknown[1], loc)
		}
	}
	// Every zone the tables name is one the time zone database knows.
	for _, table := range []map[string]string{portZones, countryZones} {
		for code, name := range table {
			if _, err := time.LoadLocation(name); err != nil {
				t.Errorf("%s: zone %s: %v", code, name, err)
			}
		}
	}
}
