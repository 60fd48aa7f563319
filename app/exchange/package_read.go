package exchange

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"filippo.io/age"

	"bollard/storage/disk"
)

// The first bytes of the files a package can be.
const (
	ageMagic      = "age-encryption.org/v1\n"
	ageArmorMagic = "-----BEGIN AGE ENCRYPTED FILE-----"
	zipMagic      = "PK\x03\x04"
	zipEmptyMagic = "PK\x05\x06"
)

// OpenPackage opens the package file at path and checks it whole before
// returning anything: it decrypts it when it is encrypted, checks that
// every entry is where it belongs and named once, that the manifest is
// signed by the key it names, that the manifest lists exactly the parts the
// package holds, and that every part has the hash and size the manifest
// gives, reading no part past its declared size or past the ratio a zip
// bomb would need. The attachment files are extracted to a folder of their
// own in opt.TempDir, which Close removes; on any failure nothing is left
// there.
//
// A refused package's error wraps ErrRefused; an encrypted one that the
// options cannot open, ErrNeedsKey or ErrWrongKey. Each says in one line
// what is wrong.
func OpenPackage(path string, opt OpenOptions) (*OpenedPackage, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, disk.InUse(path, fmt.Errorf("open the package: %w", err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("open the package: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("open the package: %s is not a file", path)
	}
	// The file's own hash, as the officer's sha256sum would give it, is
	// what the audit trail names the package by.
	sum := sha256.New()
	if _, err := io.Copy(sum, io.NewSectionReader(f, 0, st.Size())); err != nil {
		return nil, fmt.Errorf("open the package: %w", err)
	}
	p, err := openPackage(f, st.Size(), opt)
	if err != nil {
		return nil, err
	}
	p.SHA256 = hex.EncodeToString(sum.Sum(nil))
	return p, nil
}

// PackageEncryption says how the package file at path is encrypted, without
// opening it: the window asks for a passphrase only when one is needed.
func PackageEncryption(path string) (Sealing, error) {
	f, err := os.Open(path)
	if err != nil {
		return NotEncrypted, disk.InUse(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return NotEncrypted, err
	}
	kind, err := sniff(f, st.Size())
	if err != nil || kind != ageMagic {
		return NotEncrypted, err
	}
	return sealing(f, st.Size())
}

// openPackage is OpenPackage on any file's bytes.
func openPackage(src io.ReaderAt, size int64, opt OpenOptions) (*OpenedPackage, error) {
	kind, err := sniff(src, size)
	if err != nil {
		return nil, err
	}
	encrypted := kind == ageMagic
	if encrypted {
		if src, size, err = decrypt(src, size, opt); err != nil {
			return nil, err
		}
	}
	// archive/zip reads the whole table of entries into memory, as many as
	// the file holds: a file of nothing but entries would fill memory
	// before they could be counted. What it may read is bounded instead.
	toc := &tocBudget{r: src, left: maxDirectory}
	zr, err := zip.NewReader(toc, size)
	switch {
	case errors.Is(err, errTOCTooLarge):
		return nil, refused("the package's table of entries is larger than any package's (more than %d entries)", maxEntries)
	case err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil):
		return nil, refused("the file is damaged or truncated (%v)", err)
	}
	toc.done = true
	p := &packageReader{zip: zr, size: size}
	if err := p.checkEntries(); err != nil {
		return nil, err
	}
	m, err := p.readManifest()
	if err != nil {
		return nil, err
	}
	content, err := p.readContent(m)
	if err != nil {
		return nil, err
	}
	files, dir, err := p.extractFiles(m, opt.TempDir, opt.Seal)
	if err != nil {
		return nil, err
	}
	closed := false
	return &OpenedPackage{
		Manifest:  m,
		Content:   content,
		Encrypted: encrypted,
		File: func(sum string) (io.ReadCloser, error) {
			path, ok := files[sum]
			if !ok || closed {
				return nil, fmt.Errorf("the package holds no attachment file %s", clip(sum))
			}
			return openExtracted(path, opt.Seal)
		},
		Close: func() error {
			if closed || dir == "" {
				closed = true
				return nil
			}
			closed = true
			return disk.RemoveFolder(dir)
		},
	}, nil
}

// sniff tells a package's kind by its first bytes: zipMagic or ageMagic.
func sniff(src io.ReaderAt, size int64) (string, error) {
	if size == 0 {
		return "", refused("the file is empty")
	}
	head := make([]byte, len(ageArmorMagic))
	n, err := src.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("open the package: %w", err)
	}
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte(ageMagic)):
		return ageMagic, nil
	case bytes.HasPrefix(head, []byte(zipMagic)), bytes.HasPrefix(head, []byte(zipEmptyMagic)):
		return zipMagic, nil
	case bytes.HasPrefix(head, []byte(ageArmorMagic)):
		return "", refused("the file is age-encrypted as text (armored); Bollard packages are binary: remove the armor with `age -d` first")
	case len(head) < len(ageMagic) && (bytes.HasPrefix([]byte(zipMagic), head) || bytes.HasPrefix([]byte(ageMagic), head)):
		return "", refused("the file is truncated")
	}
	return "", refused("this is not a Bollard case package (neither a zip nor age-encrypted)")
}

