package exchange

// A case package is the file one agency hands another: the cases as JSON,
// the files attached to their exhibits, and a manifest that lists every
// part by SHA-256 and size, signed with the exporting workspace's ed25519
// key, the whole optionally encrypted with age. docs/case-package.md
// describes the format byte by byte; this file holds its types.

import (
	"crypto/ed25519"
	"errors"
	"io"
	"time"

	"bollard/model"
)

// The case package format. A reader refuses another format, and a newer
// version with "written by a newer Bollard".
const (
	PackageFormat        = "bollard-package"
	PackageFormatVersion = 1
	// PackageExt is the file name extension of a case package.
	PackageExt = ".bollard"
)

// The fixed names inside a package. Attachment files are FilesDir + their
// SHA-256 in lowercase hex, and nothing else is allowed in a package.
const (
	ManifestPath  = "manifest.json"
	SignaturePath = "manifest.sig"
	ContentPath   = "content.json"
	FilesDir      = "files/"
)

// PackageParts is what goes into a package: the content document and the
// files attached to its exhibits.
type PackageParts struct {
	// Content is content.json: the cases, in the JSON the importer reads.
	// The package carries it as bytes and does not look inside.
	Content []byte
	// Files are the attachment files, named by SHA-256. A file listed twice
	// (two exhibits sharing a photo) is packed once.
	Files []PackageFile
	// CreatedAt is when the package was made, as the manifest says; zero
	// means now.
	CreatedAt time.Time
}

// PackageFile is one attachment file to pack. Its bytes are read while the
// package is written, hashed on the way, and the package is refused (not
// written) when they do not match SHA256 and Size.
type PackageFile struct {
	SHA256 string // lowercase hex
	Size   int64
	Open   func() (io.ReadCloser, error)
}

// Signer is who signs a package: the officer's name and agency and the
// workspace's ID travel with the public half of Key, so that the receiving
// side can show who sent it and remember the key as a known partner, with
// the workspace's age key to encrypt what it sends back to.
type Signer struct {
	Name      string
	Agency    string
	Workspace string
	Key       ed25519.PrivateKey
	// AgeRecipient is the workspace's age public key, for the manifest.
	AgeRecipient string
}

// Encryption says whom a package is encrypted to. The zero Encryption
// writes a package that is signed but not encrypted. A package is encrypted
// either to recipients or to a passphrase, not both (age does not allow it).
type Encryption struct {
	// Recipients are the age public keys (age1...) of the workspaces that
	// may open the package; each of them can, nobody else can.
	Recipients []string
	// Passphrase encrypts the package with a passphrase (scrypt) instead:
	// at least MinPassphraseLength characters.
	Passphrase string
}

// IsZero reports whether the package is not to be encrypted.
func (e Encryption) IsZero() bool { return len(e.Recipients) == 0 && e.Passphrase == "" }

// MinPassphraseLength is the shortest passphrase a package is encrypted with.
const MinPassphraseLength = 8

// Manifest is manifest.json: what the package is, who signed it, and every
// other part in it with its SHA-256 and size. The signature covers the
// manifest's exact bytes; the manifest covers every part.
type Manifest struct {
	Format    string         `json:"format"`
	Version   int            `json:"version"`
	CreatedAt time.Time      `json:"created_at"`
	Signer    ManifestSigner `json:"signer"`
	Parts     []ManifestPart `json:"parts"`
}

// ManifestSigner is who signed the package, as the manifest says. Only
// PublicKey is proven (by the signature); the name, agency and workspace
// are what the holder of that key wrote, which is why an unknown key is
// accepted only after the officer confirms it.
type ManifestSigner struct {
	Name      string `json:"name"`
	Agency    string `json:"agency"`
	Workspace string `json:"workspace"`
	PublicKey string `json:"public_key"` // ed25519, standard base64
	// AgeRecipient is the signing workspace's age public key (age1...):
	// the importer remembers it with the partner, and encrypts what it
	// sends that agency to it by default. Signed with the rest, so it is
	// as trusted as the signing key. Packages of earlier releases have none.
	AgeRecipient string `json:"age_recipient,omitempty"`
}

