package model

// CaseEntity is an entity as it stands in one case: the entity, and the
// link that gives it its role there. Entities are shared across cases; the
// role belongs to the case.
type CaseEntity struct {
	Link   CaseLink
	Entity Entity
}
