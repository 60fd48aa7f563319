package model

import "time"

// Partner is a workspace of another agency whose signed case packages the
// officer has accepted: its ed25519 public key and who the packages said
// they came from. A package signed by a key the workspace does not keep is
// imported only after the officer confirms it. The audit trail records
// every partner (RecordPartner): whom the workspace trusts is evidence of
// how a package's records came to be accepted.
type Partner struct {
	PublicKey   string    `json:"public_key"` // ed25519, standard base64
	Name        string    `json:"name"`
	Agency      string    `json:"agency"`
	WorkspaceID string    `json:"workspace_id"`
	FirstSeenAt time.Time `json:"first_seen_at"`
	LastSeenAt  time.Time `json:"last_seen_at"`
	// AgeRecipient is the partner's age public key (age1...) as its signed
	// packages give it, "" until one did: case packages for its agency are
	// encrypted to it by default.
	AgeRecipient string `json:"age_recipient,omitempty"`
}

// RecordID is the partner's public key, which names it in the audit trail.
func (p Partner) RecordID() string { return p.PublicKey }
