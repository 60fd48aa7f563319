package model

import (
	"encoding/json"
	"errors"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// recordRow is one row of a record validator table. mutate changes one field
// of a valid record; fields lists, in order, the fields FieldErrors names
// (none for a record that should pass); msg, when set, is the exact text of
// the first field error, as a form shows it; check looks at the record after
// Validate, for what was tidied or left as typed.
type recordRow[T any] struct {
	name   string
	mutate func(*T)
	fields []string
	msg    string
	check  func(t *testing.T, r *T)
}

// runRecordRows runs each row as a subtest on a fresh valid record.
func runRecordRows[T any](t *testing.T, valid func() T, validate func(*T) error, rows []recordRow[T]) {
	t.Helper()
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			r := valid()
			if row.mutate != nil {
				row.mutate(&r)
			}
			err := validate(&r)
			if got := fieldNames(err); !slices.Equal(got, row.fields) {
				t.Fatalf("fields named %q, want %q\nerror: %v", got, row.fields, err)
			}
			if len(row.fields) > 0 {
				var v *ValidationError
				if !errors.As(err, &v) {
					t.Errorf("error is %T, want *ValidationError", err)
				}
			}
			if row.msg != "" {
				if got := FieldErrors(err)[0].Error(); got != row.msg {
					t.Errorf("message\n got: %s\nwant: %s", got, row.msg)
				}
			}
			if row.check != nil {
				row.check(t, &r)
			}
		})
	}
}

// fieldNames returns the field of every FieldError in err, in order.
func fieldNames(err error) []string {
	var names []string
	for _, f := range FieldErrors(err) {
		names = append(names, f.Field)
	}
	return names
}

// wantValue fails when a field of a validated record does not hold want.
func wantValue[V comparable](t *testing.T, field string, got, want V) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %#v, want %#v", field, got, want)
	}
}

// wantList fails when a list field of a validated record does not hold want.
func wantList[V comparable](t *testing.T, field string, got, want []V) {
	t.Helper()
	if !slices.Equal(got, want) || (got == nil) != (want == nil) {
		t.Errorf("%s = %#v, want %#v", field, got, want)
	}
}

const (
	statusChoices   = "open, active, suspended, closed, archived"
	priorityChoices = "low, normal, high, urgent"
	corridorChoices = "eu_uk, eu_north_america, eu_lac, intra_eu, other"
)

func validCase() Case {
	return Case{
		Ref:             "ESA-2026-0042",
		Title:           "Cocaine in banana containers through Antwerp",
		OperationName:   "PLÁTANO",
		Status:          StatusActive,
		Priority:        PriorityHigh,
		Corridor:        CorridorEULAC,
		ThreatTypes:     []ThreatType{ThreatCocaine, ThreatTBML},
		HandlingMarking: "LIMITE",
		LeadAgency:      "Vigilancia Aduanera",
		PartnerAgencies: []string{"Belgian Customs", "DIAN"},
		LeadOfficer:     "Lucía Fernández",
		OpenedOn:        Date{2026, time.March, 14},
	}
}

func TestCaseValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	runRecordRows(t, validCase, func(c *Case) error { return c.Validate(now) }, []recordRow[Case]{
		{name: "valid", check: func(t *testing.T, c *Case) {
			wantValue(t, "ref", c.Ref, "ESA-2026-0042")
			wantValue(t, "title", c.Title, "Cocaine in banana containers through Antwerp")
			wantList(t, "threat types", c.ThreatTypes, []ThreatType{ThreatCocaine, ThreatTBML})
			wantList(t, "partner agencies", c.PartnerAgencies, []string{"Belgian Customs", "DIAN"})
		}},
		{name: "tidied", mutate: func(c *Case) {
			c.Title = "  Cocaine in banana containers\t"
			c.Ref = " esa-2026-0042 "
			c.ThreatTypes = []ThreatType{ThreatTBML, ThreatCocaine, ThreatTBML, ThreatCash, ThreatCocaine}
			c.PartnerAgencies = []string{" Belgian Customs ", "DIAN", "", "  ", "Belgian Customs", "HMRC"}
			c.HandlingMarking = " OFFICIAL-SENSITIVE "
		}, check: func(t *testing.T, c *Case) {
			wantValue(t, "title", c.Title, "Cocaine in banana containers")
			wantValue(t, "ref", c.Ref, "ESA-2026-0042")
			wantList(t, "threat types", c.ThreatTypes, []ThreatType{ThreatTBML, ThreatCocaine, ThreatCash})
			wantList(t, "partner agencies", c.PartnerAgencies, []string{"Belgian Customs", "DIAN", "HMRC"})
			wantValue(t, "handling marking", c.HandlingMarking, "OFFICIAL-SENSITIVE")
		}},
		{name: "no partner agencies", mutate: func(c *Case) { c.PartnerAgencies = nil }},
		{name: "no ref yet", mutate: func(c *Case) { c.Ref = "" }},
		{name: "partner's own ref", mutate: func(c *Case) { c.Ref = "hmrc/op_2026.17" },
			check: func(t *testing.T, c *Case) { wantValue(t, "ref", c.Ref, "HMRC/OP_2026.17") }},
		{name: "ref of 40 characters", mutate: func(c *Case) { c.Ref = strings.Repeat("A", 40) }},
		{name: "title of 300 accented letters", mutate: func(c *Case) { c.Title = strings.Repeat("é", 300) }},
		{name: "opened today", mutate: func(c *Case) { c.OpenedOn = Date{2026, time.November, 27} }},
		{name: "closed the day it was opened", mutate: func(c *Case) {
			c.Status = StatusClosed
			c.ClosedOn = c.OpenedOn
		}},
		{name: "closed today", mutate: func(c *Case) { c.ClosedOn = Date{2026, time.November, 27} }},

		{name: "title required", mutate: func(c *Case) { c.Title = "  " },
			fields: []string{"title"}, msg: "title: is required"},
		{name: "title too long", mutate: func(c *Case) { c.Title = strings.Repeat("a", 301) },
			fields: []string{"title"},
			msg:    `title "` + strings.Repeat("a", 37) + `...": should be at most 300 characters (it has 301)`},
		{name: "operation name too long", mutate: func(c *Case) { c.OperationName = strings.Repeat("X", 121) },
			fields: []string{"operation name"}},
		{name: "status required", mutate: func(c *Case) { c.Status = "" },
			fields: []string{"status"}, msg: "status: is required (one of " + statusChoices + ")"},
		{name: "bad status", mutate: func(c *Case) { c.Status = "pending" },
			fields: []string{"status"}, msg: `status "pending": should be one of ` + statusChoices},
		{name: "bad priority", mutate: func(c *Case) { c.Priority = "critical" },
			fields: []string{"priority"}, msg: `priority "critical": should be one of ` + priorityChoices},
		{name: "bad corridor", mutate: func(c *Case) { c.Corridor = "atlantic" },
			fields: []string{"corridor"}, msg: `corridor "atlantic": should be one of ` + corridorChoices},
		{name: "corridor label instead of code", mutate: func(c *Case) { c.Corridor = "EU–UK" },
			fields: []string{"corridor"}},
		{name: "no threat type", mutate: func(c *Case) { c.ThreatTypes = nil },
			fields: []string{"threat types"}, msg: "threat types: at least one is required"},
		{name: "empty threat type list", mutate: func(c *Case) { c.ThreatTypes = []ThreatType{} },
			fields: []string{"threat types"}},
		{name: "unknown threat type", mutate: func(c *Case) { c.ThreatTypes = []ThreatType{ThreatCocaine, "heroin"} },
			fields: []string{"threat type"},
			msg:    `threat type "heroin": should be one of ` + strings.Join(choiceNames(ThreatTypes), ", ")},
		{name: "marking required", mutate: func(c *Case) { c.HandlingMarking = " " },
			fields: []string{"handling marking"}, msg: "handling marking: is required"},
		{name: "marking too long", mutate: func(c *Case) { c.HandlingMarking = strings.Repeat("M", 61) },
			fields: []string{"handling marking"}},
		{name: "opened on required", mutate: func(c *Case) { c.OpenedOn = Date{} },
			fields: []string{"opened on"}, msg: "opened on: is required"},
		{name: "opened in the future", mutate: func(c *Case) { c.OpenedOn = Date{2026, time.November, 28} },
			fields: []string{"opened on"}, msg: `opened on "2026-11-28": cannot be in the future`},
		{name: "closed before opened", mutate: func(c *Case) { c.ClosedOn = Date{2026, time.March, 13} },
			fields: []string{"closed on"},
			msg:    `closed on "2026-03-13": cannot be before the case was opened (2026-03-14)`},
		{name: "closed in the future", mutate: func(c *Case) { c.ClosedOn = Date{2027, time.January, 1} },
			fields: []string{"closed on"}, msg: `closed on "2027-01-01": cannot be in the future`},
		{name: "bad ref characters", mutate: func(c *Case) { c.Ref = "ESA 2026\n0001" },
			fields: []string{"ref"}, msg: `ref "ESA 2026\n0001": may hold only letters, digits and - . / _`},
		{name: "accented ref", mutate: func(c *Case) { c.Ref = "AEAT-AÑO-1" },
			fields: []string{"ref"}},
		{name: "ref too long", mutate: func(c *Case) { c.Ref = strings.Repeat("A", 41) },
			fields: []string{"ref"},
			msg:    `ref "` + strings.Repeat("A", 37) + `...": should be at most 40 characters`},
		{name: "every rule at once", mutate: func(c *Case) { *c = Case{} },
			fields: []string{"title", "status", "priority", "corridor", "threat types", "handling marking", "opened on"}},
	})
}

