package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Cigarettes are seized by the stick, the pack, the carton and the master
// case, and compared by the stick: a seizure of 12 cartons and one of 40
// packs only add up once both are counted in sticks. The usual make-up is
// 20 sticks a pack, 10 packs a carton, 50 cartons a master case; a seizure
// where it differs (packs of 10 or 25, cartons of 20 packs) says so in its
// own conversion factors, and every total in sticks shows the factors it used.

// The usual make-up of the cigarette units, used where a seizure leaves its
// factor at 0.
const (
	UsualSticksPerPack        = 20
	UsualPacksPerCarton       = 10
	UsualCartonsPerMasterCase = 50
)

// The largest factors accepted: beyond them the figure is a typing slip
// (a pack of 200 sticks is a carton), not a make-up seen in the trade.
const (
	maxSticksPerPack        = 100
	maxPacksPerCarton       = 100
	maxCartonsPerMasterCase = 500
)

// IsTobacco says whether the unit counts cigarettes and so converts to sticks.
func (u Unit) IsTobacco() bool {
	return u == Sticks || u == Packs || u == Cartons || u == MasterCases
}

// singular is the unit a factor is counted per: "20 sticks/pack".
var unitSingular = map[Unit]string{Sticks: "stick", Packs: "pack", Cartons: "carton", MasterCases: "master case"}

// TobaccoFactor is one step of the make-up: N of a unit in one of the next.
type TobaccoFactor struct {
	N   int
	Of  Unit // sticks, packs or cartons
	Per Unit // packs, cartons or master cases
}

// String is the factor as a summary shows it: "20 sticks/pack".
func (f TobaccoFactor) String() string {
	return fmt.Sprintf("%d %s/%s", f.N, f.Of.Label(), unitSingular[f.Per])
}

// TobaccoFactors is the seizure's make-up with the usual numbers filled in
// where it keeps them: sticks a pack, packs a carton, cartons a master case.
func (s Seizure) TobaccoFactors() (sticksPerPack, packsPerCarton, cartonsPerMasterCase int) {
	return orUsual(s.SticksPerPack, UsualSticksPerPack), orUsual(s.PacksPerCarton, UsualPacksPerCarton),
		orUsual(s.CartonsPerMasterCase, UsualCartonsPerMasterCase)
}

func orUsual(n, usual int) int {
	if n == 0 {
		return usual
	}
	return n
}

// FactorsUsed lists the factors that converting the seizure's unit to
// sticks goes through, smallest unit first; none for sticks or a unit that
// does not convert.
func (s Seizure) FactorsUsed() []TobaccoFactor {
	perPack, perCarton, perCase := s.TobaccoFactors()
	all := []TobaccoFactor{{perPack, Sticks, Packs}, {perCarton, Packs, Cartons}, {perCase, Cartons, MasterCases}}
	switch s.Unit {
	case Packs:
		return all[:1]
	case Cartons:
		return all[:2]
	case MasterCases:
		return all
	}
	return nil
}

// InSticks is the seizure's quantity counted in sticks, by its own
// factors; false when its unit does not count cigarettes.
func (s Seizure) InSticks() (float64, bool) {
	if !s.Unit.IsTobacco() {
		return 0, false
	}
	q := s.Quantity
	for _, f := range s.FactorsUsed() {
		q *= float64(f.N)
	}
	return q, true
}

// SticksSummary says what a seizure counted in packs, cartons or master
// cases comes to in sticks, with the factors used: "12 cartons = 2,400
// sticks (20 sticks/pack, 10 packs/carton)". It is "" for sticks and for
// units that do not convert, which have nothing to add.
func (s Seizure) SticksSummary() string {
	sticks, ok := s.InSticks()
	if !ok || s.Unit == Sticks {
		return ""
	}
	used := make([]string, 0, 3)
	for _, f := range s.FactorsUsed() {
		used = append(used, f.String())
	}
	return fmt.Sprintf("%s %s = %s sticks (%s)", FormatCount(s.Quantity), s.Unit.Label(), FormatCount(sticks),
		strings.Join(used, ", "))
}

// FormatCount writes a count the English way, with thousands grouped and
// at most two decimals: 2,400 or 1,234.5.
func FormatCount(v float64) string {
	s := strconv.FormatFloat(math.Abs(math.Round(v*100)/100), 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && s != "0" {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// validateTobaccoFactors refuses a factor that is not a whole number from
// 1 to its maximum, and writes a factor equal to the usual one as 0, so
// that "20 sticks a pack" typed out and left alone are stored, compared
// and sent alike.
func (s *Seizure) validateTobaccoFactors(p *problems) {
	for _, f := range []struct {
		field      string
		n          *int
		usual, max int
	}{
		{"sticks per pack", &s.SticksPerPack, UsualSticksPerPack, maxSticksPerPack},
		{"packs per carton", &s.PacksPerCarton, UsualPacksPerCarton, maxPacksPerCarton},
		{"cartons per master case", &s.CartonsPerMasterCase, UsualCartonsPerMasterCase, maxCartonsPerMasterCase},
	} {
		switch {
		case *f.n < 0:
			p.add(f.field, Invalid(f.field, strconv.Itoa(*f.n), "should be a whole number more than zero (usually %d)", f.usual))
		case *f.n > f.max:
			p.add(f.field, Invalid(f.field, strconv.Itoa(*f.n), "should be at most %d (usually %d)", f.max, f.usual))
		case *f.n == f.usual:
			*f.n = 0
		}
	}
}

// ParseTobaccoFactor reads a conversion factor as an officer types it in a
// form, the command line or a spreadsheet: a whole number, "" for the usual
// one. The range is checked by Validate.
func ParseTobaccoFactor(field, s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, Invalid(field, s, "should be a whole number, such as 20")
	}
	if n <= 0 {
		return 0, Invalid(field, s, "should be a whole number more than zero")
	}
	return n, nil
}

// SticksInAll adds up, in sticks, the seizures counted in cigarette units,
// each by its own factors; false when none is.
func SticksInAll(seizures []Seizure) (float64, bool) {
	var total float64
	found := false
	for _, s := range seizures {
		if n, ok := s.InSticks(); ok {
			total += n
			found = true
		}
	}
	return total, found
}
