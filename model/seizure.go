package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// CommodityCategory is what kind of goods were seized.
type CommodityCategory string

// The commodity categories.
const (
	CommodityCocaine      CommodityCategory = "cocaine"
	CommodityCannabis     CommodityCategory = "cannabis"
	CommodityHeroin       CommodityCategory = "heroin"
	CommoditySynthetic    CommodityCategory = "synthetic_drugs"
	CommodityPrecursors   CommodityCategory = "precursors"
	CommodityCigarettes   CommodityCategory = "cigarettes"
	CommodityTobacco      CommodityCategory = "tobacco"
	CommodityMedicines    CommodityCategory = "counterfeit_medicines"
	CommodityCounterfeits CommodityCategory = "counterfeit_goods"
	CommodityLuxury       CommodityCategory = "luxury_goods"
	CommodityCash         CommodityCategory = "cash"
	CommodityWaste        CommodityCategory = "waste"
	CommodityWeapons      CommodityCategory = "weapons"
	CommodityDualUse      CommodityCategory = "dual_use_goods"
	CommodityOther        CommodityCategory = "other"
)

// CommodityCategories lists every commodity category.
var CommodityCategories = []CommodityCategory{
	CommodityCocaine, CommodityCannabis, CommodityHeroin, CommoditySynthetic, CommodityPrecursors,
	CommodityCigarettes, CommodityTobacco, CommodityMedicines, CommodityCounterfeits, CommodityLuxury,
	CommodityCash, CommodityWaste, CommodityWeapons, CommodityDualUse, CommodityOther,
}

// Label is the category as the officer reads it.
func (c CommodityCategory) Label() string { return labelOf(nil, c) }

// ParseCommodityCategory accepts a category's code or label.
func ParseCommodityCategory(s string) (CommodityCategory, error) {
	return parseChoice("commodity category", s, CommodityCategories, nil)
}

// Unit is what a seized quantity is counted in.
type Unit string

// The units.
const (
	Kilogram  Unit = "kg"
	Gram      Unit = "g"
	Tonne     Unit = "t"
	Litre     Unit = "l"
	Pieces    Unit = "pieces"
	Sticks    Unit = "sticks" // cigarettes, one by one
	Packages  Unit = "packages"
	Pallets   Unit = "pallets"
	Doses     Unit = "doses"
	Banknotes Unit = "banknotes"
	// The cigarette trade's own units, each made of the one before it:
	// a pack of sticks, a carton of packs, a master case of cartons
	// (tobacco.go converts them to sticks).
	Packs       Unit = "packs"
	Cartons     Unit = "cartons"
	MasterCases Unit = "master_cases"
)

// Units lists every unit. The codes are stored and travel in packages: a
// new unit is added, an old one never renamed.
var Units = []Unit{Kilogram, Gram, Tonne, Litre, Pieces, Sticks, Packs, Cartons, MasterCases, Packages, Pallets, Doses, Banknotes}

// Label is the unit as the officer reads it: "master cases".
func (u Unit) Label() string { return labelOf(nil, u) }

// TransportMode is how the goods travelled.
type TransportMode string

// The transport modes.
const (
	ModeContainer    TransportMode = "maritime_container"
	ModeMaritime     TransportMode = "maritime_other"
	ModeAirCargo     TransportMode = "air_cargo"
	ModeAirPassenger TransportMode = "air_passenger"
	ModePostal       TransportMode = "postal"
	ModeRoad         TransportMode = "road"
	ModeRail         TransportMode = "rail"
)

// TransportModes lists every transport mode.
var TransportModes = []TransportMode{ModeContainer, ModeMaritime, ModeAirCargo, ModeAirPassenger, ModePostal, ModeRoad, ModeRail}

var modeLabels = map[TransportMode]string{
	ModeContainer: "maritime container",
	ModeMaritime:  "maritime (other)",
	ModePostal:    "postal / express parcel",
}

// Label is the mode as the officer reads it.
func (m TransportMode) Label() string { return labelOf(modeLabels, m) }

// ParseTransportMode accepts a mode's code or label.
func ParseTransportMode(s string) (TransportMode, error) {
	return parseChoice("transport mode", s, TransportModes, modeLabels)
}

// DetectionMethod is how the goods were found.
type DetectionMethod string

// The detection methods.
const (
	DetectionRiskProfiling DetectionMethod = "risk_profiling"
	DetectionScanner       DetectionMethod = "scanner"
	DetectionCanine        DetectionMethod = "canine"
	DetectionTipOff        DetectionMethod = "tip_off"
	DetectionRandom        DetectionMethod = "random"
	DetectionOther         DetectionMethod = "other"
)

// DetectionMethods lists every detection method.
var DetectionMethods = []DetectionMethod{DetectionRiskProfiling, DetectionScanner, DetectionCanine, DetectionTipOff, DetectionRandom, DetectionOther}

// Label is the method as the officer reads it.
func (d DetectionMethod) Label() string { return labelOf(nil, d) }

// ParseDetectionMethod accepts a method's code or label.
func ParseDetectionMethod(s string) (DetectionMethod, error) {
	return parseChoice("detection method", s, DetectionMethods, nil)
}

