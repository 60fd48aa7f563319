package model

import (
	"encoding/json"
	"testing"
	"time"
)

func cigaretteSeizure(q float64, u Unit) Seizure {
	s := validSeizure()
	s.Category, s.Description, s.HSCode, s.Quantity, s.Unit = CommodityCigarettes, "Marlboro Gold, counterfeit", "240220", q, u
	return s
}

func TestTobaccoFactorsValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	valid := func() Seizure { return cigaretteSeizure(12, Cartons) }
	validate := func(s *Seizure) error { return s.Validate(now) }
	runRecordRows(t, valid, validate, []recordRow[Seizure]{
		{name: "usual make-up left at 0"},
		{name: "packs of 25 and cartons of 20", mutate: func(s *Seizure) { s.SticksPerPack, s.PacksPerCarton = 25, 20 },
			check: func(t *testing.T, s *Seizure) {
				if s.SticksPerPack != 25 || s.PacksPerCarton != 20 {
					t.Errorf("factors %d/%d, want 25/20", s.SticksPerPack, s.PacksPerCarton)
				}
			}},
		{name: "the usual numbers typed out are kept as 0", mutate: func(s *Seizure) {
			s.SticksPerPack, s.PacksPerCarton, s.CartonsPerMasterCase = 20, 10, 50
		}, check: func(t *testing.T, s *Seizure) {
			if s.SticksPerPack != 0 || s.PacksPerCarton != 0 || s.CartonsPerMasterCase != 0 {
				t.Errorf("factors %d/%d/%d, want 0/0/0", s.SticksPerPack, s.PacksPerCarton, s.CartonsPerMasterCase)
			}
		}},
		{name: "negative sticks per pack", mutate: func(s *Seizure) { s.SticksPerPack = -20 }, fields: []string{"sticks per pack"},
			msg: `sticks per pack "-20": should be a whole number more than zero (usually 20)`},
		{name: "a pack of 200 sticks", mutate: func(s *Seizure) { s.SticksPerPack = 200 }, fields: []string{"sticks per pack"},
			msg: `sticks per pack "200": should be at most 100 (usually 20)`},
		{name: "cartons of 1000 packs", mutate: func(s *Seizure) { s.PacksPerCarton = 1000 }, fields: []string{"packs per carton"}},
		{name: "master cases of 5000 cartons", mutate: func(s *Seizure) { s.CartonsPerMasterCase = 5000 }, fields: []string{"cartons per master case"}},
	})
}

func TestParseTobaccoFactor(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		bad  bool
	}{{"", 0, false}, {" 25 ", 25, false}, {"0", 0, true}, {"-3", 0, true}, {"2.5", 0, true}, {"veinte", 0, true}} {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseTobaccoFactor("sticks per pack", c.in)
			if (err != nil) != c.bad || got != c.want {
				t.Fatalf("ParseTobaccoFactor(%q) = %d, %v; want %d, bad %v", c.in, got, err, c.want, c.bad)
			}
		})
	}
}

func TestInSticks(t *testing.T) {
	for _, c := range []struct {
		name    string
		s       Seizure
		sticks  float64
		summary string
	}{
		{"sticks", cigaretteSeizure(4000, Sticks), 4000, ""},
		{"packs", cigaretteSeizure(40, Packs), 800, "40 packs = 800 sticks (20 sticks/pack)"},
		{"cartons", cigaretteSeizure(12, Cartons), 2400, "12 cartons = 2,400 sticks (20 sticks/pack, 10 packs/carton)"},
		{"master cases", cigaretteSeizure(3, MasterCases), 30000,
			"3 master cases = 30,000 sticks (20 sticks/pack, 10 packs/carton, 50 cartons/master case)"},
		{"cartons of 20 packs of 25", func() Seizure {
			s := cigaretteSeizure(12, Cartons)
			s.SticksPerPack, s.PacksPerCarton = 25, 20
			return s
		}(), 6000, "12 cartons = 6,000 sticks (25 sticks/pack, 20 packs/carton)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := c.s.InSticks()
			if !ok || got != c.sticks {
				t.Errorf("InSticks = %v, %v; want %v", got, ok, c.sticks)
			}
			if got := c.s.SticksSummary(); got != c.summary {
				t.Errorf("SticksSummary\n got: %s\nwant: %s", got, c.summary)
			}
		})
	}
	if _, ok := validSeizure().InSticks(); ok {
		t.Error("kilograms of cocaine converted to sticks")
	}
}

func TestParseUnitWords(t *testing.T) {
	for _, c := range []struct {
		word string
		of   CommodityCategory
		want Unit
	}{
		{"cartons", "", Cartons}, {"Cartones", CommodityCigarettes, Cartons}, {"CARTOUCHES", CommodityCigarettes, Cartons},
		{"pacotes", CommodityCigarettes, Cartons}, {"cartões", CommodityTobacco, Cartons},
		{"cajetillas", CommodityCocaine, Packs}, {"Maços", CommodityCigarettes, Packs}, {"paquetes", CommodityCigarettes, Packs},
		{"étuis", "", Packs}, {"paquets", CommodityOther, Packs}, {"packs", "", Packs},
		{"master case", "", MasterCases}, {"Caja Master", CommodityCigarettes, MasterCases}, {"caixas", CommodityCigarettes, MasterCases},
		{"master-cases", "", MasterCases}, {"caisses master", "", MasterCases},
		{"cigarrillos", "", Sticks}, {"cigarettes", CommodityCigarettes, Sticks}, {"cigarros", "", Sticks}, {"sticks", "", Sticks},
		// The same words of a seizure of something else are packages, as
		// they always were.
		{"paquetes", CommodityCocaine, Packages}, {"packs", CommodityCannabis, Packages}, {"cartons", CommodityCounterfeits, Packages},
		{"pacotes", CommodityCocaine, Packages}, {"cajas", CommodityWeapons, Packages},
		{"bultos", CommodityCigarettes, Packages}, {"KG", "", Kilogram}, {"quilos", "", Kilogram},
	} {
		t.Run(c.word+" of "+string(c.of), func(t *testing.T) {
			got, err := ParseUnitOf(c.word, c.of)
			if err != nil || got != c.want {
				t.Fatalf("ParseUnitOf(%q, %q) = %q, %v; want %q", c.word, c.of, got, err, c.want)
			}
		})
	}
	if _, err := ParseUnit("lbs"); err == nil {
		t.Error("lbs read as a unit")
	}
}

// A seizure that keeps the usual make-up is written exactly as before the
// factors existed, so that an older Bollard reads it and the audit trail
// of every other seizure is unchanged; one with its own factors carries them.
func TestTobaccoFactorsInJSON(t *testing.T) {
	usual, err := json.Marshal(cigaretteSeizure(12, Cartons))
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	_ = json.Unmarshal(usual, &fields)
	for _, f := range []string{"sticks_per_pack", "packs_per_carton", "cartons_per_master_case"} {
		if _, ok := fields[f]; ok {
			t.Errorf("usual make-up writes %s", f)
		}
	}
	own := cigaretteSeizure(12, Cartons)
	own.SticksPerPack = 25
	b, _ := json.Marshal(own)
	var back Seizure
	if err := json.Unmarshal(b, &back); err != nil || back.SticksPerPack != 25 {
		t.Fatalf("sticks per pack back from JSON: %d, %v", back.SticksPerPack, err)
	}
}
