package model

// Provenance says where a change received from a partner came from: the
// partner's officer and agency as the signed package names them, the
// SHA-256 of the package file it came in, and the key that signed it. An
// audit entry written by an import carries it (AuditEntry.Received), so
// that a partner's change is never credited to the officer who imported it.
type Provenance struct {
	Officer Author `json:"officer"`
	// Package is the SHA-256 of the package file, in lowercase hex: what
	// `sha256sum` says of the file the officer was handed.
	Package string `json:"package"`
	// Key is the signing key's fingerprint: its ed25519 public key in
	// standard base64, as `bollard keys` shows a workspace's signing key
	// and the partners list keeps it.
	Key string `json:"key"`
}

// IsZero reports whether there is no provenance: a change made here.
func (p Provenance) IsZero() bool { return p == Provenance{} }

// ShortPackage is the package's SHA-256 as an officer reads it, its first
// eight hex digits: "3f2a91c0…".
func (p Provenance) ShortPackage() string {
	if len(p.Package) > 8 {
		return p.Package[:8] + "…"
	}
	return p.Package
}

// String says it in words: "received from HMRC (J. Smith) in package
// 3f2a91c0…".
func (p Provenance) String() string {
	from := p.Officer.Agency
	switch {
	case from == "":
		from = p.Officer.Name
	case p.Officer.Name != "":
		from += " (" + p.Officer.Name + ")"
	}
	if from == "" {
		from = "a partner"
	}
	return "received from " + from + " in package " + p.ShortPackage()
}