// Provenance is where the changes of the package with that SHA-256 came
// from, for the audit trail: the officer and agency the signed manifest
// names, and the signing key.
func (s ManifestSigner) Provenance(packageSHA256 string) model.Provenance {
	return model.Provenance{Officer: model.Author{Name: s.Name, Agency: s.Agency}, Package: packageSHA256, Key: s.PublicKey}
}

// ManifestPart is one part of the package: content.json or files/<sha256>.
type ManifestPart struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"` // lowercase hex
	Size   int64  `json:"size"`
}

// OpenOptions are what opening a package may need.
type OpenOptions struct {
	// Identities are age secret keys (AGE-SECRET-KEY-1...) tried on an
	// encrypted package: normally the workspace's own, app.AgeIdentity.
	Identities []string
	// Passphrase is tried on a package encrypted with a passphrase.
	Passphrase string
	// TempDir is where the attachment files are extracted (in a folder of
	// their own, removed by Close). Best on the same disk as the
	// workspace's files, so that they can be moved in rather than copied.
	// Empty means the system's temporary folder.
	TempDir string
	// Seal, when given, seals every file extracted to TempDir, so that an
	// encrypted workspace's decrypted files never reach the disk in
	// plaintext (app.Workspace.TempSeal). nil writes them as they are.
	Seal TempSealer
}

// TempSealer seals files written to a temp folder and opens them again
// (storage.TempSeal is one).
type TempSealer interface {
	Seal(dst io.Writer) (io.WriteCloser, error)
	Open(src io.Reader) (io.Reader, error)
}

// OpenedPackage is a package that was opened and checked whole: its
// signature, every part's hash and size, its limits. Nothing of a package
// that fails any check is returned.
type OpenedPackage struct {
	Manifest Manifest
	// SHA256 is the SHA-256 of the package file as it was handed over
	// (encrypted, when it is), in lowercase hex.
	SHA256 string
	// Content is content.json, checked against its hash.
	Content []byte
	// Encrypted says whether the package was encrypted (to recipients or a
	// passphrase).
	Encrypted bool
	// File opens an attachment file extracted to TempDir and checked
	// against its hash, by its SHA-256, and returns its contents (through
	// OpenOptions.Seal); an error when the package holds no such file or was
	// closed. No path is given: the file on disk may be sealed.
	File func(sha256 string) (io.ReadCloser, error)
	// Close removes the files extracted; calling it again does nothing.
	Close func() error
}

// Errors a caller may need to tell apart. Each is wrapped in an error whose
// message says what to do; errors.Is finds them.
var (
	// ErrNeedsKey: the package is encrypted and nothing was given that could
	// open it. The message says whether it wants a passphrase or a
	// recipient's key; PackageEncryption tells which, for a prompt.
	ErrNeedsKey = errors.New("the package is encrypted")
	// ErrWrongKey: the package is encrypted and the keys or passphrase given
	// do not open it.
	ErrWrongKey = errors.New("the package cannot be opened with this key")
	// ErrRefused: the package is damaged, tampered with, or not a package
	// this Bollard reads. Every refusal other than the two above wraps it.
	ErrRefused = errors.New("the package is refused")
)

// Sealing is how a package file is encrypted.
type Sealing int

// The ways a package can be sealed.
const (
	NotEncrypted          Sealing = iota // a plain (signed) zip
	EncryptedToRecipients                // age, to X25519 recipients' keys
	EncryptedToPassphrase                // age, to a passphrase (scrypt)
)

// String says it in words.
func (s Sealing) String() string {
	switch s {
	case EncryptedToRecipients:
		return "encrypted to recipients' keys"
	case EncryptedToPassphrase:
		return "encrypted with a passphrase"
	}
	return "not encrypted"
}