// choiceNames lists an enumeration's codes, as checkChoice quotes them.
func choiceNames[T ~string](all []T) []string {
	names := make([]string, len(all))
	for i, c := range all {
		names[i] = string(c)
	}
	return names
}

func TestCaseValidateErrorText(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	t.Run("record named by its ref", func(t *testing.T) {
		c := validCase()
		c.Corridor = "atlantic"
		err := c.Validate(now)
		want := `case ESA-2026-0042: corridor "atlantic": should be one of ` + corridorChoices
		if err == nil || err.Error() != want {
			t.Fatalf("error\n got: %v\nwant: %s", err, want)
		}
	})
	t.Run("record without ref", func(t *testing.T) {
		c := validCase()
		c.Ref = ""
		c.Title = ""
		c.Priority = "critical"
		err := c.Validate(now)
		want := `case: title: is required; priority "critical": should be one of ` + priorityChoices
		if err == nil || err.Error() != want {
			t.Fatalf("error\n got: %v\nwant: %s", err, want)
		}
	})
	t.Run("field errors found by errors.As", func(t *testing.T) {
		c := validCase()
		c.Status = "pending"
		var fe *FieldError
		if err := c.Validate(now); !errors.As(err, &fe) || fe.Field != "status" || fe.Value != "pending" {
			t.Fatalf("errors.As found %+v in %v, want the status FieldError", fe, err)
		}
	})
}

// TestValidationErrorOnOneLine: ValidationError promises a message the
// command line can print on one line, and checkRef refuses refs that would
// break a line; the refused ref must not break the message either.
func TestValidationErrorOnOneLine(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	t.Run("case ref with a line break", func(t *testing.T) {
		c := validCase()
		c.Ref = "ESA 2026\n0001"
		if err := c.Validate(now); err == nil || strings.ContainsAny(err.Error(), "\r\n") {
			t.Fatalf("error = %q, want one line", err)
		}
	})
	t.Run("seizure ref with a line break", func(t *testing.T) {
		s := validSeizure()
		s.Ref = "SZ\n0001"
		if err := s.Validate(now); err == nil || strings.ContainsAny(err.Error(), "\r\n") {
			t.Fatalf("error = %q, want one line", err)
		}
	})
}

func validSeizure() Seizure {
	return Seizure{
		CaseID:             "7d4f1c2a-3b5e-4c6d-8e9f-0a1b2c3d4e5f",
		Ref:                "SZ-0001",
		SeizedAt:           time.Date(2026, 11, 20, 6, 30, 0, 0, time.UTC),
		PlaceName:          "Port of Antwerp, quay 869",
		LOCODE:             "BEANR",
		Country:            "BE",
		Category:           CommodityCocaine,
		Description:        "cocaine bricks among banana boxes",
		HSCode:             "080390",
		Quantity:           1200,
		Unit:               Kilogram,
		EstimatedValue:     42000000,
		Currency:           "EUR",
		TransportMode:      ModeContainer,
		Detection:          DetectionScanner,
		ContainerNumbers:   []string{"MSCU1234566"},
		SealNumbers:        []string{"ML-1234567"},
		TransportDocument:  "MEDUGY123456",
		OriginCountry:      "EC",
		TransitCountries:   []string{"PA"},
		DestinationCountry: "BE",
	}
}

func TestSeizureValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	runRecordRows(t, validSeizure, func(s *Seizure) error { return s.Validate(now) }, []recordRow[Seizure]{
		{name: "valid", check: func(t *testing.T, s *Seizure) {
			wantValue(t, "LOCODE", s.LOCODE, "BEANR")
			wantValue(t, "country", s.Country, "BE")
			wantList(t, "container numbers", s.ContainerNumbers, []string{"MSCU1234566"})
		}},
		{name: "normalised", mutate: func(s *Seizure) {
			s.Ref = " sz-0001 "
			s.PlaceName = "  Antwerp  "
			s.Description = " cocaine bricks "
			s.LOCODE = "be anr"
			s.Country = ""
			s.ContainerNumbers = []string{"MSCU 123456-6", "", "mscu1234566", "CSQU3054383"}
			s.SealNumbers = []string{" ML-1 ", "ML-1", ""}
			s.Currency = "eur"
			s.HSCode = "0803.90"
			s.OriginCountry = "ec"
			s.TransitCountries = []string{"pa", "PA", " es ", "", "Pa"}
			s.DestinationCountry = "uk"
		}, check: func(t *testing.T, s *Seizure) {
			wantValue(t, "ref", s.Ref, "SZ-0001")
			wantValue(t, "place", s.PlaceName, "Antwerp")
			wantValue(t, "commodity description", s.Description, "cocaine bricks")
			wantValue(t, "LOCODE", s.LOCODE, "BEANR")
			wantValue(t, "country", s.Country, "BE")
			wantList(t, "container numbers", s.ContainerNumbers, []string{"MSCU1234566", "CSQU3054383"})
			wantList(t, "seal numbers", s.SealNumbers, []string{"ML-1"})
			wantValue(t, "currency", s.Currency, "EUR")
			wantValue(t, "HS code", s.HSCode, "080390")
			wantValue(t, "origin country", s.OriginCountry, "EC")
			wantList(t, "transit countries", s.TransitCountries, []string{"PA", "ES"})
			wantValue(t, "destination country", s.DestinationCountry, "GB")
		}},
		{name: "country typed is kept", mutate: func(s *Seizure) { s.LOCODE = ""; s.Country = "nl" },
			check: func(t *testing.T, s *Seizure) { wantValue(t, "country", s.Country, "NL") }},
		{name: "optional fields empty", mutate: func(s *Seizure) {
			s.Ref, s.LOCODE, s.Country, s.HSCode, s.Currency = "", "", "", "", ""
			s.EstimatedValue = 0
			s.Detection = ""
			s.ContainerNumbers, s.SealNumbers, s.TransitCountries = nil, nil, nil
			s.OriginCountry, s.DestinationCountry = "", ""
		}},
		{name: "blank identifiers cleared", mutate: func(s *Seizure) {
			s.LOCODE, s.Country, s.HSCode, s.OriginCountry = " ", " ", " ", "  "
		}, check: func(t *testing.T, s *Seizure) {
			wantValue(t, "LOCODE", s.LOCODE, "")
			wantValue(t, "country", s.Country, "")
			wantValue(t, "HS code", s.HSCode, "")
			wantValue(t, "origin country", s.OriginCountry, "")
		}},
		{name: "seized just now", mutate: func(s *Seizure) { s.SeizedAt = now }},
		{name: "currency without value", mutate: func(s *Seizure) { s.EstimatedValue = 0 }},

		{name: "seized at missing", mutate: func(s *Seizure) { s.SeizedAt = time.Time{} },
			fields: []string{"seized at"}, msg: "seized at: is required"},
		{name: "seized in the future", mutate: func(s *Seizure) { s.SeizedAt = now.Add(time.Hour) },
			fields: []string{"seized at"}, msg: `seized at "2026-11-27 13:00": cannot be in the future`},
		{name: "place missing", mutate: func(s *Seizure) { s.PlaceName = " " },
			fields: []string{"place"}, msg: "place: is required"},
		{name: "commodity category missing", mutate: func(s *Seizure) { s.Category = "" },
			fields: []string{"commodity category"},
			msg:    "commodity category: is required (one of " + strings.Join(choiceNames(CommodityCategories), ", ") + ")"},
		{name: "commodity category unknown", mutate: func(s *Seizure) { s.Category = "bananas" },
			fields: []string{"commodity category"}},
		{name: "description missing", mutate: func(s *Seizure) { s.Description = "\t" },
			fields: []string{"commodity description"}, msg: "commodity description: is required"},
		{name: "quantity 0", mutate: func(s *Seizure) { s.Quantity = 0 },
			fields: []string{"quantity"}, msg: `quantity "0": should be more than zero`},
		{name: "quantity negative", mutate: func(s *Seizure) { s.Quantity = -5 },
			fields: []string{"quantity"}, msg: `quantity "-5": should be more than zero`},
		{name: "quantity NaN", mutate: func(s *Seizure) { s.Quantity = math.NaN() },
			fields: []string{"quantity"}, msg: `quantity "NaN": should be a number`},
		{name: "quantity infinite", mutate: func(s *Seizure) { s.Quantity = math.Inf(1) },
			fields: []string{"quantity"}, msg: `quantity "+Inf": should be a number`},
		{name: "unit missing", mutate: func(s *Seizure) { s.Unit = "" },
			fields: []string{"unit"}, msg: "unit: is required (one of kg, g, t, l, pieces, sticks, packs, cartons, master_cases, packages, pallets, doses, banknotes)"},
		{name: "unit unknown", mutate: func(s *Seizure) { s.Unit = "lbs" },
			fields: []string{"unit"}},
		{name: "negative value", mutate: func(s *Seizure) { s.EstimatedValue = -1 },
			fields: []string{"estimated value"}, msg: `estimated value "-1": cannot be negative`},
		{name: "value NaN", mutate: func(s *Seizure) { s.EstimatedValue = math.NaN() },
			fields: []string{"estimated value"}, msg: `estimated value "NaN": should be a number`},
		{name: "value without currency", mutate: func(s *Seizure) { s.Currency = "" },
			fields: []string{"currency"}, msg: "currency: is required when a value is given"},
		{name: "value with blank currency", mutate: func(s *Seizure) { s.Currency = "  " },
			fields: []string{"currency"}, msg: "currency: is required when a value is given"},
		{name: "unknown currency", mutate: func(s *Seizure) { s.Currency = "xyz" },
			fields: []string{"currency"}, msg: `currency "xyz": is not an ISO 4217 currency code`,
			check: func(t *testing.T, s *Seizure) { wantValue(t, "currency", s.Currency, "xyz") }},
		{name: "transport mode missing", mutate: func(s *Seizure) { s.TransportMode = "" },
			fields: []string{"transport mode"}},
		{name: "bad transport mode", mutate: func(s *Seizure) { s.TransportMode = "teleport" },
			fields: []string{"transport mode"},
			msg:    `transport mode "teleport": should be one of ` + strings.Join(choiceNames(TransportModes), ", ")},
		{name: "bad detection method", mutate: func(s *Seizure) { s.Detection = "psychic" },
			fields: []string{"detection method"},
			msg:    `detection method "psychic": should be one of ` + strings.Join(choiceNames(DetectionMethods), ", ")},
		{name: "bad container check digit", mutate: func(s *Seizure) { s.ContainerNumbers = []string{"MSCU1234565"} },
			fields: []string{"container number"}, msg: `container number "MSCU1234565": check digit should be 6`,
			check: func(t *testing.T, s *Seizure) {
				wantList(t, "container numbers", s.ContainerNumbers, []string{"MSCU1234565"})
			}},
		{name: "one bad container among good ones", mutate: func(s *Seizure) {
			s.ContainerNumbers = []string{"MSCU 123456-6", "CSQU 305438-4"}
		}, fields: []string{"container number"}, msg: `container number "CSQU 305438-4": check digit should be 3`,
			check: func(t *testing.T, s *Seizure) {
				wantList(t, "container numbers", s.ContainerNumbers, []string{"MSCU1234566", "CSQU 305438-4"})
			}},
		{name: "bad origin country", mutate: func(s *Seizure) { s.OriginCountry = "XX" },
			fields: []string{"origin country"}, msg: `origin country "XX": is not an ISO 3166 country code`,
			check: func(t *testing.T, s *Seizure) { wantValue(t, "origin country", s.OriginCountry, "XX") }},
		{name: "bad destination country", mutate: func(s *Seizure) { s.DestinationCountry = "Spain" },
			fields: []string{"destination country"},
			msg:    `destination country "Spain": should be a 2-letter ISO 3166 country code`,
			check: func(t *testing.T, s *Seizure) {
				wantValue(t, "destination country", s.DestinationCountry, "Spain")
			}},
		{name: "bad transit country", mutate: func(s *Seizure) { s.TransitCountries = []string{"PA", "zz"} },
			fields: []string{"transit country"},
			check: func(t *testing.T, s *Seizure) {
				wantList(t, "transit countries", s.TransitCountries, []string{"PA", "zz"})
			}},
		{name: "bad country", mutate: func(s *Seizure) { s.Country = "QQ" },
			fields: []string{"country"}},
		{name: "bad LOCODE", mutate: func(s *Seizure) { s.LOCODE = "be an0" },
			fields: []string{"UN/LOCODE"}, msg: `UN/LOCODE "be an0": location part should be letters or digits 2 to 9`,
			check: func(t *testing.T, s *Seizure) { wantValue(t, "LOCODE", s.LOCODE, "be an0") }},
		{name: "refused LOCODE does not fill country", mutate: func(s *Seizure) { s.LOCODE = "QQABC"; s.Country = "" },
			fields: []string{"UN/LOCODE"},
			check: func(t *testing.T, s *Seizure) {
				wantValue(t, "LOCODE", s.LOCODE, "QQABC")
				wantValue(t, "country", s.Country, "")
			}},
		{name: "bad HS code", mutate: func(s *Seizure) { s.HSCode = "87O3" },
			fields: []string{"HS code"},
			check:  func(t *testing.T, s *Seizure) { wantValue(t, "HS code", s.HSCode, "87O3") }},
		{name: "bad ref", mutate: func(s *Seizure) { s.Ref = "SZ 0001" },
			fields: []string{"ref"}, msg: `ref "SZ 0001": may hold only letters, digits and - . / _`},
		{name: "several rules at once", mutate: func(s *Seizure) {
			s.PlaceName = ""
			s.Quantity = 0
			s.OriginCountry = "XX"
		}, fields: []string{"place", "quantity", "origin country"}},
	})
}

func validPerson() Entity {
	return Entity{
		Kind:    KindPerson,
		Name:    "Ana Muñoz Rojas",
		Aliases: []string{"La Tía"},
		Country: "CO",
		Identifiers: Identifiers{
			BirthDate:      Date{1984, time.May, 2},
			Nationality:    "CO",
			DocumentNumber: "AB123456",
		},
	}
}

func TestEntityValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	runRecordRows(t, validPerson, func(e *Entity) error { return e.Validate(now) }, []recordRow[Entity]{
		{name: "person", mutate: func(e *Entity) {
			e.Name = "  Ana Muñoz Rojas "
			e.Aliases = []string{" La Tía", "La Tía", ""}
			e.Nationality = "co"
			e.DocumentNumber = " ab123456 "
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "name", e.Name, "Ana Muñoz Rojas")
			wantList(t, "aliases", e.Aliases, []string{"La Tía"})
			wantValue(t, "nationality", e.Nationality, "CO")
			wantValue(t, "document number", e.DocumentNumber, "AB123456")
		}},
		{name: "organisation", mutate: func(e *Entity) {
			*e = Entity{Kind: KindOrganisation, Name: "Muñoz Rojas Trading S.A.S.", Country: "co",
				Identifiers: Identifiers{LEI: "5493 001k jtii gc8y 1r12", VATNumber: "be0123456789", EORI: " es12345678z "}}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "country", e.Country, "CO")
			wantValue(t, "LEI", e.LEI, "5493001KJTIIGC8Y1R12")
			wantValue(t, "VAT number", e.VATNumber, "BE0123456789")
			wantValue(t, "EORI", e.EORI, "ES12345678Z")
		}},
		{name: "vessel", mutate: func(e *Entity) {
			*e = Entity{Kind: KindVessel, Name: "MSC Aurora",
				Identifiers: Identifiers{IMO: "IMO 9074729", MMSI: "244 123 456", CallSign: "3eab7", Flag: "pa"}}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "IMO", e.IMO, "9074729")
			wantValue(t, "MMSI", e.MMSI, "244123456")
			wantValue(t, "call sign", e.CallSign, "3EAB7")
			wantValue(t, "flag", e.Flag, "PA")
		}},
		{name: "container named from its number", mutate: func(e *Entity) {
			*e = Entity{Kind: KindContainer, Identifiers: Identifiers{ContainerNumber: "MSCU1234566"}}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "name", e.Name, "MSCU1234566")
			wantValue(t, "container number", e.ContainerNumber, "MSCU1234566")
		}},
		{name: "container number from its name", mutate: func(e *Entity) {
			*e = Entity{Kind: KindContainer, Name: " MSCU 123456-6 "}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "name", e.Name, "MSCU 123456-6")
			wantValue(t, "container number", e.ContainerNumber, "MSCU1234566")
		}},
		{name: "container name filled from number typed with blanks", mutate: func(e *Entity) {
			*e = Entity{Kind: KindContainer, Identifiers: Identifiers{ContainerNumber: " MSCU1234566 "}}
		}, check: func(t *testing.T, e *Entity) { wantValue(t, "name", e.Name, "MSCU1234566") }},
		{name: "vehicle", mutate: func(e *Entity) {
			*e = Entity{Kind: KindVehicle, Name: "White Iveco Daily",
				Identifiers: Identifiers{Plate: "1234 abc", VIN: "1m8gdm9axkp042788"}}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "plate", e.Plate, "1234 ABC")
			wantValue(t, "VIN", e.VIN, "1M8GDM9AXKP042788")
		}},
		{name: "address", mutate: func(e *Entity) {
			*e = Entity{Kind: KindAddress, Name: "Calle Mayor 1, Valencia", Country: "es"}
		}, check: func(t *testing.T, e *Entity) { wantValue(t, "country", e.Country, "ES") }},
		{name: "phone named from its number", mutate: func(e *Entity) {
			*e = Entity{Kind: KindPhone, Identifiers: Identifiers{Phone: "+34600123456"}}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "name", e.Name, "+34600123456")
			wantValue(t, "phone", e.Phone, "+34600123456")
		}},
		{name: "phone number from its name", mutate: func(e *Entity) {
			*e = Entity{Kind: KindPhone, Name: "+34 600 123 456"}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "name", e.Name, "+34 600 123 456")
			wantValue(t, "phone", e.Phone, "+34600123456")
		}},
		{name: "phone with its own name", mutate: func(e *Entity) {
			*e = Entity{Kind: KindPhone, Name: "burner phone", Identifiers: Identifiers{Phone: "+34 600 123 456"}}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "name", e.Name, "burner phone")
			wantValue(t, "phone", e.Phone, "+34600123456")
		}},
		{name: "e-mail named from its address", mutate: func(e *Entity) {
			*e = Entity{Kind: KindEmail, Identifiers: Identifiers{Email: "ana@example.org"}}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "name", e.Name, "ana@example.org")
			wantValue(t, "e-mail", e.Email, "ana@example.org")
		}},
		{name: "e-mail address from its name", mutate: func(e *Entity) {
			*e = Entity{Kind: KindEmail, Name: "Ana.Munoz@Example.ORG"}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "name", e.Name, "Ana.Munoz@Example.ORG")
			wantValue(t, "e-mail", e.Email, "Ana.Munoz@example.org")
		}},
		{name: "bank account named from its IBAN", mutate: func(e *Entity) {
			*e = Entity{Kind: KindBankAccount, Identifiers: Identifiers{IBAN: "DE89370400440532013000"}}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "name", e.Name, "DE89370400440532013000")
			wantValue(t, "IBAN", e.IBAN, "DE89370400440532013000")
		}},
		{name: "bank account with holder's name", mutate: func(e *Entity) {
			*e = Entity{Kind: KindBankAccount, Name: "Muñoz Rojas Trading, Deutsche Bank",
				Identifiers: Identifiers{IBAN: "de89 3704 0044 0532 0130 00"}}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "name", e.Name, "Muñoz Rojas Trading, Deutsche Bank")
			wantValue(t, "IBAN", e.IBAN, "DE89370400440532013000")
		}},
		{name: "wallet keeps its case", mutate: func(e *Entity) {
			*e = Entity{Kind: KindWallet, Identifiers: Identifiers{WalletAddress: "bc1qXyZ9w508d6qejxtdg4y5r3zarvary0c5xw7k"}}
		}, check: func(t *testing.T, e *Entity) {
			wantValue(t, "name", e.Name, "bc1qXyZ9w508d6qejxtdg4y5r3zarvary0c5xw7k")
			wantValue(t, "wallet address", e.WalletAddress, "bc1qXyZ9w508d6qejxtdg4y5r3zarvary0c5xw7k")
		}},
		{name: "born today", mutate: func(e *Entity) { e.BirthDate = Date{2026, time.November, 27} }},

		{name: "name required", mutate: func(e *Entity) { e.Name = "  " },
			fields: []string{"name"}, msg: "name: is required"},
		{name: "name too long", mutate: func(e *Entity) { e.Name = strings.Repeat("n", 301) },
			fields: []string{"name"}},
		{name: "container without name or number", mutate: func(e *Entity) { *e = Entity{Kind: KindContainer} },
			fields: []string{"name"}},
		{name: "kind missing", mutate: func(e *Entity) { e.Kind = "" },
			fields: []string{"kind"}},
		{name: "kind unknown", mutate: func(e *Entity) { e.Kind = "ship" },
			fields: []string{"kind"}, msg: `kind "ship": should be one of ` + strings.Join(choiceNames(EntityKinds), ", ")},
		{name: "birth date in the future", mutate: func(e *Entity) { e.BirthDate = Date{2026, time.November, 28} },
			fields: []string{"birth date"}, msg: `birth date "2026-11-28": cannot be in the future`},
		{name: "bad nationality", mutate: func(e *Entity) { e.Nationality = "XX" },
			fields: []string{"nationality"}, msg: `nationality "XX": is not an ISO 3166 country code`,
			check: func(t *testing.T, e *Entity) { wantValue(t, "nationality", e.Nationality, "XX") }},
		{name: "bad country", mutate: func(e *Entity) { e.Country = "Colombia" },
			fields: []string{"country"}},
		{name: "bad flag", mutate: func(e *Entity) {
			*e = Entity{Kind: KindVessel, Name: "MSC Aurora", Identifiers: Identifiers{Flag: "ZZ"}}
		},
			fields: []string{"flag"}, msg: `flag "ZZ": is not an ISO 3166 country code`,
			check: func(t *testing.T, e *Entity) { wantValue(t, "flag", e.Flag, "ZZ") }},
		{name: "bad IMO", mutate: func(e *Entity) {
			*e = Entity{Kind: KindVessel, Name: "MSC Aurora", Identifiers: Identifiers{IMO: "9074728"}}
		},
			fields: []string{"IMO number"}, msg: `IMO number "9074728": check digit should be 9`,
			check: func(t *testing.T, e *Entity) { wantValue(t, "IMO", e.IMO, "9074728") }},
		{name: "bad MMSI", mutate: func(e *Entity) {
			*e = Entity{Kind: KindVessel, Name: "MSC Aurora", Identifiers: Identifiers{MMSI: "24412345"}}
		},
			fields: []string{"MMSI"}},
		{name: "bad IBAN", mutate: func(e *Entity) {
			*e = Entity{Kind: KindBankAccount, Identifiers: Identifiers{IBAN: "DE88 3704 0044 0532 0130 00"}}
		}, fields: []string{"IBAN"}, msg: `IBAN "DE88 3704 0044 0532 0130 00": check digits should be 89`,
			check: func(t *testing.T, e *Entity) { wantValue(t, "IBAN", e.IBAN, "DE88 3704 0044 0532 0130 00") }},
		{name: "bad VIN", mutate: func(e *Entity) {
			*e = Entity{Kind: KindVehicle, Name: "Iveco", Identifiers: Identifiers{VIN: "1M8GDM9AXKP042789"}}
		}, fields: []string{"VIN"}},
		{name: "bad LEI", mutate: func(e *Entity) {
			*e = Entity{Kind: KindOrganisation, Name: "Bloomberg", Identifiers: Identifiers{LEI: "5493001KJTIIGC8Y1R13"}}
		}, fields: []string{"LEI"}, msg: `LEI "5493001KJTIIGC8Y1R13": check digits should be 12`},
		{name: "bad container number", mutate: func(e *Entity) {
			*e = Entity{Kind: KindContainer, Identifiers: Identifiers{ContainerNumber: "MSCU1234565"}}
		}, fields: []string{"container number"}, msg: `container number "MSCU1234565": check digit should be 6`,
			check: func(t *testing.T, e *Entity) { wantValue(t, "container number", e.ContainerNumber, "MSCU1234565") }},
		{name: "bad phone", mutate: func(e *Entity) { *e = Entity{Kind: KindPhone, Name: "call me"} },
			fields: []string{"phone number"}},
		{name: "bad e-mail", mutate: func(e *Entity) { *e = Entity{Kind: KindEmail, Name: "ana at example.org"} },
			fields: []string{"e-mail address"}},
	})
}

func validLink() CaseLink {
	return CaseLink{CaseID: "7d4f1c2a-3b5e-4c6d-8e9f-0a1b2c3d4e5f", EntityID: "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", Role: RoleConsignee}
}

func TestCaseLinkValidate(t *testing.T) {
	runRecordRows(t, validLink, (*CaseLink).Validate, []recordRow[CaseLink]{
		{name: "valid"},
		{name: "case required", mutate: func(l *CaseLink) { l.CaseID = "" },
			fields: []string{"case"}, msg: "case: is required"},
		{name: "entity required", mutate: func(l *CaseLink) { l.EntityID = " " },
			fields: []string{"entity"}, msg: "entity: is required"},
		{name: "role required", mutate: func(l *CaseLink) { l.Role = "" },
			fields: []string{"role"}},
		{name: "role unknown", mutate: func(l *CaseLink) { l.Role = "smuggler" },
			fields: []string{"role"}, msg: `role "smuggler": should be one of ` + strings.Join(choiceNames(CaseRoles), ", ")},
	})
}

