package exchange

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// signatureTag starts what manifest.sig signs, before the manifest's exact
// bytes: a signature made for anything else (a checkpoint, a later version
// of this format) never passes for a package manifest's.
const signatureTag = "bollard-package-manifest-v1\n"

// signedBytes is what manifest.sig signs.
func signedBytes(manifest []byte) []byte {
	return append([]byte(signatureTag), manifest...)
}

// signManifest returns manifest.sig's bytes: the signature in standard
// base64 and a newline.
func signManifest(key ed25519.PrivateKey, manifest []byte) []byte {
	sig := ed25519.Sign(key, signedBytes(manifest))
	return []byte(base64.StdEncoding.EncodeToString(sig) + "\n")
}

// verifyManifest checks manifest.sig against the manifest's bytes and the
// public key the manifest names.
func verifyManifest(publicKey string, manifest, sig []byte) error {
	pub, err := base64.StdEncoding.Strict().DecodeString(publicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return refused("the signer's public key in the manifest is not an ed25519 key")
	}
	raw, err := base64.StdEncoding.Strict().DecodeString(strings.TrimSuffix(string(sig), "\n"))
	if err != nil || len(raw) != ed25519.SignatureSize {
		return refused("the manifest's signature is not an ed25519 signature")
	}
	if !ed25519.Verify(pub, signedBytes(manifest), raw) {
		return refused("the signature does not match the manifest: the package was changed after it was signed")
	}
	return nil
}

// refused is a refusal of a damaged, tampered or foreign package.
// Its message is one line, whatever the errors of the libraries it quotes.
func refused(format string, args ...any) error {
	msg := strings.Join(strings.Fields(fmt.Sprintf(format, args...)), " ")
	return fmt.Errorf("%w: %s", ErrRefused, msg)
}

// decodeManifest reads manifest.json: first only its format and version,
// so that a newer package says so instead of failing on a field this
// version does not know, then strictly.
func decodeManifest(b []byte) (Manifest, error) {
	var m Manifest
	if !utf8.Valid(b) {
		return m, refused("the manifest is not text")
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return m, refused("the manifest is not valid JSON (%v)", err)
	}
	if head.Format != PackageFormat {
		return m, refused("this is not a Bollard case package (the manifest says format %q)", clip(head.Format))
	}
	if head.Version > PackageFormatVersion {
		return m, refused("the package was written by a newer Bollard (package version %d; this one reads version %d): update Bollard to open it", head.Version, PackageFormatVersion)
	}
	if head.Version != PackageFormatVersion {
		return m, refused("the package's version %d is not one Bollard ever wrote", head.Version)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return m, refused("the manifest does not read as a version %d manifest (%v)", PackageFormatVersion, err)
	}
	if err := checkJSONText(b); err != nil {
		return m, refused("the manifest's %v", err)
	}
	return m, nil
}

// checkManifest checks what the manifest declares, before any part is read:
// every path where it belongs and named once, every hash well formed, every
// size within the limits.
func checkManifest(m Manifest) error {
	if len(m.Parts) > maxEntries {
		return refused("the manifest lists %d parts, more than the %d a package may hold", len(m.Parts), maxEntries)
	}
	seen := make(map[string]bool, len(m.Parts))
	var total int64
	content := false
	for _, p := range m.Parts {
		if err := checkEntryName(p.Path); err != nil {
			return err
		}
		if p.Path == ManifestPath || p.Path == SignaturePath {
			return refused("the manifest lists %s among its parts", p.Path)
		}
		if seen[p.Path] {
			return refused("the manifest lists %s twice", p.Path)
		}
		seen[p.Path] = true
		if !isSHA256(p.SHA256) {
			return refused("the manifest's hash of %s is not a SHA-256 in lowercase hex", p.Path)
		}
		if p.Path != ContentPath && p.Path != FilesDir+p.SHA256 {
			return refused("the manifest names %s by another hash than its own", p.Path)
		}
		limit := int64(maxFile)
		if p.Path == ContentPath {
			content, limit = true, maxContent
		}
		if p.Size < 0 || p.Size > limit {
			return refused("the manifest says %s is %s; a part may be at most %s", p.Path, sizeText(p.Size), sizeText(limit))
		}
		total += p.Size
		if total > maxTotal {
			return refused("the manifest declares more than %s in all, more than a package may hold", sizeText(maxTotal))
		}
	}
	if !content {
		return refused("the manifest lists no %s", ContentPath)
	}
	return nil
}

// checkEntryName refuses a name that has no place in a package: one that
// could escape the folder it is extracted to, or is not one of the fixed
// names or files/<sha256>.
func checkEntryName(name string) error {
	shown := clip(name)
	switch {
	case name == "":
		return refused("the package holds an entry with no name")
	case strings.Contains(name, `\`):
		return refused("the entry %q has a backslash in its path", shown)
	case strings.HasPrefix(name, "/") || (len(name) > 1 && name[1] == ':'):
		return refused("the entry %q has an absolute path", shown)
	case name == ".." || strings.HasPrefix(name, "../") || strings.Contains(name, "/../") || strings.HasSuffix(name, "/.."):
		return refused("the entry %q escapes the package", shown)
	case name == ManifestPath, name == SignaturePath, name == ContentPath:
		return nil
	case strings.HasPrefix(name, FilesDir) && isSHA256(name[len(FilesDir):]):
		return nil
	}
	return refused("the entry %q is not where anything in a package belongs", shown)
}

// isSHA256 reports whether s is a SHA-256 in lowercase hex.
func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// clip shortens a name taken from a package for a message, and makes it
// printable: a hostile name is not shown whole.
func clip(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "?")
	}
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return s
}

// errNotSHA256 is why a PackageFile is not packed.
var errNotSHA256 = errors.New("is not a SHA-256 in lowercase hex")