// decrypt opens an age-encrypted package with the keys or passphrase given,
// returning its plaintext to read at will: age authenticates each 64 KB
// chunk as it is read and the size up front, so a tampered or truncated
// file fails where it was changed.
func decrypt(src io.ReaderAt, size int64, opt OpenOptions) (io.ReaderAt, int64, error) {
	ids, err := parseIdentities(opt)
	if err != nil {
		return nil, 0, err
	}
	if len(ids) == 0 {
		s, err := sealing(src, size)
		if err != nil {
			return nil, 0, err
		}
		return nil, 0, needsKey(s)
	}
	plain, plainSize, err := age.DecryptReaderAt(src, size, ids...)
	var noMatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &noMatch):
		passphrase := slices.Contains(noMatch.StanzaTypes, "scrypt")
		switch {
		case passphrase && opt.Passphrase == "":
			return nil, 0, needsKey(EncryptedToPassphrase)
		case passphrase:
			return nil, 0, fmt.Errorf("%w: the passphrase is wrong", ErrWrongKey)
		case len(opt.Identities) == 0:
			return nil, 0, needsKey(EncryptedToRecipients)
		}
		return nil, 0, fmt.Errorf("%w: it was encrypted for other recipients, and this workspace's key is not among them", ErrWrongKey)
	case err != nil:
		return nil, 0, refused("the encrypted file is damaged or truncated (%v)", err)
	}
	return plain, plainSize, nil
}

// needsKey says what an encrypted package needs to be opened.
func needsKey(s Sealing) error {
	if s == EncryptedToPassphrase {
		return fmt.Errorf("%w with a passphrase: give the passphrase to open it", ErrNeedsKey)
	}
	return fmt.Errorf("%w to recipients' keys: open it in a workspace it was encrypted for", ErrNeedsKey)
}

// sealing reads an age header to tell a passphrase from recipients' keys.
func sealing(src io.ReaderAt, size int64) (Sealing, error) {
	_, _, err := age.DecryptReaderAt(src, size, probe{})
	var noMatch *age.NoIdentityMatchError
	if !errors.As(err, &noMatch) {
		return NotEncrypted, refused("the encrypted file is damaged or truncated (%v)", err)
	}
	if slices.Contains(noMatch.StanzaTypes, "scrypt") {
		return EncryptedToPassphrase, nil
	}
	return EncryptedToRecipients, nil
}

// probe is an age identity that opens nothing: decrypting with it reads
// the header and reports the kinds of its recipients.
type probe struct{}

func (probe) Unwrap([]*age.Stanza) ([]byte, error) { return nil, age.ErrIncorrectIdentity }

// packageReader reads the parts of a package's zip, each checked.
type packageReader struct {
	zip     *zip.Reader
	size    int64                // the zip's size (decrypted)
	entries map[string]*zip.File // by name, each name once
}