func validRelation() Relation {
	return Relation{
		FromID:      "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d",
		ToID:        "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
		Type:        RelOwns,
		Since:       Date{2024, time.January, 1},
		Source:      "Chamber of Commerce register",
		Reliability: "B",
		Credibility: "2",
	}
}

func TestRelationValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	runRecordRows(t, validRelation, func(r *Relation) error { return r.Validate(now) }, []recordRow[Relation]{
		{name: "valid", check: func(t *testing.T, r *Relation) { wantValue(t, "grading", r.Grading(), "B2") }},
		{name: "ungraded is F6", mutate: func(r *Relation) { r.Reliability, r.Credibility = "", " " },
			check: func(t *testing.T, r *Relation) {
				wantValue(t, "source reliability", r.Reliability, "F")
				wantValue(t, "information credibility", r.Credibility, "6")
				wantValue(t, "grading", r.Grading(), "F6")
			}},
		{name: "reliability upper-cased", mutate: func(r *Relation) { r.Reliability, r.Credibility = " a ", " 1 " },
			check: func(t *testing.T, r *Relation) { wantValue(t, "grading", r.Grading(), "A1") }},
		{name: "until the day it began", mutate: func(r *Relation) { r.Until = r.Since }},
		{name: "no dates", mutate: func(r *Relation) { r.Since, r.Until = Date{}, Date{} }},

		{name: "from required", mutate: func(r *Relation) { r.FromID = "" },
			fields: []string{"from"}},
		{name: "to required", mutate: func(r *Relation) { r.ToID = "" },
			fields: []string{"to"}},
		{name: "neither end", mutate: func(r *Relation) { r.FromID, r.ToID = "", "" },
			fields: []string{"from", "to"}},
		{name: "self-relation", mutate: func(r *Relation) { r.ToID = r.FromID },
			fields: []string{"to"}, msg: "to: an entity cannot be related to itself"},
		{name: "type required", mutate: func(r *Relation) { r.Type = "" },
			fields: []string{"relation"}},
		{name: "type unknown", mutate: func(r *Relation) { r.Type = "knows" },
			fields: []string{"relation"}},
		{name: "reliability G", mutate: func(r *Relation) { r.Reliability = "G" },
			fields: []string{"source reliability"},
			msg:    `source reliability "G": should be a letter from A (reliable) to F (cannot be judged)`},
		{name: "reliability two letters", mutate: func(r *Relation) { r.Reliability = "AB" },
			fields: []string{"source reliability"}},
		{name: "credibility 7", mutate: func(r *Relation) { r.Credibility = "7" },
			fields: []string{"information credibility"},
			msg:    `information credibility "7": should be a digit from 1 (confirmed) to 6 (cannot be judged)`},
		{name: "credibility 0", mutate: func(r *Relation) { r.Credibility = "0" },
			fields: []string{"information credibility"}},
		{name: "grading in one field", mutate: func(r *Relation) { r.Reliability, r.Credibility = "B2", "" },
			fields: []string{"source reliability"}},
		{name: "since in the future", mutate: func(r *Relation) { r.Since = Date{2026, time.December, 1} },
			fields: []string{"since"}, msg: `since "2026-12-01": cannot be in the future`},
		{name: "until before since", mutate: func(r *Relation) { r.Until = Date{2023, time.December, 31} },
			fields: []string{"until"}, msg: `until "2023-12-31": cannot be before since (2024-01-01)`},
	})
}

func validTask() Task {
	return Task{
		CaseID:     "7d4f1c2a-3b5e-4c6d-8e9f-0a1b2c3d4e5f",
		Kind:       TaskAssistanceRequest,
		Title:      "Request consignee records from DIAN",
		Partner:    "DIAN (Colombia)",
		LegalBasis: "CMAA EU–Colombia",
		Status:     TaskSent,
		SentOn:     Date{2026, time.November, 2},
		DueOn:      Date{2026, time.December, 2},
	}
}

func TestTaskValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	runRecordRows(t, validTask, func(k *Task) error { return k.Validate(now) }, []recordRow[Task]{
		{name: "valid request due in the future"},
		{name: "to-do needs no partner", mutate: func(k *Task) {
			*k = Task{CaseID: "c", Kind: TaskTodo, Title: " Check the bill of lading ", Status: TaskOpen}
		}, check: func(t *testing.T, k *Task) { wantValue(t, "title", k.Title, "Check the bill of lading") }},
		{name: "answered the day it was sent", mutate: func(k *Task) { k.AnsweredOn, k.Status = k.SentOn, TaskAnswered }},
		{name: "sent today", mutate: func(k *Task) { k.SentOn = Date{2026, time.November, 27} }},

		{name: "assistance request needs a partner", mutate: func(k *Task) { k.Partner = "  " },
			fields: []string{"partner agency"}, msg: "partner agency: is required"},
		{name: "case required", mutate: func(k *Task) { k.CaseID = "" },
			fields: []string{"case"}},
		{name: "title required", mutate: func(k *Task) { k.Title = "" },
			fields: []string{"title"}},
		{name: "title too long", mutate: func(k *Task) { k.Title = strings.Repeat("t", 301) },
			fields: []string{"title"}},
		{name: "kind required", mutate: func(k *Task) { k.Kind = "" },
			fields: []string{"kind"}, msg: "kind: is required (one of task, assistance_request)"},
		{name: "bad kind", mutate: func(k *Task) { k.Kind = "memo" },
			fields: []string{"kind"}, msg: `kind "memo": should be one of task, assistance_request`},
		{name: "bad status", mutate: func(k *Task) { k.Status = "waiting" },
			fields: []string{"status"}, msg: `status "waiting": should be one of open, sent, answered, done, cancelled`},
		{name: "sent in the future", mutate: func(k *Task) { k.SentOn = Date{2026, time.November, 28} },
			fields: []string{"sent on"}, msg: `sent on "2026-11-28": cannot be in the future`},
		{name: "answered in the future", mutate: func(k *Task) { k.AnsweredOn = Date{2026, time.November, 30} },
			fields: []string{"answered on"}, msg: `answered on "2026-11-30": cannot be in the future`},
		{name: "answered before sent", mutate: func(k *Task) { k.AnsweredOn = Date{2026, time.November, 1} },
			fields: []string{"answered on"}, msg: `answered on "2026-11-01": cannot be before it was sent (2026-11-02)`},
	})
}

func TestTaskOverdue(t *testing.T) {
	today := Date{2026, time.November, 27}
	for _, c := range []struct {
		name   string
		status TaskStatus
		due    Date
		want   bool
	}{
		{"open past due", TaskOpen, Date{2026, time.November, 26}, true},
		{"sent past due", TaskSent, Date{2026, time.January, 1}, true},
		{"due today", TaskSent, today, false},
		{"due tomorrow", TaskOpen, Date{2026, time.November, 28}, false},
		{"no due day", TaskOpen, Date{}, false},
		{"answered past due", TaskAnswered, Date{2026, time.November, 1}, false},
		{"done past due", TaskDone, Date{2026, time.November, 1}, false},
		{"cancelled past due", TaskCancelled, Date{2026, time.November, 1}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := (Task{Status: c.status, DueOn: c.due}).Overdue(today); got != c.want {
				t.Errorf("Overdue = %v, want %v", got, c.want)
			}
		})
	}
}

func validTimelineEvent() TimelineEvent {
	return TimelineEvent{
		CaseID: "7d4f1c2a-3b5e-4c6d-8e9f-0a1b2c3d4e5f",
		At:     time.Date(2026, 11, 26, 22, 15, 0, 0, time.UTC),
		Title:  "Controlled delivery to the Valencia warehouse",
		Place:  "Valencia",
	}
}

func TestTimelineEventValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	runRecordRows(t, validTimelineEvent, func(e *TimelineEvent) error { return e.Validate(now) }, []recordRow[TimelineEvent]{
		{name: "valid"},
		{name: "title trimmed", mutate: func(e *TimelineEvent) { e.Title = " Arrest of the consignee\n" },
			check: func(t *testing.T, e *TimelineEvent) { wantValue(t, "title", e.Title, "Arrest of the consignee") }},
		{name: "just now", mutate: func(e *TimelineEvent) { e.At = now }},

		{name: "case required", mutate: func(e *TimelineEvent) { e.CaseID = "" },
			fields: []string{"case"}},
		{name: "title required", mutate: func(e *TimelineEvent) { e.Title = " " },
			fields: []string{"title"}, msg: "title: is required"},
		{name: "title too long", mutate: func(e *TimelineEvent) { e.Title = strings.Repeat("t", 301) },
			fields: []string{"title"}},
		{name: "when required", mutate: func(e *TimelineEvent) { e.At = time.Time{} },
			fields: []string{"when"}, msg: "when: is required"},
		{name: "in the future", mutate: func(e *TimelineEvent) { e.At = now.Add(time.Minute) },
			fields: []string{"when"}, msg: `when "2026-11-27 12:01": cannot be in the future`},
	})
}

