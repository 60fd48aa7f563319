package storage

import (
	"bollard/model"
)

// updateVersioned saves one edited record with an UPDATE guarded by the
// version it was read at: set is the SET list without the version, args its
// values. When the stored version is newer (another window, process or
// merge saved it in between) nothing is written and a *model.StaleError
// names who saved it and when; the edit is not lost, it is refused, so the
// officer can reload and decide. On success r.Version is the new version.
func (tx *Tx) updateVersioned(label, table string, r *model.Record, set string, args ...any) error {
	what := "update " + label
	args = append(args, r.ID, r.Version)
	res, err := tx.exec(`UPDATE `+table+` SET `+set+`, version = version + 1 WHERE id = ? AND version = ?`, args...)
	if err != nil {
		return wrap(what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return wrap(what, err)
	}
	if n == 0 {
		return tx.staleOrMissing(label, table, r.ID)
	}
	r.Version++
	return nil
}

// staleOrMissing says why a versioned update matched no row: the record is
// gone (model.ErrNotFound) or it was saved since it was read.
func (tx *Tx) staleOrMissing(label, table, id string) error {
	stale := &model.StaleError{Record: label}
	err := tx.queryRow(`SELECT updated_at, updated_by_name, updated_by_agency FROM `+table+` WHERE id = ?`, id).
		Scan(timeCol{&stale.At}, &stale.By.Name, &stale.By.Agency)
	if err != nil { // sql.ErrNoRows becomes model.ErrNotFound
		return wrap("update "+label, err)
	}
	return stale
}
