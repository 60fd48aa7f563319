package exchange

import (
	"testing"
	"time"

	"bollard/model"
)

// A row of a re-imported spreadsheet is the seizure already in the case
// whatever the zones of the two imports, and whether the first was made
// before times kept their offset.
func TestSeizureKeysIgnoreTheZone(t *testing.T) {
	madrid, err := time.LoadLocation("Europe/Madrid")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	bogota, _ := time.LoadLocation("America/Bogota")
	seizure := func(at time.Time) model.Seizure {
		return model.Seizure{SeizedAt: at, PlaceName: "Port of Algeciras", LOCODE: "ESALG", Category: model.CommodityCocaine,
			Description: "cocaine", Quantity: 120, Unit: model.Kilogram}
	}
	day := model.DayOnly(model.Date{Year: 2026, Month: 3, Day: 14})
	for _, c := range []struct {
		name        string
		stored, row time.Time
		here        *time.Location
		same        bool
	}{
		{"a day, in any zone", day, day, bogota, true},
		{"a time typed in Madrid, again in Bogotá", time.Date(2026, 3, 14, 14, 30, 0, 0, madrid), time.Date(2026, 3, 14, 14, 30, 0, 0, bogota), bogota, true},
		{"a time stored as UTC before, again in its zone", time.Date(2026, 3, 14, 13, 30, 0, 0, time.UTC), time.Date(2026, 3, 14, 14, 30, 0, 0, madrid), madrid, true},
		{"a day stored as Madrid's midnight before, again in Madrid", time.Date(2026, 3, 13, 23, 0, 0, 0, time.UTC), day, madrid, true},
		{"a day stored as Madrid's midnight before, again in Bogotá", time.Date(2026, 3, 13, 23, 0, 0, 0, time.UTC), day, bogota, false},
		{"another day", day, day.AddDate(0, 0, 1), madrid, false},
		{"another hour", time.Date(2026, 3, 14, 14, 30, 0, 0, madrid), time.Date(2026, 3, 14, 15, 30, 0, 0, madrid), madrid, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			seen := map[string]string{}
			for _, k := range seizureKeys(seizure(c.stored), c.here) {
				seen[k] = "SZ-0001"
			}
			if _, same := seenAs(seen, seizureKeys(seizure(c.row), c.here)); same != c.same {
				t.Errorf("stored %v, row %v: same %v, want %v", c.stored, c.row, same, c.same)
			}
		})
	}
}
