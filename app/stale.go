package app

import (
	"fmt"

	"bollard/model"
)

// edited gives an edited record the identity and history of the stored one,
// keeping the version the editor read it at: the save is then refused with
// a *model.StaleError when someone else saved the record in between, instead
// of overwriting their save unseen. The check is made here, in the write
// transaction, so that the officer hears of it before any other complaint;
// the store makes it again in the UPDATE itself.
func edited(r *model.Record, stored model.Record, what string) error {
	read, removed := r.Version, r.Removed
	*r = stored
	r.Version, r.Removed = read, removed // the officer's: a removal, or putting back
	if read > stored.Version {
		// Not a save somebody else made: a version this record never had.
		return model.Invalid(what+" version", fmt.Sprint(read), "is newer than the record's own (%d): read the record again", stored.Version)
	}
	if read != stored.Version {
		return &model.StaleError{Record: what, By: stored.UpdatedBy, At: stored.UpdatedAt}
	}
	return nil
}
