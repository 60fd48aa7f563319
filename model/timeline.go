package model

import (
	"strings"
	"time"
)

// TimelineEvent is something that happened in a case that is not itself a
// seizure or a custody event: a meeting, a controlled delivery, an arrest.
type TimelineEvent struct {
	Record
	CaseID      string    `json:"case_id"`
	At          time.Time `json:"at"`
	Title       string    `json:"title"`
	Place       string    `json:"place"`
	Description string    `json:"description"`
}

// Validate checks the event.
func (e *TimelineEvent) Validate(now time.Time) error {
	p := problems{record: "timeline event"}
	p.require("case", e.CaseID)
	e.Title = strings.TrimSpace(e.Title)
	p.require("title", e.Title)
	p.add("title", checkLength("title", e.Title, 300))
	if e.At.IsZero() {
		p.add("when", Invalid("when", "", "is required"))
	} else if e.At.After(now) {
		p.add("when", Invalid("when", e.At.Format("2006-01-02 15:04"), "cannot be in the future"))
	}
	return p.err()
}

// Note is a free-text note on a case. Notes are only ever added, never
// edited, so that what was written when stays as it was written.
type Note struct {
	Record
	CaseID string `json:"case_id"`
	Body   string `json:"body"`
}

// Validate checks the note.
func (n *Note) Validate() error {
	p := problems{record: "note"}
	p.require("case", n.CaseID)
	n.Body = strings.TrimSpace(n.Body)
	p.require("text", n.Body)
	p.add("text", checkLength("text", n.Body, 20000))
	return p.err()
}