// checkEntries checks the zip's table of entries: not too many, each where
// it belongs, none twice.
func (p *packageReader) checkEntries() error {
	if n := len(p.zip.File); n > maxEntries {
		return refused("the package holds %d entries, more than the %d a package may hold", n, maxEntries)
	}
	p.entries = make(map[string]*zip.File, len(p.zip.File))
	for _, f := range p.zip.File {
		if err := checkEntryName(f.Name); err != nil {
			return err
		}
		if p.entries[f.Name] != nil {
			return refused("the package holds %s twice", f.Name)
		}
		p.entries[f.Name] = f
	}
	for _, name := range []string{ManifestPath, SignaturePath} {
		if p.entries[name] == nil {
			return refused("the package has no %s: it is not a Bollard case package, or it was damaged", name)
		}
	}
	return nil
}

// readManifest reads the manifest and its signature, checks the one
// against the other, and checks what the manifest declares against what the
// package holds.
func (p *packageReader) readManifest() (Manifest, error) {
	manifestBytes, err := p.readSmall(ManifestPath, maxManifest)
	if err != nil {
		return Manifest{}, err
	}
	sig, err := p.readSmall(SignaturePath, maxSignature)
	if err != nil {
		return Manifest{}, err
	}
	m, err := decodeManifest(manifestBytes)
	if err != nil {
		return m, err
	}
	if err := verifyManifest(m.Signer.PublicKey, manifestBytes, sig); err != nil {
		return m, err
	}
	if err := checkManifest(m); err != nil {
		return m, err
	}
	listed := make(map[string]bool, len(m.Parts))
	var total int64
	for _, part := range m.Parts {
		if p.entries[part.Path] == nil {
			return m, refused("the manifest lists %s, which the package does not hold", part.Path)
		}
		listed[part.Path] = true
		total += part.Size
	}
	for name := range p.entries {
		if name != ManifestPath && name != SignaturePath && !listed[name] {
			return m, refused("the package holds %s, which the manifest does not list", name)
		}
	}
	// No part unpacks to more than maxRatio times what it takes (plus a
	// little), so neither can all of them: a package declaring more is
	// refused before anything is unpacked.
	if total > maxRatio*p.size+ratioSlack*int64(len(m.Parts)) {
		return m, refused("the manifest declares %s in a package of %s: more than any real package unpacks to", sizeText(total), sizeText(p.size))
	}
	return m, nil
}

// readSmall reads a part that no manifest lists (the manifest, its
// signature), up to limit bytes.
func (p *packageReader) readSmall(name string, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := p.copyPart(&buf, p.entries[name], limit)
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, refused("%s is larger than %s", name, sizeText(limit))
	}
	return buf.Bytes(), nil
}

// readContent reads content.json into memory and checks it.
func (p *packageReader) readContent(m Manifest) ([]byte, error) {
	for _, part := range m.Parts {
		if part.Path == ContentPath {
			var buf bytes.Buffer
			if err := p.readPart(&buf, part); err != nil {
				return nil, err
			}
			return buf.Bytes(), nil
		}
	}
	return nil, refused("the manifest lists no %s", ContentPath) // checkManifest made sure it does
}

// extractFiles writes every attachment file to a new folder in tempDir,
// checking each, sealed with seal when there is one; on failure it removes
// the folder and all in it.
func (p *packageReader) extractFiles(m Manifest, tempDir string, seal TempSealer) (files map[string]string, dir string, err error) {
	files = make(map[string]string)
	for _, part := range m.Parts {
		if part.Path == ContentPath {
			continue
		}
		if dir == "" {
			if dir, err = os.MkdirTemp(tempDir, "bollard-package-*"); err != nil {
				return nil, "", fmt.Errorf("open the package: make a folder for its files: %w", err)
			}
			made := dir
			defer func() {
				if err != nil {
					disk.RemoveFolder(made)
				}
			}()
		}
		// The name is the hash, which checkManifest made sure is 64 hex
		// digits: it cannot name anything outside dir.
		path := filepath.Join(dir, part.SHA256)
		if err = p.extract(path, part, seal); err != nil {
			return nil, "", err
		}
		files[part.SHA256] = path
	}
	return files, dir, nil
}

