package model

import "time"

// Conflict is a record changed on both sides of an exchange to different
// values: the local version stays where it is, the incoming one waits with
// the fields changed on both sides until the officer chooses. Its JSON is
// part of the command line's --json output.
type Conflict struct {
	ID         string   `json:"id"`
	RecordType string   `json:"record_type"`
	RecordID   string   `json:"record_id"`
	CaseID     string   `json:"case_id"`
	Incoming   string   `json:"incoming"` // the incoming record, JSON
	Base       string   `json:"base"`     // the common ancestor, JSON ("" when none)
	Fields     []string `json:"fields"`   // the fields changed on both sides
	FromKey    string   `json:"from_key"` // the signer's public key
	// FromPackage is the SHA-256 of the package the incoming record came
	// in: taking theirs credits the change to where it came from.
	FromPackage string    `json:"from_package,omitempty"`
	ReceivedAt  time.Time `json:"received_at"`
	ResolvedAt  time.Time `json:"resolved_at,omitzero"`
	Resolution  string    `json:"resolution,omitempty"` // "" open; "mine" or "theirs"
}
