package exchange

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"bollard/app/typed"
	"bollard/model"
)

// rowReader gathers the seizure of one row and what is wrong with it.
type rowReader struct {
	rec      []string
	cols     sheetColumns
	problems []string
	bad      [fieldCount]bool // fields already reported
}

func (r *rowReader) cell(f sheetField) string { return r.cols.cell(r.rec, f) }

// title is how the file names a field: its column title, else the field.
func (r *rowReader) title(f sheetField) string {
	if i := r.cols.index[f]; i >= 0 && strings.TrimSpace(r.cols.all[i].Title) != "" {
		return strings.TrimSpace(r.cols.all[i].Title)
	}
	return fieldNames[f]
}

func (r *rowReader) problem(f sheetField, value, rule string, args ...any) {
	if r.bad[f] {
		return
	}
	r.bad[f] = true
	msg := fmt.Sprintf(rule, args...)
	if value == "" {
		r.problems = append(r.problems, fmt.Sprintf("%s: %s", r.title(f), msg))
		return
	}
	r.problems = append(r.problems, fmt.Sprintf("%s %q: %s", r.title(f), value, msg))
}

func readRow(rec []string, cols sheetColumns, mark typed.DecimalMark, now time.Time, loc *time.Location) SheetRow {
	r := &rowReader{rec: rec, cols: cols}
	var s model.Seizure

	if len(rec) > len(cols.all) && !blankRecord(rec[len(cols.all):]) {
		r.problems = append(r.problems, fmt.Sprintf("has %d values but the file has %d columns: a value holding the separator %s should be put in quotes",
			len(rec), len(cols.all), SeparatorName(cols.sep)))
	}

	// A time written without a zone is the place's time, when the row
	// says where (its LOCODE or country) and the place has one zone; else
	// the officer's own.
	if zone, ok := model.ZoneOfPlace(r.cell(fieldLOCODE), sheetCountry(r.cell(fieldCountry))); ok {
		loc = zone
	}
	if d := r.cell(fieldDate); d == "" {
		r.problem(fieldDate, "", "is required")
	} else if t, problem := parseSheetTime(d, r.cell(fieldTime), loc, now); problem != "" {
		r.problem(fieldDate, strings.TrimSpace(d+" "+r.cell(fieldTime)), "%s", problem)
	} else {
		s.SeizedAt = t
	}

	s.LOCODE = r.cell(fieldLOCODE)
	s.PlaceName = r.cell(fieldPlace)
	if s.PlaceName == "" && s.LOCODE != "" {
		if code, err := model.NormalizeLOCODE(s.LOCODE); err == nil {
			s.PlaceName = model.FormatLOCODE(code)
		}
	}
	s.Country = sheetCountry(r.cell(fieldCountry))

	s.Description = r.cell(fieldDescription)
	if cols.index[fieldCategory] >= 0 {
		if v := r.cell(fieldCategory); v != "" {
			if c, ok := categoryWords.lookup(v); ok {
				s.Category = c
			} else if c := guessCategory(v); c != model.CommodityOther {
				s.Category = c
			} else {
				r.problem(fieldCategory, v, "should be one of %s (in English, Spanish, Portuguese or French)", choiceList(model.CommodityCategories))
			}
		}
		if cols.index[fieldDescription] < 0 {
			s.Description = r.cell(fieldCategory)
		}
	} else if s.Description != "" {
		s.Category = guessCategory(s.Description)
	}
	s.HSCode = r.cell(fieldHSCode)

	r.readQuantity(&s, mark)
	r.readTobaccoFactors(&s)
	r.readValue(&s, mark)

	if v := r.cell(fieldTransportMode); v != "" {
		if m, ok := modeWords.lookup(v); ok {
			s.TransportMode = m
		} else {
			r.problem(fieldTransportMode, v, "should be one of %s (in English, Spanish, Portuguese or French)", labelList(model.TransportModes))
		}
	}
	s.Concealment = r.cell(fieldConcealment)
	if v := r.cell(fieldDetection); v != "" {
		if d, ok := detectionWords.lookup(v); ok {
			s.Detection = d
		} else {
			r.problem(fieldDetection, v, "should be one of %s (in English, Spanish, Portuguese or French)", labelList(model.DetectionMethods))
		}
	}
	s.ContainerNumbers = splitContainers(r.cell(fieldContainers))
	s.SealNumbers = splitList(r.cell(fieldSeals))
	s.TransportDocument = r.cell(fieldTransportDocument)
	s.OriginCountry = sheetCountry(r.cell(fieldOrigin))
	s.DestinationCountry = sheetCountry(r.cell(fieldDestination))
	for _, c := range splitList(r.cell(fieldTransit)) {
		s.TransitCountries = append(s.TransitCountries, sheetCountry(c))
	}
	s.Notes = r.notes()

	if err := s.Validate(now); err != nil {
		for _, fe := range model.FieldErrors(err) {
			f, known := modelFields[fe.Field]
			if known && r.bad[f] {
				continue // already said, in the file's words
			}
			if !known {
				r.problems = append(r.problems, fe.Error())
				continue
			}
			r.problem(f, fe.Value, "%s", fe.Rule)
		}
	}
	if len(s.ContainerNumbers) == 0 {
		s.ContainerNumbers = nil
	}
	return SheetRow{Seizure: s, Problems: r.problems}
}