// extract writes one attachment file, checked, to path, sealed with seal
// when there is one.
func (p *packageReader) extract(path string, part ManifestPart, seal TempSealer) error {
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("open the package: extract %s: %w", part.Path, err)
	}
	var w io.Writer = out
	buf := bufio.NewWriterSize(out, 1<<20)
	var sealed io.WriteCloser
	if seal != nil {
		if sealed, err = seal.Seal(buf); err != nil {
			out.Close()
			return fmt.Errorf("open the package: extract %s: %w", part.Path, err)
		}
		w = sealed
	}
	if err := p.readPart(w, part); err != nil {
		out.Close()
		return err
	}
	if sealed != nil {
		err = sealed.Close()
		if err == nil {
			err = buf.Flush()
		}
		if err != nil {
			out.Close()
			return fmt.Errorf("open the package: extract %s: %w", part.Path, err)
		}
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("open the package: extract %s: %w", part.Path, err)
	}
	return nil
}

// readPart copies a part the manifest lists to w, checking it has exactly
// the size and SHA-256 the manifest gives.
func (p *packageReader) readPart(w io.Writer, part ManifestPart) error {
	h := sha256.New()
	n, err := p.copyPart(io.MultiWriter(w, h), p.entries[part.Path], part.Size)
	if err != nil {
		return err
	}
	switch {
	case n > part.Size:
		return refused("%s unpacks to more than the %s the manifest gives", part.Path, sizeText(part.Size))
	case n < part.Size:
		return refused("%s is %s, not the %s the manifest gives", part.Path, sizeText(n), sizeText(part.Size))
	case hex.EncodeToString(h.Sum(nil)) != part.SHA256:
		return refused("%s does not match its SHA-256 in the manifest: it was changed or damaged on the way", part.Path)
	}
	return nil
}

// copyPart unpacks an entry to w, never trusting the sizes in the zip's
// headers: it stops as soon as the entry unpacks to more than limit bytes
// (returning limit+1) or to more than maxRatio times what it has taken of
// the package.
func (p *packageReader) copyPart(w io.Writer, f *zip.File, limit int64) (int64, error) {
	if f.Flags&0x1 != 0 {
		return 0, refused("%s is encrypted in the zip's own way, which Bollard never writes", f.Name)
	}
	raw, err := f.OpenRaw()
	if err != nil {
		return 0, refused("%s is damaged (%v)", f.Name, err)
	}
	packed := &countingReader{r: raw}
	var unpacked io.Reader
	switch f.Method {
	case zip.Store:
		unpacked = packed
	case zip.Deflate:
		fr := flate.NewReader(packed)
		defer fr.Close()
		unpacked = fr
	default:
		return 0, refused("%s is compressed with method %d, which Bollard never writes", f.Name, f.Method)
	}
	buf := make([]byte, 64<<10)
	var n int64
	for {
		m, err := unpacked.Read(buf)
		if m > 0 {
			n += int64(m)
			if n > limit {
				return n, nil
			}
			if n > maxRatio*packed.n+ratioSlack {
				return n, refused("%s unpacks to more than %d times its size in the package: a zip bomb", f.Name, maxRatio)
			}
			if _, werr := w.Write(buf[:m]); werr != nil {
				return n, fmt.Errorf("open the package: %s: %w", f.Name, werr)
			}
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, refused("%s is damaged or truncated (%v)", f.Name, err)
		}
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}

// tocBudget is the package's bytes as archive/zip reads its table of
// entries: after maxDirectory bytes it says errTOCTooLarge, until done.
type tocBudget struct {
	r    io.ReaderAt
	left int64
	done bool
}

var errTOCTooLarge = errors.New("the table of entries is too large")

func (t *tocBudget) ReadAt(b []byte, off int64) (int, error) {
	if !t.done {
		if t.left -= int64(len(b)); t.left < 0 {
			return 0, errTOCTooLarge
		}
	}
	return t.r.ReadAt(b, off)
}

// openExtracted opens a file extractFiles wrote, through seal when there is
// one.
func openExtracted(path string, seal TempSealer) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil || seal == nil {
		return f, err
	}
	r, err := seal.Open(bufio.NewReaderSize(f, 64<<10))
	if err != nil {
		f.Close()
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{r, f}, nil
}
