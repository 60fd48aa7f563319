package storage

import (
	"database/sql"

	"bollard/model"
)

const custodyColumns = recordColumns + `, item_id, action, from_name, from_agency, to_name, to_agency, place,
	seal_number, seal_intact, at, note, corrects`

func scanCustody(row interface{ Scan(...any) error }) (model.CustodyEvent, error) {
	var c model.CustodyEvent
	var intact sql.NullBool
	err := row.Scan(append(recordDest(&c.Record), &c.ItemID, &c.Action, &c.From.Name, &c.From.Agency, &c.To.Name,
		&c.To.Agency, &c.Place, &c.SealNumber, &intact, timeCol{&c.At}, &c.Note, &c.Corrects)...)
	if intact.Valid {
		c.SealIntact = &intact.Bool
	}
	return c, err
}

// InsertCustodyEvent adds an event to an exhibit's chain of custody.
// Events are never changed or removed afterwards.
func (tx *Tx) InsertCustodyEvent(c *model.CustodyEvent) error {
	return tx.auditedRecord(model.RecordCustody, model.AuditCreate, c.ID, func() error {
		var intact any
		if c.SealIntact != nil {
			intact = *c.SealIntact
		}
		args := append(recordArgs(&c.Record), c.ItemID, string(c.Action), c.From.Name, c.From.Agency, c.To.Name,
			c.To.Agency, c.Place, c.SealNumber, intact, dbTime(c.At), c.Note, c.Corrects)
		_, err := tx.exec(`INSERT INTO custody_events (`+custodyColumns+`) VALUES (`+placeholders(len(args))+`)`, args...)
		return wrap("record custody event", err)
	})
}

// CustodyEventByID returns the custody event with that ID.
func (tx *Tx) CustodyEventByID(id string) (model.CustodyEvent, error) {
	c, err := scanCustody(tx.queryRow(`SELECT `+custodyColumns+` FROM custody_events WHERE id = ?`, id))
	return c, wrap("custody event "+id, err)
}

// CustodyEvents lists an exhibit's chain of custody in the order the
// events happened, and in the order they were recorded when at the same time.
func (tx *Tx) CustodyEvents(itemID string) ([]model.CustodyEvent, error) {
	return queryAll(tx, "list custody events", scanCustody,
		`SELECT `+custodyColumns+` FROM custody_events WHERE item_id = ? ORDER BY at, created_at`, itemID)
}

// CaseCustodyEvents lists the custody events of every exhibit of a case,
// oldest first.
func (tx *Tx) CaseCustodyEvents(caseID string) ([]model.CustodyEvent, error) {
	return queryAll(tx, "list custody events", scanCustody, `SELECT `+custodyColumns+` FROM custody_events
		WHERE item_id IN (SELECT id FROM evidence_items WHERE case_id = ?) ORDER BY at, created_at`, caseID)
}

// EachCustodyEvent calls fn for every custody event.
func (tx *Tx) EachCustodyEvent(fn func(model.CustodyEvent) error) error {
	return eachRow(tx, "read custody events", scanCustody, fn, `SELECT `+custodyColumns+` FROM custody_events`)
}
