package storage

import (
	"database/sql"
	"errors"
	"strings"

	"bollard/model"
)

// entityOwnColumns are an entity's columns after the record's.
const entityOwnColumns = `kind, name, aliases, country, notes, birth_date, nationality,
	document_number, registration_number, vat_number, eori, lei, imo, mmsi, call_sign, flag,
	container_number, plate, vin, phone, email, iban, wallet_address`

const entityColumns = recordColumns + `, ` + entityOwnColumns + `, version`

func entityArgs(e *model.Entity) []any {
	return append(append(recordArgs(&e.Record), entityFields(e)...), e.Version)
}

// entityFields are the values of the entity's own columns, after the record's.
func entityFields(e *model.Entity) []any {
	id := &e.Identifiers
	return []any{string(e.Kind), e.Name, dbJSON(e.Aliases), e.Country, e.Notes,
		id.BirthDate.String(), id.Nationality, id.DocumentNumber, id.RegistrationNumber, id.VATNumber, id.EORI,
		id.LEI, id.IMO, id.MMSI, id.CallSign, id.Flag, id.ContainerNumber, id.Plate, id.VIN, id.Phone, id.Email,
		id.IBAN, id.WalletAddress}
}

func entityDest(e *model.Entity) []any {
	id := &e.Identifiers
	return append(recordDest(&e.Record), &e.Kind, &e.Name, listCol[string]{&e.Aliases}, &e.Country, &e.Notes,
		dateCol{&id.BirthDate}, &id.Nationality, &id.DocumentNumber, &id.RegistrationNumber, &id.VATNumber, &id.EORI,
		&id.LEI, &id.IMO, &id.MMSI, &id.CallSign, &id.Flag, &id.ContainerNumber, &id.Plate, &id.VIN, &id.Phone, &id.Email,
		&id.IBAN, &id.WalletAddress, &e.Version)
}

func scanEntity(row interface{ Scan(...any) error }) (model.Entity, error) {
	var e model.Entity
	err := row.Scan(entityDest(&e)...)
	return e, err
}

// InsertEntity stores a new entity.
func (tx *Tx) InsertEntity(e *model.Entity) error {
	return tx.auditedRecord(model.RecordEntity, model.AuditCreate, e.ID, func() error {
		e.Version = 1
		args := entityArgs(e)
		_, err := tx.exec(`INSERT INTO entities (`+entityColumns+`) VALUES (`+placeholders(len(args))+`)`, args...)
		return wrap("insert "+string(e.Kind)+" "+e.Name, err)
	})
}

// UpdateEntity saves an edited entity.
func (tx *Tx) UpdateEntity(e *model.Entity) error {
	return tx.auditedRecord(model.RecordEntity, model.AuditUpdate, e.ID, func() error {
		args := append([]any{dbTime(e.UpdatedAt), e.UpdatedBy.Name, e.UpdatedBy.Agency}, entityFields(e)...)
		return tx.updateVersioned(string(e.Kind)+" "+e.Name, "entities", &e.Record, `updated_at = ?, updated_by_name = ?, updated_by_agency = ?,
			kind = ?, name = ?, aliases = ?, country = ?, notes = ?, birth_date = ?, nationality = ?,
			document_number = ?, registration_number = ?, vat_number = ?, eori = ?, lei = ?, imo = ?, mmsi = ?,
			call_sign = ?, flag = ?, container_number = ?, plate = ?, vin = ?, phone = ?, email = ?, iban = ?,
			wallet_address = ?`, args...)
	})
}

// EntityByID returns the entity with that ID.
func (tx *Tx) EntityByID(id string) (model.Entity, error) {
	e, err := scanEntity(tx.queryRow(`SELECT `+entityColumns+` FROM entities WHERE id = ?`, id))
	return e, wrap("entity "+id, err)
}

// EntityByIdentifier returns the entity of the same kind that carries one
// of e's identifiers that name a single thing in the world: a vessel's IMO
// number, a container's number, an account's IBAN, a vehicle's VIN, a
// company's LEI. Names are not enough: two people share a name, two ships
// never share an IMO number.
func (tx *Tx) EntityByIdentifier(e model.Entity) (model.Entity, error) {
	for _, id := range []struct{ column, value string }{
		{"imo", e.IMO}, {"container_number", e.ContainerNumber}, {"iban", e.IBAN}, {"vin", e.VIN}, {"lei", e.LEI},
	} {
		if id.value == "" {
			continue
		}
		found, err := scanEntity(tx.queryRow(`SELECT `+entityColumns+` FROM entities
			WHERE `+id.column+` = ? AND `+id.column+` <> '' AND kind = ? ORDER BY created_at LIMIT 1`, id.value, string(e.Kind)))
		if err == nil || !errors.Is(err, sql.ErrNoRows) {
			return found, wrap("find entity by "+id.column, err)
		}
	}
	return model.Entity{}, wrap("find entity by identifier", sql.ErrNoRows)
}