func TestNoteValidate(t *testing.T) {
	valid := func() Note {
		return Note{CaseID: "7d4f1c2a-3b5e-4c6d-8e9f-0a1b2c3d4e5f", Body: "Consignee uses a second phone."}
	}
	runRecordRows(t, valid, (*Note).Validate, []recordRow[Note]{
		{name: "valid"},
		{name: "trimmed", mutate: func(n *Note) { n.Body = "\n  Seen at the quay.  \n" },
			check: func(t *testing.T, n *Note) { wantValue(t, "text", n.Body, "Seen at the quay.") }},
		{name: "longest", mutate: func(n *Note) { n.Body = strings.Repeat("ñ", 20000) }},

		{name: "blank", mutate: func(n *Note) { n.Body = " \n\t " },
			fields: []string{"text"}, msg: "text: is required"},
		{name: "too long", mutate: func(n *Note) { n.Body = strings.Repeat("n", 20001) },
			fields: []string{"text"}},
		{name: "case required", mutate: func(n *Note) { n.CaseID = "" },
			fields: []string{"case"}},
	})
}

func validOfficer() Officer {
	return Officer{
		Name:           "Lucía Fernández",
		Agency:         "Vigilancia Aduanera",
		Country:        "ES",
		RefPrefix:      "ESA",
		DefaultMarking: "RESERVADO",
		Language:       Spanish,
	}
}

func TestOfficerValidate(t *testing.T) {
	const prefixRule = "should be 2 to 8 capital letters or digits, starting with a letter"
	runRecordRows(t, validOfficer, (*Officer).Validate, []recordRow[Officer]{
		{name: "valid", check: func(t *testing.T, o *Officer) {
			wantValue(t, "marking", o.DefaultMarking, "RESERVADO")
			wantValue(t, "language", o.Language, Spanish)
		}},
		{name: "defaults filled", mutate: func(o *Officer) { o.DefaultMarking, o.Language = "  ", "" },
			check: func(t *testing.T, o *Officer) {
				wantValue(t, "marking", o.DefaultMarking, "LIMITE")
				wantValue(t, "language", o.Language, English)
			}},
		{name: "trimmed", mutate: func(o *Officer) { o.Name, o.Agency = " Lucía Fernández ", " SVA " },
			check: func(t *testing.T, o *Officer) {
				wantValue(t, "name", o.Name, "Lucía Fernández")
				wantValue(t, "agency", o.Agency, "SVA")
			}},
		{name: "prefix ES", mutate: func(o *Officer) { o.RefPrefix = "ES" }},
		{name: "prefix ESA2", mutate: func(o *Officer) { o.RefPrefix = "ESA2" }},
		{name: "prefix of 8", mutate: func(o *Officer) { o.RefPrefix = "ABCDEFGH" }},
		{name: "prefix lower case", mutate: func(o *Officer) { o.RefPrefix = " hmrc " },
			check: func(t *testing.T, o *Officer) { wantValue(t, "prefix", o.RefPrefix, "HMRC") }},
		{name: "UK country", mutate: func(o *Officer) { o.Country = "uk" },
			check: func(t *testing.T, o *Officer) { wantValue(t, "country", o.Country, "GB") }},
		{name: "no country", mutate: func(o *Officer) { o.Country = "" }},

		{name: "name required", mutate: func(o *Officer) { o.Name = " " },
			fields: []string{"officer name"}, msg: "officer name: is required"},
		{name: "name too long", mutate: func(o *Officer) { o.Name = strings.Repeat("n", 121) },
			fields: []string{"officer name"}},
		{name: "agency required", mutate: func(o *Officer) { o.Agency = "" },
			fields: []string{"agency"}, msg: "agency: is required"},
		{name: "prefix required", mutate: func(o *Officer) { o.RefPrefix = "" },
			fields: []string{"case-ref prefix"}, msg: "case-ref prefix: is required (2 to 8 capital letters, e.g. ESA)"},
		{name: "prefix 2ES", mutate: func(o *Officer) { o.RefPrefix = "2ES" },
			fields: []string{"case-ref prefix"}, msg: `case-ref prefix "2ES": ` + prefixRule},
		{name: "prefix E", mutate: func(o *Officer) { o.RefPrefix = "E" },
			fields: []string{"case-ref prefix"}, msg: `case-ref prefix "E": ` + prefixRule},
		{name: "prefix of 9", mutate: func(o *Officer) { o.RefPrefix = "ABCDEFGHI" },
			fields: []string{"case-ref prefix"}},
		{name: "prefix TOOLONGPREFIX", mutate: func(o *Officer) { o.RefPrefix = "TOOLONGPREFIX" },
			fields: []string{"case-ref prefix"}, msg: `case-ref prefix "TOOLONGPREFIX": ` + prefixRule},
		{name: "prefix with dash", mutate: func(o *Officer) { o.RefPrefix = "ES-A" },
			fields: []string{"case-ref prefix"}},
		{name: "prefix with accent", mutate: func(o *Officer) { o.RefPrefix = "AÑO" },
			fields: []string{"case-ref prefix"}},
		{name: "bad language", mutate: func(o *Officer) { o.Language = "de" },
			fields: []string{"language"}, msg: `language "de": should be one of en, es, pt, fr`},
		{name: "bad country", mutate: func(o *Officer) { o.Country = "XX" },
			fields: []string{"country"}},
	})
}

func validExhibit() EvidenceItem {
	return EvidenceItem{
		CaseID:      "7d4f1c2a-3b5e-4c6d-8e9f-0a1b2c3d4e5f",
		ExhibitRef:  "ESA-2026-0042/EX-001",
		Description: "Brick of cocaine, sample 1",
		Kind:        EvidenceSample,
		SealNumber:  "ML-7781",
		AcquiredAt:  time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC),
	}
}

func TestEvidenceItemValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	runRecordRows(t, validExhibit, func(e *EvidenceItem) error { return e.Validate(now) }, []recordRow[EvidenceItem]{
		{name: "valid"},
		{name: "description trimmed", mutate: func(e *EvidenceItem) { e.Description = " Bill of lading " },
			check: func(t *testing.T, e *EvidenceItem) { wantValue(t, "description", e.Description, "Bill of lading") }},
		{name: "acquisition time unknown", mutate: func(e *EvidenceItem) { e.AcquiredAt = time.Time{} }},

		{name: "case required", mutate: func(e *EvidenceItem) { e.CaseID = "" },
			fields: []string{"case"}},
		{name: "description required", mutate: func(e *EvidenceItem) { e.Description = "  " },
			fields: []string{"description"}, msg: "description: is required"},
		{name: "kind required", mutate: func(e *EvidenceItem) { e.Kind = "" },
			fields: []string{"kind"}},
		{name: "kind unknown", mutate: func(e *EvidenceItem) { e.Kind = "rumour" },
			fields: []string{"kind"}, msg: `kind "rumour": should be one of physical, document, photo, digital, sample, statement`},
		{name: "acquired in the future", mutate: func(e *EvidenceItem) { e.AcquiredAt = now.Add(24 * time.Hour) },
			fields: []string{"acquired at"}, msg: `acquired at "2026-11-28 12:00": cannot be in the future`},
	})
	t.Run("record named by its exhibit ref", func(t *testing.T) {
		e := validExhibit()
		e.Description = ""
		want := "exhibit ESA-2026-0042/EX-001: description: is required"
		if err := e.Validate(now); err == nil || err.Error() != want {
			t.Fatalf("error\n got: %v\nwant: %s", err, want)
		}
	})
}

func TestFormatExhibitRef(t *testing.T) {
	for _, c := range []struct {
		name, caseRef string
		seq           int
		want          string
	}{
		{"first", "ESA-2026-0042", 1, "ESA-2026-0042/EX-001"},
		{"two digits", "ESA-2026-0042", 17, "ESA-2026-0042/EX-017"},
		{"beyond three digits", "HMRC-2025-0003", 1234, "HMRC-2025-0003/EX-1234"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := FormatExhibitRef(c.caseRef, c.seq); got != c.want {
				t.Errorf("FormatExhibitRef(%q, %d) = %q, want %q", c.caseRef, c.seq, got, c.want)
			}
		})
	}
}

