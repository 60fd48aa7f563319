package storage

import (
	"context"
	"fmt"
	"time"

	"bollard/model"
)

// WorkspaceID returns the workspace's own ID, given to it when the file was
// created. Records remember it as the workspace they were first made in.
func (tx *Tx) WorkspaceID() (string, error) {
	var id string
	err := tx.tx.QueryRow(`SELECT id FROM workspace`).Scan(&id)
	return id, wrap("read workspace", err)
}

// Officer returns the officer profile kept in the workspace; the zero
// Officer when it has not been set.
func (tx *Tx) Officer() (model.Officer, error) {
	var o model.Officer
	var lang string
	err := tx.tx.QueryRow(`SELECT officer_name, officer_agency, officer_country, ref_prefix, default_marking, language FROM workspace`).
		Scan(&o.Name, &o.Agency, &o.Country, &o.RefPrefix, &o.DefaultMarking, &lang)
	o.Language = model.Language(lang)
	return o, wrap("read officer profile", err)
}

// SetOfficer replaces the officer profile.
func (tx *Tx) SetOfficer(o model.Officer) error {
	_, err := tx.tx.Exec(`UPDATE workspace SET officer_name = ?, officer_agency = ?, officer_country = ?,
		ref_prefix = ?, default_marking = ?, language = ?`,
		o.Name, o.Agency, o.Country, o.RefPrefix, o.DefaultMarking, string(o.Language))
	return wrap("save officer profile", err)
}

// ensureWorkspace gives a new workspace file its identity, once.
func ensureWorkspace(ctx context.Context, s *Store) error {
	return s.Write(ctx, func(tx *Tx) error {
		_, err := tx.tx.Exec(`INSERT OR IGNORE INTO workspace (id, created_at) VALUES (?, ?)`, model.NewID(), dbTime(time.Now()))
		if err != nil {
			return fmt.Errorf("storage: create workspace identity: %w", describe(err))
		}
		return nil
	})
}
