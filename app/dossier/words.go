package dossier

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"bollard/model"
)

// words prints labels, choices, numbers and times in the dossier's language.
type words struct {
	lang model.Language
	i    int
}

func newWords(l model.Language) words { return words{lang: l, i: languageIndex(l)} }

// t is a label in the dossier's language. A missing label shows as ??key,
// which the tests look for, rather than as an empty heading.
func (w words) t(key string) string {
	if l, ok := labels[key]; ok {
		return l[w.i]
	}
	return "??" + key
}

func (w words) tf(key string, args ...any) string { return fmt.Sprintf(w.t(key), args...) }

// choice is an enumeration value's label, falling back to the stored code
// with its underscores opened up, so that a value added to the model later
// still prints.
func (w words) choice(kind string, code string) string {
	if code == "" {
		return ""
	}
	if l, ok := enumLabels[kind+":"+code]; ok {
		return l[w.i]
	}
	return strings.ReplaceAll(code, "_", " ")
}

// unit is a unit of quantity as the language writes it after a number.
func (w words) unit(u model.Unit) string { return w.choice("unit", string(u)) }

// number writes a quantity or an amount the way a reader of the language
// expects: 1,234.5 in English, 1.234,5 in Spanish and Portuguese, 1 234,5
// (with a no-break space) in French. At most two decimals are kept: a
// seized weight or value is never more precise than that.
func (w words) number(v float64) string {
	v = math.Round(v*100) / 100
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	thousands, decimal := ",", "."
	switch w.lang {
	case model.Spanish, model.Portuguese:
		thousands, decimal = ".", ","
	case model.French:
		thousands, decimal = "\u00a0", ","
	}
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(decimal + frac)
	}
	return b.String()
}

// date writes a day the way a court of the language reads it: 14/03/2026
// in Spanish, Portuguese and French; in English 14 Mar 2026, with the
// month in letters, because an English reader may be British or American
// and 03/04 means two different days on either side of the Atlantic. The
// cover says which form the dossier uses ("times utc").
func (w words) date(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	if w.lang == model.Spanish || w.lang == model.Portuguese || w.lang == model.French {
		return t.Format("02/01/2006")
	}
	return t.Format("02 Jan 2006")
}

// day is the day of t in UTC, as every time the dossier prints. A day
// written alone is that day (model/when.go).
func (w words) day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return w.date(model.DateOf(t.UTC()))
}

// dateTime is t in UTC, its day in the language's form and its time on
// the 24-hour clock: a dossier crosses borders and time zones. A day
// written alone is that day, with no time.
func (w words) dateTime(t time.Time) string {
	if t.IsZero() || model.IsDayOnly(t) {
		return w.day(t)
	}
	return w.day(t) + " " + t.UTC().Format("15:04")
}

// writtenAt is when a seizure happened as the officer wrote it: the day
// alone, or the day over the time at the offset it was written in, named
// ("14/03/2026" over "23:30 UTC+1"), so that the dossier read anywhere
// shows the day and hour of the report it came from (model.FormatWhen,
// with the day in the language's form). The day and the time are on
// lines of their own: the narrow column would break them anywhere.
func (w words) writtenAt(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case model.IsDayOnly(t):
		return w.date(model.DateOf(t))
	}
	return w.date(model.DateOf(t)) + "\n" + t.Format("15:04") + " " + model.FormatOffset(t)
}

// joinNonEmpty joins the parts that are not blank.
func joinNonEmpty(sep string, parts ...string) string {
	kept := parts[:0:0]
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// count writes a number of things the way the language groups digits.
func (w words) count(n int) string { return w.number(float64(n)) }
