package exchange

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"filippo.io/age"

	"bollard/storage/disk"
)

// scryptWorkFactor is the scrypt cost (log2 N) a passphrase is stretched
// with: age's own default, about a second on a laptop. Tests lower it.
var scryptWorkFactor = 18

// CreatePackage writes a package to the file at path, whole or not at all:
// it is written beside path under a temporary name, flushed to disk and
// renamed into place only when complete, so that a failure (a damaged
// attachment, a full disk) never leaves half a package where a package
// is expected.
func CreatePackage(path string, parts PackageParts, by Signer, enc Encryption) (err error) {
	// Readable by the officer only, from its first byte: a package sent in
	// the clear (--plain) holds the case as it is, and even an encrypted one
	// says who sent it.
	f, err := disk.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.partial")
	if err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	buf := bufio.NewWriterSize(f, 1<<20)
	if err = WritePackage(buf, parts, by, enc); err != nil {
		return err
	}
	if err = buf.Flush(); err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	if err = disk.Replace(f.Name(), path); disk.IsInUse(err) {
		return err // names the file and says what to do
	} else if err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	return nil
}

// WritePackage writes a signed package to out: a zip of manifest.json,
// manifest.sig, content.json and files/<sha256>, encrypted with age when
// enc says so. Every attachment is hashed as it is copied, and a file whose
// bytes do not match its SHA-256 and size stops the writing with an error:
// what was written to out by then is not a package (CreatePackage removes it).
func WritePackage(out io.Writer, parts PackageParts, by Signer, enc Encryption) error {
	files, err := packFiles(parts.Files)
	if err != nil {
		return err
	}
	manifest, err := newManifest(parts, files, by)
	if err != nil {
		return err
	}
	manifestBytes, err := json.MarshalIndent(manifest, "", "  ")
	if err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	manifestBytes = append(manifestBytes, '\n')
	if len(manifestBytes) > maxManifest {
		return fmt.Errorf("write the package: the manifest would be %s, more than a package may hold", sizeText(int64(len(manifestBytes))))
	}

	dst := out
	var sealed io.WriteCloser
	if !enc.IsZero() {
		if sealed, err = encryptTo(out, enc); err != nil {
			return err
		}
		dst = sealed
	}
	zw := zip.NewWriter(dst)
	at := manifest.CreatedAt
	if err := writeCompressed(zw, ManifestPath, manifestBytes, at); err != nil {
		return err
	}
	if err := writeCompressed(zw, SignaturePath, signManifest(by.Key, manifestBytes), at); err != nil {
		return err
	}
	if err := writeCompressed(zw, ContentPath, parts.Content, at); err != nil {
		return err
	}
	for _, f := range files {
		if err := writeFile(zw, f, at); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	if sealed != nil {
		if err := sealed.Close(); err != nil {
			return fmt.Errorf("write the package: encrypt: %w", err)
		}
	}
	return nil
}

// packFiles checks the files to pack and returns them once each, by hash.
func packFiles(in []PackageFile) ([]PackageFile, error) {
	byHash := make(map[string]PackageFile, len(in))
	for _, f := range in {
		if !isSHA256(f.SHA256) {
			return nil, fmt.Errorf("write the package: attachment file %q %w", clip(f.SHA256), errNotSHA256)
		}
		if f.Size < 0 || f.Size > maxFile {
			return nil, fmt.Errorf("write the package: attachment file %s is %s; a package carries files of at most %s", f.SHA256, sizeText(f.Size), sizeText(maxFile))
		}
		if f.Open == nil {
			return nil, fmt.Errorf("write the package: attachment file %s has nothing to read it from", f.SHA256)
		}
		if seen, ok := byHash[f.SHA256]; ok && seen.Size != f.Size {
			return nil, fmt.Errorf("write the package: attachment file %s is listed twice with different sizes", f.SHA256)
		}
		byHash[f.SHA256] = f
	}
	if len(byHash)+3 > maxEntries {
		return nil, fmt.Errorf("write the package: %d attachment files are more than a package may hold (%d)", len(byHash), maxEntries-3)
	}
	files := make([]PackageFile, 0, len(byHash))
	for _, f := range byHash {
		files = append(files, f)
	}
	slices.SortFunc(files, func(a, b PackageFile) int { return strings.Compare(a.SHA256, b.SHA256) })
	return files, nil
}

// newManifest is the manifest of what is about to be written.
func newManifest(parts PackageParts, files []PackageFile, by Signer) (Manifest, error) {
	if len(by.Key) != ed25519.PrivateKeySize {
		return Manifest{}, errors.New("write the package: the workspace's signing key is missing or damaged")
	}
	if strings.TrimSpace(by.Name) == "" {
		return Manifest{}, errors.New("write the package: the signer has no name (set the officer profile)")
	}
	if len(parts.Content) > maxContent {
		return Manifest{}, fmt.Errorf("write the package: the cases come to %s of JSON, more than a package carries (%s); export fewer cases at once",
			sizeText(int64(len(parts.Content))), sizeText(maxContent))
	}
	at := parts.CreatedAt
	if at.IsZero() {
		at = time.Now()
	}
	sum := sha256.Sum256(parts.Content)
	m := Manifest{
		Format:    PackageFormat,
		Version:   PackageFormatVersion,
		CreatedAt: at.UTC().Truncate(time.Second),
		Signer: ManifestSigner{
			Name:         by.Name,
			Agency:       by.Agency,
			Workspace:    by.Workspace,
			PublicKey:    base64.StdEncoding.EncodeToString(by.Key.Public().(ed25519.PublicKey)),
			AgeRecipient: by.AgeRecipient,
		},
		Parts: []ManifestPart{{Path: ContentPath, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(parts.Content))}},
	}
	total := int64(len(parts.Content))
	for _, f := range files {
		m.Parts = append(m.Parts, ManifestPart{Path: FilesDir + f.SHA256, SHA256: f.SHA256, Size: f.Size})
		total += f.Size
	}
	if total > maxTotal {
		return Manifest{}, fmt.Errorf("write the package: the cases and their files come to %s, more than a package carries (%s); export fewer cases at once",
			sizeText(total), sizeText(maxTotal))
	}
	return m, nil
}