func validCustodyEvent() CustodyEvent {
	return CustodyEvent{
		ItemID:     "3e2d1c0b-9a8f-4e7d-b6c5-4a3b2c1d0e9f",
		Action:     CustodySealed,
		From:       Author{Name: "Lucía Fernández", Agency: "SVA"},
		Place:      "Antwerp quay 869",
		SealNumber: "ML-7781",
		At:         time.Date(2026, 11, 20, 8, 5, 0, 0, time.UTC),
	}
}

func TestCustodyEventValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	runRecordRows(t, validCustodyEvent, func(c *CustodyEvent) error { return c.Validate(now) }, []recordRow[CustodyEvent]{
		{name: "valid"},
		{name: "transfer to someone", mutate: func(c *CustodyEvent) {
			c.Action = CustodyTransferred
			c.To = Author{Name: "Dr. Peeters", Agency: "NICC"}
		}},
		{name: "just now", mutate: func(c *CustodyEvent) { c.At = now }},

		{name: "transfer needs a to", mutate: func(c *CustodyEvent) { c.Action = CustodyTransferred },
			fields: []string{"to"}, msg: "to: is required"},
		{name: "transfer to a blank name", mutate: func(c *CustodyEvent) {
			c.Action = CustodyTransferred
			c.To = Author{Name: "  ", Agency: "NICC"}
		}, fields: []string{"to"}},
		{name: "exhibit required", mutate: func(c *CustodyEvent) { c.ItemID = "" },
			fields: []string{"exhibit"}, msg: "exhibit: is required"},
		{name: "action required", mutate: func(c *CustodyEvent) { c.Action = "" },
			fields: []string{"action"}},
		{name: "action unknown", mutate: func(c *CustodyEvent) { c.Action = "lost" },
			fields: []string{"action"}, msg: `action "lost": should be one of ` + strings.Join(choiceNames(CustodyActions), ", ")},
		{name: "when required", mutate: func(c *CustodyEvent) { c.At = time.Time{} },
			fields: []string{"when"}, msg: "when: is required"},
		{name: "in the future", mutate: func(c *CustodyEvent) { c.At = now.Add(time.Hour) },
			fields: []string{"when"}, msg: `when "2026-11-27 13:00": cannot be in the future`},
	})
}

func TestCustodyActionFinal(t *testing.T) {
	final := map[CustodyAction]bool{CustodyReturned: true, CustodyDestroyed: true}
	for _, a := range CustodyActions {
		t.Run(string(a), func(t *testing.T) {
			if got := a.Final(); got != final[a] {
				t.Errorf("Final() = %v, want %v", got, final[a])
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		want Date
		err  string
	}{
		{name: "ISO", in: "2026-03-14", want: Date{2026, time.March, 14}},
		{name: "DD/MM/YYYY", in: "14/03/2026", want: Date{2026, time.March, 14}},
		{name: "D/M/YYYY", in: "4/3/2026", want: Date{2026, time.March, 4}},
		{name: "DD/M/YYYY", in: "14/3/2026", want: Date{2026, time.March, 14}},
		{name: "leap day", in: "29/02/2028", want: Date{2028, time.February, 29}},
		{name: "empty", in: "", want: Date{}},
		{name: "month 13", in: "2026-13-45",
			err: `date "2026-13-45": should be written as YYYY-MM-DD or DD/MM/YYYY`},
		{name: "31 February", in: "31/02/2026",
			err: `date "31/02/2026": should be written as YYYY-MM-DD or DD/MM/YYYY`},
		{name: "29 February of a common year", in: "2026-02-29",
			err: `date "2026-02-29": should be written as YYYY-MM-DD or DD/MM/YYYY`},
		{name: "American order", in: "03/14/2026",
			err: `date "03/14/2026": should be written as YYYY-MM-DD or DD/MM/YYYY`},
		{name: "slashes in ISO order", in: "2026/03/14",
			err: `date "2026/03/14": should be written as YYYY-MM-DD or DD/MM/YYYY`},
		{name: "two-digit year", in: "14/03/26",
			err: `date "14/03/26": should be written as YYYY-MM-DD or DD/MM/YYYY`},
		{name: "words", in: "yesterday",
			err: `date "yesterday": should be written as YYYY-MM-DD or DD/MM/YYYY`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseDate(c.in)
			if c.err == "" {
				if err != nil || got != c.want {
					t.Fatalf("ParseDate(%q) = %v, %v; want %v", c.in, got, err, c.want)
				}
				return
			}
			if err == nil || err.Error() != c.err {
				t.Fatalf("ParseDate(%q) error\n got: %v\nwant: %s", c.in, err, c.err)
			}
			if fe := FieldErrors(err); len(fe) != 1 || fe[0].Field != "date" || fe[0].Value != c.in {
				t.Errorf("field errors %+v, want one for date holding %q", fe, c.in)
			}
			if !got.IsZero() {
				t.Errorf("refused date returned %v, want zero", got)
			}
		})
	}
}

func TestDateStringAndOrder(t *testing.T) {
	d := Date{2026, time.March, 4}
	for _, c := range []struct {
		name string
		got  any
		want any
	}{
		{"string pads", d.String(), "2026-03-04"},
		{"zero string is empty", Date{}.String(), ""},
		{"zero is zero", Date{}.IsZero(), true},
		{"set is not zero", d.IsZero(), false},
		{"before the next day", d.Before(Date{2026, time.March, 5}), true},
		{"not before itself", d.Before(d), false},
		{"after the last year", d.After(Date{2025, time.December, 31}), true},
		{"DateOf keeps the local day", DateOf(time.Date(2026, 3, 4, 23, 30, 0, 0, time.FixedZone("COT", -5*3600))), d},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %v, want %v", c.got, c.want)
			}
		})
	}
}

func TestDateJSON(t *testing.T) {
	type dated struct {
		Opened Date `json:"opened"`
		Closed Date `json:"closed"`
	}
	t.Run("round trip", func(t *testing.T) {
		in := dated{Opened: Date{2026, time.March, 14}}
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		if want := `{"opened":"2026-03-14","closed":null}`; string(b) != want {
			t.Fatalf("marshalled %s, want %s", b, want)
		}
		var out dated
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatal(err)
		}
		if out != in {
			t.Errorf("round trip gave %+v, want %+v", out, in)
		}
	})
	t.Run("unset birth date left out", func(t *testing.T) {
		b, err := json.Marshal(Identifiers{Nationality: "CO"})
		if err != nil {
			t.Fatal(err)
		}
		if want := `{"nationality":"CO"}`; string(b) != want {
			t.Errorf("marshalled %s, want %s", b, want)
		}
	})
	for _, c := range []struct {
		name string
		in   string
		want Date
		err  bool
	}{
		{name: "null clears", in: `null`, want: Date{}},
		{name: "empty string clears", in: `""`, want: Date{}},
		{name: "ISO", in: `"2026-11-27"`, want: Date{2026, time.November, 27}},
		{name: "DD/MM/YYYY", in: `"27/11/2026"`, want: Date{2026, time.November, 27}},
		{name: "impossible day", in: `"2026-13-45"`, err: true},
		{name: "number", in: `20261127`, err: true},
		{name: "object", in: `{"year":2026}`, err: true},
	} {
		t.Run("unmarshal "+c.name, func(t *testing.T) {
			d := Date{1999, time.December, 31} // a value already there must be replaced
			err := json.Unmarshal([]byte(c.in), &d)
			if c.err {
				if err == nil {
					t.Fatalf("%s accepted as %v", c.in, d)
				}
				return
			}
			if err != nil || d != c.want {
				t.Fatalf("%s read as %v, %v; want %v", c.in, d, err, c.want)
			}
		})
	}
}

func TestCaseRef(t *testing.T) {
	if got := FormatCaseRef("ESA", 2026, 42); got != "ESA-2026-0042" {
		t.Errorf(`FormatCaseRef("ESA", 2026, 42) = %q`, got)
	}
	for _, c := range []struct {
		name   string
		ref    string
		prefix string
		year   int
		seq    int
		ok     bool
	}{
		{"as written", "ESA-2026-0042", "ESA", 2026, 42, true},
		{"first of the year", "HMRC-2025-0001", "HMRC", 2025, 1, true},
		{"five-digit number", "ESA-2026-10000", "ESA", 2026, 10000, true},
		{"prefix with a digit", "ESA2-2026-0007", "ESA2", 2026, 7, true},
		{"three-digit number", "ESA-2026-042", "", 0, 0, false},
		{"two-digit year", "ESA-26-0042", "", 0, 0, false},
		{"lower-case prefix", "esa-2026-0042", "", 0, 0, false},
		{"number zero", "ESA-2026-0000", "", 0, 0, false},
		{"signed number", "ESA-2026-+042", "", 0, 0, false},
		{"prefix starting with a digit", "2ES-2026-0042", "", 0, 0, false},
		{"one-letter prefix", "E-2026-0042", "", 0, 0, false},
		{"no number", "ESA-2026", "", 0, 0, false},
		{"suffix", "ESA-2026-0042-B", "", 0, 0, false},
		{"partner's ref", "HMRC/OP_2026.17", "", 0, 0, false},
		{"empty", "", "", 0, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			prefix, year, seq, ok := ParseCaseRef(c.ref)
			if prefix != c.prefix || year != c.year || seq != c.seq || ok != c.ok {
				t.Errorf("ParseCaseRef(%q) = %q, %d, %d, %v; want %q, %d, %d, %v",
					c.ref, prefix, year, seq, ok, c.prefix, c.year, c.seq, c.ok)
			}
		})
	}
	for _, seq := range []int{1, 42, 9999, 10000, 123456} {
		t.Run("format then parse "+FormatCaseRef("CBSA", 2027, seq), func(t *testing.T) {
			prefix, year, got, ok := ParseCaseRef(FormatCaseRef("CBSA", 2027, seq))
			if !ok || prefix != "CBSA" || year != 2027 || got != seq {
				t.Errorf("got %q, %d, %d, %v", prefix, year, got, ok)
			}
		})
	}
}

