package storage

import (
	"errors"

	"bollard/model"
)

// AgeIdentity returns the workspace's age secret key (AGE-SECRET-KEY-1...),
// "" when none has been made yet.
func (tx *Tx) AgeIdentity() (string, error) {
	var id string
	err := tx.queryRow(`SELECT age_identity FROM workspace`).Scan(&id)
	return id, wrap("read the workspace's age key", err)
}

// SetAgeIdentity keeps the workspace's age secret key. The app makes it,
// once; a workspace's key is never replaced, or the packages encrypted to
// it could no longer be opened.
// The key is audited (its public half), so a key replaced outside Bollard
// shows in verify.
func (tx *Tx) SetAgeIdentity(id string) error {
	return tx.setKey(model.KeyAge, "age_identity", id)
}

const partnerColumns = `public_key, name, agency, workspace_id, first_seen_at, last_seen_at, age_recipient`

// Partner returns the partner whose public key this is, model.ErrNotFound
// when the key is not a known partner's.
func (tx *Tx) Partner(publicKey string) (model.Partner, error) {
	p, err := scanPartner(tx.queryRow(`SELECT `+partnerColumns+` FROM partners WHERE public_key = ?`, publicKey))
	return p, wrap("read partner", err)
}

// scanPartner reads one partner, its columns in partnerColumns' order.
func scanPartner(row interface{ Scan(...any) error }) (model.Partner, error) {
	var p model.Partner
	err := row.Scan(&p.PublicKey, &p.Name, &p.Agency, &p.WorkspaceID, timeCol{&p.FirstSeenAt}, timeCol{&p.LastSeenAt}, &p.AgeRecipient)
	return p, err
}

// Partners returns every known partner, by agency and name.
func (tx *Tx) Partners() ([]model.Partner, error) {
	rows, err := tx.query(`SELECT ` + partnerColumns + ` FROM partners ORDER BY agency, name, public_key`)
	if err != nil {
		return nil, wrap("list partners", err)
	}
	defer rows.Close()
	var list []model.Partner
	for rows.Next() {
		p, err := scanPartner(rows)
		if err != nil {
			return nil, wrap("list partners", err)
		}
		list = append(list, p)
	}
	return list, wrap("list partners", rows.Err())
}

// PutPartner remembers a partner, or updates what is known of one already
// remembered: its name, agency and workspace as its latest package gave
// them, and when it was last seen. When it was first seen never changes; its
// age key, once known, is kept when a package gives none.
// Every change is an audit entry: whom the workspace trusts is evidence of
// how a package's records came to be accepted.
func (tx *Tx) PutPartner(p model.Partner) error {
	first := p.FirstSeenAt
	if first.IsZero() {
		first = p.LastSeenAt
	}
	action := model.AuditUpdate
	if _, err := tx.Partner(p.PublicKey); errors.Is(err, model.ErrNotFound) {
		action = model.AuditCreate
	} else if err != nil {
		return err
	}
	return audited(tx, model.RecordPartner, action, p.PublicKey, tx.Partner, noCase[model.Partner], func() error {
		_, err := tx.exec(`INSERT INTO partners (`+partnerColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (public_key) DO UPDATE SET name = excluded.name, agency = excluded.agency,
				workspace_id = excluded.workspace_id, last_seen_at = excluded.last_seen_at,
				age_recipient = CASE WHEN excluded.age_recipient = '' THEN age_recipient ELSE excluded.age_recipient END`,
			p.PublicKey, p.Name, p.Agency, p.WorkspaceID, dbTime(first), dbTime(p.LastSeenAt), p.AgeRecipient)
		return wrap("save partner", err)
	})
}
