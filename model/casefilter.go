package model

// CaseFilter narrows the case list to what an officer is looking for.
// Empty fields do not filter.
type CaseFilter struct {
	Status          CaseStatus
	Corridor        Corridor
	Threat          ThreatType
	IncludeArchived bool // archived cases are left out unless asked for
}