// Seizure is one interception of goods, cash or anything else, within a case.
type Seizure struct {
	Record
	CaseID             string            `json:"case_id"`
	Ref                string            `json:"ref"`       // SZ-0001, unique within its case
	SeizedAt           time.Time         `json:"seized_at"` // a day alone or a time at its offset (when.go)
	PlaceName          string            `json:"place_name"`
	LOCODE             string            `json:"locode"`
	Country            string            `json:"country"`
	Category           CommodityCategory `json:"commodity_category"`
	Description        string            `json:"commodity_description"`
	HSCode             string            `json:"hs_code"`
	Quantity           float64           `json:"quantity"`
	Unit               Unit              `json:"unit"`
	EstimatedValue     float64           `json:"estimated_value"`
	Currency           string            `json:"currency"`
	TransportMode      TransportMode     `json:"transport_mode"`
	Concealment        string            `json:"concealment"`
	Detection          DetectionMethod   `json:"detection_method"`
	ContainerNumbers   []string          `json:"container_numbers"`
	SealNumbers        []string          `json:"seal_numbers"`
	TransportDocument  string            `json:"transport_document"` // bill of lading or air waybill
	OriginCountry      string            `json:"origin_country"`
	TransitCountries   []string          `json:"transit_countries"`
	DestinationCountry string            `json:"destination_country"`
	Notes              string            `json:"notes"`
	// How the cigarette units of this seizure are made up, where they are
	// not the usual 20 sticks a pack, 10 packs a carton, 50 cartons a
	// master case (tobacco.go). 0 is the usual number: a seizure that
	// keeps it travels and is audited exactly as before these existed.
	SticksPerPack        int `json:"sticks_per_pack,omitempty"`
	PacksPerCarton       int `json:"packs_per_carton,omitempty"`
	CartonsPerMasterCase int `json:"cartons_per_master_case,omitempty"`
}

// FormatSeizureRef writes a seizure ref: SZ-0004.
func FormatSeizureRef(seq int) string { return fmt.Sprintf("SZ-%04d", seq) }

// ParseSeizureRef reads the number of a ref made by FormatSeizureRef.
func ParseSeizureRef(ref string) (seq int, ok bool) {
	digits, found := strings.CutPrefix(ref, "SZ-")
	if !found {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	// Only a ref written exactly as FormatSeizureRef writes it counts.
	return n, err == nil && n > 0 && FormatSeizureRef(n) == ref
}

// Validate checks every field of the seizure and normalises the identifiers
// in it (container numbers, LOCODE, countries, currency, HS code).
func (s *Seizure) Validate(now time.Time) error {
	p := problems{record: "seizure"}
	p.tidyRef(&s.Ref)
	if s.SeizedAt.IsZero() {
		p.add("seized at", Invalid("seized at", "", "is required"))
	} else {
		p.add("seized at", checkWhenNotFuture("seized at", s.SeizedAt, now))
	}
	s.PlaceName = strings.TrimSpace(s.PlaceName)
	p.require("place", s.PlaceName)
	normalizeInto(&p, "UN/LOCODE", &s.LOCODE, NormalizeLOCODE)
	if _, err := NormalizeLOCODE(s.LOCODE); err == nil && strings.TrimSpace(s.Country) == "" {
		s.Country = s.LOCODE[:2] // a valid LOCODE names its country
	}
	normalizeInto(&p, "country", &s.Country, NormalizeCountry)
	p.add("commodity category", checkChoice("commodity category", s.Category, CommodityCategories))
	s.Description = strings.TrimSpace(s.Description)
	p.require("commodity description", s.Description)
	normalizeInto(&p, "HS code", &s.HSCode, NormalizeHSCode)
	switch {
	case math.IsNaN(s.Quantity) || math.IsInf(s.Quantity, 0):
		p.add("quantity", Invalid("quantity", fmt.Sprint(s.Quantity), "should be a number"))
	case s.Quantity <= 0:
		p.add("quantity", Invalid("quantity", fmt.Sprint(s.Quantity), "should be more than zero"))
	}
	p.add("unit", checkChoice("unit", s.Unit, Units))
	s.validateTobaccoFactors(&p)
	s.Currency = strings.TrimSpace(s.Currency)
	switch {
	case math.IsNaN(s.EstimatedValue) || math.IsInf(s.EstimatedValue, 0):
		p.add("estimated value", Invalid("estimated value", fmt.Sprint(s.EstimatedValue), "should be a number"))
	case s.EstimatedValue < 0:
		p.add("estimated value", Invalid("estimated value", fmt.Sprint(s.EstimatedValue), "cannot be negative"))
	case s.EstimatedValue > 0 && s.Currency == "":
		p.add("currency", Invalid("currency", "", "is required when a value is given"))
	}
	normalizeInto(&p, "currency", &s.Currency, NormalizeCurrency)
	p.add("transport mode", checkChoice("transport mode", s.TransportMode, TransportModes))
	if s.Detection != "" {
		p.add("detection method", checkChoice("detection method", s.Detection, DetectionMethods))
	}
	for i := range s.ContainerNumbers {
		normalizeInto(&p, "container number", &s.ContainerNumbers[i], NormalizeContainerNumber)
	}
	s.ContainerNumbers = tidyList(s.ContainerNumbers)
	s.SealNumbers = tidyList(s.SealNumbers)
	normalizeInto(&p, "origin country", &s.OriginCountry, NormalizeCountry)
	normalizeInto(&p, "destination country", &s.DestinationCountry, NormalizeCountry)
	for i := range s.TransitCountries {
		normalizeInto(&p, "transit country", &s.TransitCountries[i], NormalizeCountry)
	}
	s.TransitCountries = tidyList(s.TransitCountries)
	return p.err()
}