func TestSeizureRef(t *testing.T) {
	if got := FormatSeizureRef(4); got != "SZ-0004" {
		t.Errorf("FormatSeizureRef(4) = %q", got)
	}
	for _, c := range []struct {
		name string
		ref  string
		seq  int
		ok   bool
	}{
		{"as written", "SZ-0004", 4, true},
		{"first", "SZ-0001", 1, true},
		{"five digits", "SZ-12345", 12345, true},
		{"number zero", "SZ-0000", 0, false},
		{"three digits", "SZ-004", 0, false},
		{"lower case", "sz-0004", 0, false},
		{"no dash", "SZ0004", 0, false},
		{"letter in number", "SZ-00A4", 0, false},
		{"negative", "SZ--004", 0, false},
		{"prefix alone", "SZ-", 0, false},
		{"empty", "", 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			seq, ok := ParseSeizureRef(c.ref)
			if ok != c.ok || (ok && seq != c.seq) {
				t.Errorf("ParseSeizureRef(%q) = %d, %v; want %d, %v", c.ref, seq, ok, c.seq, c.ok)
			}
		})
	}
	for _, seq := range []int{1, 99, 9999, 10000} {
		t.Run("format then parse "+FormatSeizureRef(seq), func(t *testing.T) {
			if got, ok := ParseSeizureRef(FormatSeizureRef(seq)); !ok || got != seq {
				t.Errorf("got %d, %v; want %d", got, ok, seq)
			}
		})
	}
}

// asString lets one table hold the parsers of every enumeration.
func asString[T ~string](parse func(string) (T, error)) func(string) (string, error) {
	return func(s string) (string, error) {
		v, err := parse(s)
		return string(v), err
	}
}

func TestParseChoices(t *testing.T) {
	corridor := asString(ParseCorridor)
	kind := asString(ParseEntityKind)
	for _, c := range []struct {
		name  string
		parse func(string) (string, error)
		in    string
		want  string
		err   string
	}{
		{name: "corridor label with en dash", parse: corridor, in: "EU–UK", want: "eu_uk"},
		{name: "corridor with hyphen", parse: corridor, in: "eu-uk", want: "eu_uk"},
		{name: "corridor code upper case", parse: corridor, in: "EU_UK", want: "eu_uk"},
		{name: "corridor with spaces", parse: corridor, in: " EU UK ", want: "eu_uk"},
		{name: "corridor long label", parse: corridor, in: "EU–Latin America & Caribbean", want: "eu_lac"},
		{name: "corridor North America", parse: corridor, in: "eu—north america", want: "eu_north_america"},
		{name: "corridor intra-EU", parse: corridor, in: "Intra EU", want: "intra_eu"},
		{name: "corridor unknown", parse: corridor, in: "atlantic",
			err: `corridor "atlantic": should be one of ` + corridorChoices},
		{name: "corridor empty", parse: corridor, in: "  ",
			err: "corridor: is required (one of " + corridorChoices + ")"},
		{name: "kind bank account", parse: kind, in: "bank account", want: "bank_account"},
		{name: "kind e-mail", parse: kind, in: "E-mail", want: "email"},
		{name: "kind crypto wallet code", parse: kind, in: "crypto_wallet", want: "crypto_wallet"},
		{name: "kind unknown", parse: kind, in: "ship",
			err: `kind "ship": should be one of ` + strings.Join(choiceNames(EntityKinds), ", ")},
		{name: "threat label", parse: asString(ParseThreatType), in: "trade-based money laundering", want: "tbml"},
		{name: "threat label with slash", parse: asString(ParseThreatType), in: "synthetic drugs / fentanyl", want: "synthetic_drugs"},
		{name: "commodity", parse: asString(ParseCommodityCategory), in: "Dual use goods", want: "dual_use_goods"},
		{name: "unit upper case", parse: asString(ParseUnit), in: "KG", want: "kg"},
		{name: "unit unknown", parse: asString(ParseUnit), in: "lbs",
			err: `unit "lbs": should be one of kg, g, t, l, pieces, sticks, packs, cartons, master_cases, packages, pallets, doses, banknotes`},
		{name: "transport label", parse: asString(ParseTransportMode), in: "maritime (other)", want: "maritime_other"},
		{name: "detection", parse: asString(ParseDetectionMethod), in: "tip off", want: "tip_off"},
		{name: "role", parse: asString(ParseCaseRole), in: "Freight forwarder", want: "freight_forwarder"},
		{name: "relation", parse: asString(ParseRelationType), in: "located at", want: "located_at"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.parse(c.in)
			if c.err == "" {
				if err != nil || got != c.want {
					t.Fatalf("parse(%q) = %q, %v; want %q", c.in, got, err, c.want)
				}
				return
			}
			if err == nil || err.Error() != c.err {
				t.Fatalf("parse(%q) = %q, error\n got: %v\nwant: %s", c.in, got, err, c.err)
			}
			if got != "" {
				t.Errorf("refused but returned %q", got)
			}
		})
	}
}

func TestChoiceLabels(t *testing.T) {
	for _, c := range []struct {
		name, got, want string
	}{
		{"corridor with label", CorridorEUUK.Label(), "EU–UK"},
		{"threat with label", ThreatTBML.Label(), "trade-based money laundering"},
		{"threat without label", ThreatIllicitWaste.Label(), "illicit waste"},
		{"kind with label", KindBankAccount.Label(), "bank account"},
		{"status", StatusSuspended.Label(), "suspended"},
		{"transport mode", ModeAirCargo.Label(), "air cargo"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("label %q, want %q", c.got, c.want)
			}
		})
	}
}

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestNewID(t *testing.T) {
	t.Run("format", func(t *testing.T) {
		for range 100 {
			if id := NewID(); !uuidV4.MatchString(id) || !ValidID(id) {
				t.Fatalf("NewID() = %q, want a lower-case version 4 UUID", id)
			}
		}
	})
	t.Run("version 4 nibble", func(t *testing.T) {
		id := NewID()
		if id[14] != '4' {
			t.Errorf("NewID() = %q: version nibble %c, want 4", id, id[14])
		}
		if !strings.ContainsRune("89ab", rune(id[19])) {
			t.Errorf("NewID() = %q: variant nibble %c, want 8, 9, a or b", id, id[19])
		}
	})
	t.Run("unique over 1000", func(t *testing.T) {
		seen := make(map[string]bool, 1000)
		for range 1000 {
			id := NewID()
			if seen[id] {
				t.Fatalf("NewID() repeated %q", id)
			}
			seen[id] = true
		}
	})
}

func TestValidID(t *testing.T) {
	for _, c := range []struct {
		name string
		id   string
		want bool
	}{
		{"lower case", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", true},
		{"upper case", "3F2504E0-4F89-41D3-9A0C-0305E82C3301", true},
		{"nil UUID", "00000000-0000-0000-0000-000000000000", true},
		{"empty", "", false},
		{"one short", "3f2504e0-4f89-41d3-9a0c-0305e82c330", false},
		{"one long", "3f2504e0-4f89-41d3-9a0c-0305e82c33011", false},
		{"no dashes", "3f2504e04f8941d39a0c0305e82c3301", false},
		{"dash moved", "3f2504e-04f89-41d3-9a0c-0305e82c3301", false},
		{"not hex", "3f2504e0-4f89-41d3-9a0c-0305e82c330g", false},
		{"braces", "{3f2504e0-4f89-41d3-9a0c-0305e82c33}", false},
		{"path", "../../../../../../../../etc/passwd..", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ValidID(c.id); got != c.want {
				t.Errorf("ValidID(%q) = %v, want %v", c.id, got, c.want)
			}
		})
	}
}
