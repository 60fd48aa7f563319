package dossier

import (
	"errors"
	"fmt"
	"time"

	"bollard/app"
	"bollard/model"
)

// ErrDate: the dossier's date is outside what it may say. A dossier
// dated before the latest change it prints would claim to have been made
// before its own contents; one dated after today would claim a day that
// has not come. CheckDate's errors are one, saying the date and the limit it passes.
var ErrDate = errors.New("the dossier date is out of bounds")

// dateError says why a date is refused, in full, and is an ErrDate.
type dateError struct{ why string }

func (e dateError) Error() string        { return e.why }
func (e dateError) Is(target error) bool { return target == ErrDate }

// CheckDate says whether a dossier of f may be dated date, now being the
// officer's clock. Days are compared, not instants, so a dossier dated
// the day of the last change is fine; and a day counts as today or as the
// day of the change in UTC or in the officer's zone, whichever allows it,
// so that no officer is refused the day on their own calendar. A zero
// date is now, always fine.
func CheckDate(f app.CaseFile, date, now time.Time) error {
	if date.IsZero() {
		return nil
	}
	day := model.DateOf(date)
	if last := lastChange(f); !last.IsZero() {
		earliest := model.DateOf(last.UTC())
		if local := model.DateOf(last.Local()); local.Before(earliest) {
			earliest = local
		}
		if day.Before(earliest) {
			return dateError{fmt.Sprintf("the dossier date %s is before the case's latest change (%s): a dossier cannot be dated before what it prints", day, earliest)}
		}
	}
	latest := model.DateOf(now.UTC())
	if local := model.DateOf(now.Local()); latest.Before(local) {
		latest = local
	}
	if latest.Before(day) {
		return dateError{fmt.Sprintf("the dossier date %s is after today (%s): a dossier cannot be dated on a day that has not come", day, latest)}
	}
	return nil
}

// lastChange is when anything in the case last changed: the dossier's
// version, by which two copies of it can be told apart.
func lastChange(f app.CaseFile) time.Time {
	last := f.Case.UpdatedAt
	see := func(r model.Record) {
		if r.UpdatedAt.After(last) {
			last = r.UpdatedAt
		}
	}
	for _, s := range f.Seizures {
		see(s.Record)
	}
	for _, e := range f.Entities {
		see(e.Entity.Record)
		see(e.Link.Record)
	}
	for _, r := range f.Relations {
		see(r.Record)
	}
	for _, e := range f.Timeline {
		see(e.Record)
	}
	for _, t := range f.Tasks {
		see(t.Record)
	}
	for _, n := range f.Notes {
		see(n.Record)
	}
	for _, x := range f.Evidence {
		see(x.Item.Record)
		for _, c := range x.Custody {
			see(c.Record)
		}
	}
	return last
}
