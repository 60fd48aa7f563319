package model

// The rows of the workspace-wide lists, which show every entity, seizure
// and task across the cases at once: each record with what the list shows
// beside it. Records of archived cases are left out of them.

// EntityRow is an entity and the number of (unarchived) cases it appears in.
type EntityRow struct {
	Entity Entity
	Cases  int
}

// SeizureRow is a seizure and the ref of its case.
type SeizureRow struct {
	CaseRef string
	Seizure Seizure
}

// TaskRow is a task or assistance request and the ref of its case.
type TaskRow struct {
	CaseRef string
	Task    Task
}
