package model

// The workspace's keys, as the audit trail names them (the RecordID of a
// WorkspaceKey): a workspace has one of each.
const (
	KeySigning = "signing" // the ed25519 key that signs checkpoints and packages
	KeyAge     = "age"     // the age key that opens packages encrypted to the workspace
)

// WorkspaceKey is one of the workspace's own keys as the audit trail
// records it (RecordKey): its public half only, never the secret, so that
// a key replaced outside Bollard shows in verify.
type WorkspaceKey struct {
	Kind      string `json:"kind"`       // KeySigning or KeyAge
	PublicKey string `json:"public_key"` // ed25519 base64, or age1...
}

// RecordID is the key's kind: a workspace has one key of each.
func (k WorkspaceKey) RecordID() string { return k.Kind }