// Entities lists every entity of a kind ("" for all), by name.
func (tx *Tx) Entities(kind model.EntityKind) ([]model.Entity, error) {
	if kind == "" {
		return queryAll(tx, "list entities", scanEntity, `SELECT `+entityColumns+` FROM entities ORDER BY name`)
	}
	return queryAll(tx, "list entities", scanEntity, `SELECT `+entityColumns+` FROM entities WHERE kind = ? ORDER BY name`, string(kind))
}

const linkColumns = recordColumns + `, case_id, entity_id, role, note, removed, version`

// InsertCaseLink records that an entity plays a role in a case.
func (tx *Tx) InsertCaseLink(l *model.CaseLink) error {
	return tx.auditedRecord(model.RecordCaseLink, model.AuditCreate, l.ID, func() error {
		l.Version = 1
		args := append(recordArgs(&l.Record), l.CaseID, l.EntityID, string(l.Role), l.Note, l.Removed, l.Version)
		_, err := tx.exec(`INSERT INTO case_links (`+linkColumns+`) VALUES (`+placeholders(len(args))+`)`, args...)
		return wrap("link entity to case as "+string(l.Role), err)
	})
}

// UpdateCaseLink saves a link's new role or note, or its removal (the
// entity unlinked from the case) or its return.
func (tx *Tx) UpdateCaseLink(l *model.CaseLink) error {
	return tx.auditedRecord(model.RecordCaseLink, model.AuditUpdate, l.ID, func() error {
		return tx.updateVersioned("link", "case_links", &l.Record, `updated_at = ?, updated_by_name = ?, updated_by_agency = ?,
			role = ?, note = ?, removed = ?`, dbTime(l.UpdatedAt), l.UpdatedBy.Name, l.UpdatedBy.Agency,
			string(l.Role), l.Note, l.Removed)
	})
}

// CaseLinkOf returns the link of that entity to that case, removed or not
// (model.ErrNotFound when it never was linked): an entity has one link to
// a case, whose role changes. A live link comes before removed ones, the
// newest first, for the duplicates earlier versions made.
func (tx *Tx) CaseLinkOf(caseID, entityID string) (model.CaseLink, error) {
	l, err := scanLink(tx.queryRow(`SELECT `+linkColumns+` FROM case_links WHERE case_id = ? AND entity_id = ?
		ORDER BY removed, updated_at DESC, id LIMIT 1`, caseID, entityID))
	return l, wrap("link of entity "+entityID+" to case "+caseID, err)
}

// CaseLinkByID returns the case link with that ID.
func (tx *Tx) CaseLinkByID(id string) (model.CaseLink, error) {
	l, err := scanLink(tx.queryRow(`SELECT `+linkColumns+` FROM case_links WHERE id = ?`, id))
	return l, wrap("case link "+id, err)
}

// CaseEntities lists the entities linked to a case with their roles.
func (tx *Tx) CaseEntities(caseID string, which Which) ([]model.CaseEntity, error) {
	return queryAll(tx, "list case entities", scanCaseEntity,
		`SELECT `+prefixed("l.", linkColumns)+`, `+prefixed("e.", entityColumns)+`
		FROM case_links l JOIN entities e ON e.id = l.entity_id
		WHERE l.case_id = ? AND `+which.of("l.")+` ORDER BY e.kind, e.name`, caseID)
}

// EntityCases lists the links of an entity to every case it appears in.
func (tx *Tx) EntityCases(entityID string) ([]model.CaseLink, error) {
	return queryAll(tx, "list entity cases", scanLink,
		`SELECT `+linkColumns+` FROM case_links WHERE entity_id = ? AND removed = 0 ORDER BY created_at`, entityID)
}

func linkDest(l *model.CaseLink) []any {
	return append(recordDest(&l.Record), &l.CaseID, &l.EntityID, &l.Role, &l.Note, &l.Removed, &l.Version)
}

func scanLink(row interface{ Scan(...any) error }) (model.CaseLink, error) {
	var l model.CaseLink
	err := row.Scan(linkDest(&l)...)
	return l, err
}

func scanCaseEntity(row interface{ Scan(...any) error }) (model.CaseEntity, error) {
	var ce model.CaseEntity
	err := row.Scan(append(linkDest(&ce.Link), entityDest(&ce.Entity)...)...)
	return ce, err
}

// prefixed qualifies each column of a list with a table alias: "l.id, l.created_at, ...".
func prefixed(alias, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = alias + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}
