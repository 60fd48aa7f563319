package model

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"time"
)

// Checkpoint is a signed statement of where a workspace's audit trail stood
// at a moment: its last entry's number and hash. Kept off the laptop (on a
// USB stick, by e-mail to a supervisor), it shows later whether entries were
// removed or the trail rewritten after it was made.
type Checkpoint struct {
	Workspace string    `json:"workspace"`
	Seq       int64     `json:"seq"`
	Hash      string    `json:"hash"`
	At        time.Time `json:"at"`
	By        Author    `json:"by"`
	PublicKey string    `json:"public_key"` // the workspace's ed25519 key, base64
	Signature string    `json:"signature"`  // ed25519 over SignedBytes, base64
}

// SignedBytes is what the signature covers: every field but the signature,
// in a fixed order, with a version tag.
func (c Checkpoint) SignedBytes() []byte {
	b, err := json.Marshal([]any{"bollard-checkpoint-v1", c.Workspace, c.Seq, c.Hash,
		c.At.UTC().Format(AuditTimeLayout), c.By.Name, c.By.Agency, c.PublicKey})
	if err != nil {
		panic(err) // strings and numbers always marshal
	}
	return b
}

// Sign fills in the public key and signature with the workspace's key.
func (c *Checkpoint) Sign(key ed25519.PrivateKey) {
	c.PublicKey = base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey))
	c.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(key, c.SignedBytes()))
}

// CheckSignature reports whether the checkpoint is signed by the key it
// names and unchanged since.
func (c Checkpoint) CheckSignature() error {
	pub, err := base64.StdEncoding.DecodeString(c.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return errors.New("checkpoint: the public key is not an ed25519 key")
	}
	sig, err := base64.StdEncoding.DecodeString(c.Signature)
	if err != nil || !ed25519.Verify(pub, c.SignedBytes(), sig) {
		return errors.New("checkpoint: the signature does not match: the file was changed after it was signed")
	}
	return nil
}