// encryptTo wraps out in age encryption to the recipients or passphrase.
func encryptTo(out io.Writer, enc Encryption) (io.WriteCloser, error) {
	var recipients []age.Recipient
	switch {
	case len(enc.Recipients) > 0 && enc.Passphrase != "":
		return nil, errors.New("write the package: a package is encrypted either to recipients or to a passphrase, not both")
	case enc.Passphrase != "":
		if len([]rune(enc.Passphrase)) < MinPassphraseLength {
			return nil, fmt.Errorf("write the package: the passphrase is too short: use at least %d characters", MinPassphraseLength)
		}
		r, err := age.NewScryptRecipient(enc.Passphrase)
		if err != nil {
			return nil, fmt.Errorf("write the package: %w", err)
		}
		r.SetWorkFactor(scryptWorkFactor)
		recipients = append(recipients, r)
	default:
		for _, s := range enc.Recipients {
			r, err := ParseRecipient(s)
			if err != nil {
				return nil, fmt.Errorf("write the package: %w", err)
			}
			recipients = append(recipients, r)
		}
	}
	w, err := age.Encrypt(out, recipients...)
	if err != nil {
		return nil, fmt.Errorf("write the package: encrypt: %w", err)
	}
	return w, nil
}

// writeCompressed writes a part held in memory, deflated, or stored as it
// is when deflating would take it past the ratio a reader accepts.
func writeCompressed(zw *zip.Writer, name string, data []byte, at time.Time) error {
	var packed bytes.Buffer
	fw, err := flate.NewWriter(&packed, flate.DefaultCompression)
	if err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	if _, err := fw.Write(data); err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	if err := fw.Close(); err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: at,
		CRC32: crc32.ChecksumIEEE(data), CompressedSize64: uint64(packed.Len()), UncompressedSize64: uint64(len(data))}
	body := packed.Bytes()
	if int64(len(data)) > int64(packed.Len())*maxRatio/2+ratioSlack/2 {
		h.Method, h.CompressedSize64, body = zip.Store, uint64(len(data)), data
	}
	w, err := zw.CreateRaw(h)
	if err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	return nil
}

// writeFile copies an attachment file in, stored as it is (photos, PDFs
// and videos are compressed already, and storing keeps every file within
// the ratio a reader accepts), checking its bytes against its hash and size.
func writeFile(zw *zip.Writer, f PackageFile, at time.Time) error {
	r, err := f.Open()
	if err != nil {
		return fmt.Errorf("write the package: read attachment file %s: %w", f.SHA256, err)
	}
	defer r.Close()
	w, err := zw.CreateHeader(&zip.FileHeader{Name: FilesDir + f.SHA256, Method: zip.Store, Modified: at})
	if err != nil {
		return fmt.Errorf("write the package: %w", err)
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), io.LimitReader(r, f.Size+1))
	if err != nil {
		return fmt.Errorf("write the package: copy attachment file %s: %w", f.SHA256, err)
	}
	if n != f.Size || hex.EncodeToString(h.Sum(nil)) != f.SHA256 {
		return fmt.Errorf("write the package: attachment file %s does not match its hash or size: it is damaged here (run bollard verify)", f.SHA256)
	}
	return nil
}