// readQuantity reads the quantity and its unit, from the unit column, the
// number's own unit ("1.375,5 kg") or the column title ("Peso (kg)").
func (r *rowReader) readQuantity(s *model.Seizure, mark typed.DecimalMark) {
	raw := r.cell(fieldQuantity)
	num, word := splitAmount(raw)
	var fromNumber model.Unit
	if word != "" {
		if u, ok := parseUnitWord(word, s.Category); ok {
			fromNumber = u
		} else {
			r.problem(fieldQuantity, raw, "should be a number, with its unit if you like: %s kg", numberExample(mark))
		}
	}
	if raw == "" {
		r.problem(fieldQuantity, "", "is required")
	} else if r.bad[fieldQuantity] {
		// already said
	} else if q, err := typed.Number(num, mark); err != nil {
		r.problem(fieldQuantity, raw, "should be a number such as %s", numberExample(mark))
	} else {
		s.Quantity = q
	}
	switch v := r.cell(fieldUnit); {
	case v != "":
		u, ok := parseUnitWord(v, s.Category)
		if !ok {
			r.problem(fieldUnit, v, "should be one of %s (in English, Spanish, Portuguese or French)", choiceList(model.Units))
			return
		}
		if fromNumber != "" && fromNumber != u {
			r.problem(fieldQuantity, raw, "says %s but %s says %s", fromNumber, r.title(fieldUnit), u)
			return
		}
		s.Unit = u
	case fromNumber != "":
		s.Unit = fromNumber
	default:
		s.Unit, _ = parseUnitWord(r.cols.hint[fieldQuantity], s.Category)
	}
}

// readTobaccoFactors reads a cigarette seizure's own make-up, from the
// columns a file has for it; an empty cell is the usual number.
func (r *rowReader) readTobaccoFactors(s *model.Seizure) {
	for _, f := range []struct {
		field sheetField
		n     *int
	}{
		{fieldSticksPerPack, &s.SticksPerPack}, {fieldPacksPerCarton, &s.PacksPerCarton},
		{fieldCartonsPerCase, &s.CartonsPerMasterCase},
	} {
		v := r.cell(f.field)
		n, err := model.ParseTobaccoFactor(fieldNames[f.field], v)
		var fe *model.FieldError
		if errors.As(err, &fe) {
			r.problem(f.field, v, "%s", fe.Rule)
			continue
		}
		*f.n = n
	}
}

// readValue reads the estimated value and its currency, from the currency
// column, a sign or code beside the number ("€ 2.500") or the column title.
func (r *rowReader) readValue(s *model.Seizure, mark typed.DecimalMark) {
	raw := r.cell(fieldValue)
	num, word := splitAmount(raw)
	var fromNumber string
	if word != "" {
		if word == "$" {
			r.problem(fieldValue, raw, "$ is the sign of many currencies: write the currency code (USD, COP, MXN…)")
			return
		}
		c, ok := currencyWord(word)
		if !ok {
			r.problem(fieldValue, raw, "should be an amount such as %s, with its currency if you like", numberExample(mark))
			return
		}
		fromNumber = c
	}
	if raw != "" {
		if v, err := typed.Number(num, mark); err != nil {
			r.problem(fieldValue, raw, "should be an amount such as %s", numberExample(mark))
		} else {
			s.EstimatedValue = v
		}
	}
	switch v := r.cell(fieldCurrency); {
	case v != "":
		c, ok := currencyWord(v)
		if !ok {
			s.Currency = v // the model says what is wrong with it
			return
		}
		if fromNumber != "" && fromNumber != c {
			r.problem(fieldValue, raw, "is in %s but %s says %s", fromNumber, r.title(fieldCurrency), c)
			return
		}
		s.Currency = c
	case fromNumber != "":
		s.Currency = fromNumber
	case s.EstimatedValue > 0:
		s.Currency = r.cols.hint[fieldValue]
	}
}

// notes gathers the notes columns and the columns Bollard has no field
// for, so that nothing the officer wrote is lost.
func (r *rowReader) notes() string {
	var lines []string
	for _, i := range r.cols.notes {
		if i >= len(r.rec) {
			continue
		}
		v := strings.TrimSpace(r.rec[i])
		if v == "" {
			continue
		}
		if r.cols.all[i].Field == fieldNotes {
			lines = append(lines, v)
		} else {
			lines = append(lines, r.cols.all[i].Title+": "+v)
		}
	}
	return strings.Join(lines, "\n")
}

func numberExample(mark typed.DecimalMark) string {
	if mark == typed.DecimalPoint {
		return "1,234.5 or 1234.5"
	}
	return "1.234,5 or 1234,5"
}

func choiceList[T ~string](all []T) string {
	names := make([]string, len(all))
	for i, v := range all {
		names[i] = string(v)
	}
	return strings.Join(names, ", ")
}

func labelList[T interface {
	~string
	Label() string
}](all []T) string {
	names := make([]string, len(all))
	for i, v := range all {
		names[i] = v.Label()
	}
	return strings.Join(slices.Compact(names), ", ")
}
