package storage

import (
	"bollard/model"
)

const seizureColumns = recordColumns + `, case_id, ref, seized_at, place_name, locode, country,
	commodity_category, commodity_description, hs_code, quantity, unit, estimated_value, currency,
	transport_mode, concealment, detection_method, container_numbers, seal_numbers, transport_document,
	origin_country, transit_countries, destination_country, notes, sticks_per_pack, packs_per_carton,
	cartons_per_master_case, version`

func seizureArgs(s *model.Seizure) []any {
	return append(recordArgs(&s.Record), s.CaseID, s.Ref, dbWrittenTime(s.SeizedAt), s.PlaceName, s.LOCODE, s.Country,
		string(s.Category), s.Description, s.HSCode, s.Quantity, string(s.Unit), s.EstimatedValue, s.Currency,
		string(s.TransportMode), s.Concealment, string(s.Detection), dbJSON(s.ContainerNumbers), dbJSON(s.SealNumbers),
		s.TransportDocument, s.OriginCountry, dbJSON(s.TransitCountries), s.DestinationCountry, s.Notes, s.SticksPerPack, s.PacksPerCarton,
		s.CartonsPerMasterCase, s.Version)
}

func scanSeizure(row interface{ Scan(...any) error }) (model.Seizure, error) {
	var s model.Seizure
	dest := append(recordDest(&s.Record), &s.CaseID, &s.Ref, timeCol{&s.SeizedAt}, &s.PlaceName, &s.LOCODE, &s.Country,
		&s.Category, &s.Description, &s.HSCode, &s.Quantity, &s.Unit, &s.EstimatedValue, &s.Currency,
		&s.TransportMode, &s.Concealment, &s.Detection, listCol[string]{&s.ContainerNumbers}, listCol[string]{&s.SealNumbers},
		&s.TransportDocument, &s.OriginCountry, listCol[string]{&s.TransitCountries}, &s.DestinationCountry, &s.Notes, &s.SticksPerPack, &s.PacksPerCarton,
		&s.CartonsPerMasterCase, &s.Version)
	err := row.Scan(dest...)
	return s, err
}

// InsertSeizure stores a new seizure. When s.Ref is empty it gets the next
// SZ-NNNN of its case.
func (tx *Tx) InsertSeizure(s *model.Seizure) error {
	return tx.auditedRecord(model.RecordSeizure, model.AuditCreate, s.ID, func() error {
		if s.Ref == "" {
			last, err := tx.LastSeizureNumber(s.CaseID)
			if err != nil {
				return err
			}
			s.Ref = model.FormatSeizureRef(last + 1)
		}
		// A ref given in SZ-NNNN form (an imported seizure) keeps its number
		// counted, so that the next seizure added here does not take it again.
		var seq any
		s.Version = 1
		if n, ok := model.ParseSeizureRef(s.Ref); ok {
			seq = n
		}
		args := append(seizureArgs(s), seq)
		_, err := tx.exec(`INSERT INTO seizures (`+seizureColumns+`, seq) VALUES (`+placeholders(len(args))+`)`, args...)
		return wrap("insert seizure "+s.Ref, err)
	})
}

// LastSeizureNumber is the highest NNNN of the case's SZ-NNNN refs, 0 when
// it has none.
func (tx *Tx) LastSeizureNumber(caseID string) (int, error) {
	var last int
	err := tx.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM seizures WHERE case_id = ?`, caseID).Scan(&last)
	return last, wrap("number the new seizure", err)
}

// UpdateSeizure saves an edited seizure. Its case and ref never change.
func (tx *Tx) UpdateSeizure(s *model.Seizure) error {
	return tx.auditedRecord(model.RecordSeizure, model.AuditUpdate, s.ID, func() error {
		return tx.updateVersioned("seizure "+s.Ref, "seizures", &s.Record, `updated_at = ?, updated_by_name = ?, updated_by_agency = ?,
			seized_at = ?, place_name = ?, locode = ?, country = ?, commodity_category = ?, commodity_description = ?,
			hs_code = ?, quantity = ?, unit = ?, estimated_value = ?, currency = ?, transport_mode = ?, concealment = ?,
			detection_method = ?, container_numbers = ?, seal_numbers = ?, transport_document = ?, origin_country = ?,
			transit_countries = ?, destination_country = ?, notes = ?, sticks_per_pack = ?, packs_per_carton = ?,
			cartons_per_master_case = ?`,
			dbTime(s.UpdatedAt), s.UpdatedBy.Name, s.UpdatedBy.Agency,
			dbWrittenTime(s.SeizedAt), s.PlaceName, s.LOCODE, s.Country, string(s.Category), s.Description,
			s.HSCode, s.Quantity, string(s.Unit), s.EstimatedValue, s.Currency, string(s.TransportMode), s.Concealment,
			string(s.Detection), dbJSON(s.ContainerNumbers), dbJSON(s.SealNumbers), s.TransportDocument, s.OriginCountry,
			dbJSON(s.TransitCountries), s.DestinationCountry, s.Notes, s.SticksPerPack, s.PacksPerCarton,
			s.CartonsPerMasterCase)
	})
}

// SeizureByID returns the seizure with that ID.
func (tx *Tx) SeizureByID(id string) (model.Seizure, error) {
	s, err := scanSeizure(tx.queryRow(`SELECT `+seizureColumns+` FROM seizures WHERE id = ?`, id))
	return s, wrap("seizure "+id, err)
}

// SeizureByRef returns the seizure with that ref in the case.
func (tx *Tx) SeizureByRef(caseID, ref string) (model.Seizure, error) {
	s, err := scanSeizure(tx.queryRow(`SELECT `+seizureColumns+` FROM seizures WHERE case_id = ? AND ref = ? COLLATE NOCASE`, caseID, ref))
	return s, wrap("seizure "+ref, err)
}

// Seizures lists a case's seizures in the order they happened.
func (tx *Tx) Seizures(caseID string) ([]model.Seizure, error) {
	return queryAll(tx, "list seizures", scanSeizure,
		`SELECT `+seizureColumns+` FROM seizures WHERE case_id = ? ORDER BY julianday(seized_at), ref`, caseID)
}
