package exchange_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"bollard/app/exchange"
)

// pkgSigner is a signer with a new key.
func pkgSigner(t testing.TB) exchange.Signer {
	t.Helper()
	_, key, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return exchange.Signer{Name: "Insp. Lotte Peeters", Agency: "Belgian Customs", Workspace: "ws-antwerp", Key: key}
}

// pkgFile is an attachment file on disk, to pack.
func pkgFile(t testing.TB, data []byte) exchange.PackageFile {
	t.Helper()
	sum := sha256.Sum256(data)
	path := filepath.Join(t.TempDir(), hex.EncodeToString(sum[:]))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return exchange.PackageFile{SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)),
		Open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// pkgParts is a small package's parts: some JSON, a photo-like file of
// noise, a text file, and an empty file.
func pkgParts(t testing.TB) exchange.PackageParts {
	t.Helper()
	noise := make([]byte, 300<<10)
	for i := range noise {
		noise[i] = byte(i*7919 ^ i>>8*31)
	}
	return exchange.PackageParts{
		Content:   []byte(`{"format":"bollard-cases","version":1,"cases":[{"ref":"BEA-2026-0001","title":"Cocaine in bananas"}]}` + "\n"),
		CreatedAt: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC),
		Files: []exchange.PackageFile{
			pkgFile(t, noise),
			pkgFile(t, []byte(strings.Repeat("Bill of lading MSCU1234565, 40 reefer\n", 1000))),
			pkgFile(t, nil),
		},
	}
}

// pkgWrite writes a package to a file and returns its path.
func pkgWrite(t testing.TB, parts exchange.PackageParts, by exchange.Signer, enc exchange.Encryption) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "case.bollard")
	if err := exchange.CreatePackage(path, parts, by, enc); err != nil {
		t.Fatalf("write package: %v", err)
	}
	return path
}

// pkgIdentity is a new age identity: its secret and public keys.
func pkgIdentity(t testing.TB) (string, string) {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id.String(), id.Recipient().String()
}

// pkgOpen opens a package, extracting into a temporary folder it returns.
func pkgOpen(t testing.TB, path string, opt exchange.OpenOptions) (*exchange.OpenedPackage, string, error) {
	t.Helper()
	if opt.TempDir == "" {
		opt.TempDir = t.TempDir()
	}
	p, err := exchange.OpenPackage(path, opt)
	if p != nil {
		t.Cleanup(func() { p.Close() })
	}
	return p, opt.TempDir, err
}

// pkgCheckSame checks that an opened package holds exactly the parts written.
func pkgCheckSame(t *testing.T, p *exchange.OpenedPackage, parts exchange.PackageParts, by exchange.Signer) {
	t.Helper()
	if !bytes.Equal(p.Content, parts.Content) {
		t.Errorf("content: got %q, want %q", p.Content, parts.Content)
	}
	m := p.Manifest
	if m.Format != exchange.PackageFormat || m.Version != exchange.PackageFormatVersion || !m.CreatedAt.Equal(parts.CreatedAt) {
		t.Errorf("manifest: %+v", m)
	}
	wantKey := by.Key.Public().(ed25519.PublicKey)
	if m.Signer.Name != by.Name || m.Signer.Agency != by.Agency || m.Signer.Workspace != by.Workspace || m.Signer.PublicKey != b64(wantKey) {
		t.Errorf("signer: %+v", m.Signer)
	}
	if len(m.Parts) != 1+len(parts.Files) {
		t.Errorf("manifest lists %d parts, want %d", len(m.Parts), 1+len(parts.Files))
	}
	for _, f := range parts.Files {
		file, err := p.File(f.SHA256)
		if err != nil {
			t.Fatalf("file %s: %v", f.SHA256, err)
		}
		got, err := io.ReadAll(file)
		file.Close()
		if err != nil {
			t.Fatal(err)
		}
		r, _ := f.Open()
		want, _ := io.ReadAll(r)
		r.Close()
		sum := sha256.Sum256(got)
		if !bytes.Equal(got, want) || hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Errorf("file %s differs after the round trip", f.SHA256)
		}
	}
	if _, err := p.File(strings.Repeat("0", 64)); err == nil {
		t.Error("a file not in the package was found")
	}
}

// pkgCheckEmpty checks that nothing is left in dir.
func pkgCheckEmpty(t *testing.T, dir string) {
	t.Helper()
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("%d things left in the temporary folder, want none: %s", len(left), left[0].Name())
	}
}

func TestPackageRoundTrip(t *testing.T) {
	by := pkgSigner(t)
	parts := pkgParts(t)
	path := pkgWrite(t, parts, by, exchange.Encryption{})
	if s, err := exchange.PackageEncryption(path); err != nil || s != exchange.NotEncrypted {
		t.Errorf("PackageEncryption = %v, %v; want not encrypted", s, err)
	}
	p, dir, err := pkgOpen(t, path, exchange.OpenOptions{})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if p.Encrypted {
		t.Error("a plain package says it was encrypted")
	}
	pkgCheckSame(t, p, parts, by)
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	pkgCheckEmpty(t, dir)
	if err := p.Close(); err != nil {
		t.Errorf("closing twice: %v", err)
	}
	if _, err := p.File(parts.Files[0].SHA256); err == nil {
		t.Error("a file is still found after Close")
	}

	t.Run("same package twice is the same bytes", func(t *testing.T) {
		again := pkgWrite(t, parts, by, exchange.Encryption{})
		a, _ := os.ReadFile(path)
		b, _ := os.ReadFile(again)
		if !bytes.Equal(a, b) {
			t.Error("writing the same parts twice gave different packages")
		}
	})
	t.Run("a file listed twice is packed once", func(t *testing.T) {
		twice := parts
		twice.Files = append(append([]exchange.PackageFile(nil), parts.Files...), parts.Files[0])
		p, _, err := pkgOpen(t, pkgWrite(t, twice, by, exchange.Encryption{}), exchange.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		pkgCheckSame(t, p, parts, by)
	})
	t.Run("no files", func(t *testing.T) {
		bare := exchange.PackageParts{Content: []byte(`{}`), CreatedAt: parts.CreatedAt}
		p, dir, err := pkgOpen(t, pkgWrite(t, bare, by, exchange.Encryption{}), exchange.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		pkgCheckSame(t, p, bare, by)
		pkgCheckEmpty(t, dir)
	})
	t.Run("highly compressible content", func(t *testing.T) {
		blank := exchange.PackageParts{Content: bytes.Repeat([]byte(" "), 8<<20), CreatedAt: parts.CreatedAt,
			Files: []exchange.PackageFile{pkgFile(t, make([]byte, 3<<20))}}
		p, _, err := pkgOpen(t, pkgWrite(t, blank, by, exchange.Encryption{}), exchange.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		pkgCheckSame(t, p, blank, by)
	})
}

func TestPackageToRecipients(t *testing.T) {
	by := pkgSigner(t)
	parts := pkgParts(t)
	secretA, publicA := pkgIdentity(t)
	secretB, publicB := pkgIdentity(t)
	secretC, _ := pkgIdentity(t)
	path := pkgWrite(t, parts, by, exchange.Encryption{Recipients: []string{publicA, publicB}})
	if s, err := exchange.PackageEncryption(path); err != nil || s != exchange.EncryptedToRecipients {
		t.Errorf("PackageEncryption = %v, %v; want encrypted to recipients", s, err)
	}
	for name, secret := range map[string]string{"first recipient": secretA, "second recipient": secretB} {
		t.Run(name, func(t *testing.T) {
			// A workspace tries its own key; a stray extra key does no harm.
			p, _, err := pkgOpen(t, path, exchange.OpenOptions{Identities: []string{secretC, secret}})
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			if !p.Encrypted {
				t.Error("an encrypted package says it was not")
			}
			pkgCheckSame(t, p, parts, by)
		})
	}
	t.Run("another workspace", func(t *testing.T) {
		_, dir, err := pkgOpen(t, path, exchange.OpenOptions{Identities: []string{secretC}})
		if !errors.Is(err, exchange.ErrWrongKey) || !strings.Contains(err.Error(), "key is not among them") {
			t.Errorf("open with another key: %v, want ErrWrongKey", err)
		}
		pkgCheckEmpty(t, dir)
	})
	t.Run("no key", func(t *testing.T) {
		_, _, err := pkgOpen(t, path, exchange.OpenOptions{})
		if !errors.Is(err, exchange.ErrNeedsKey) || !strings.Contains(err.Error(), "recipients' keys") {
			t.Errorf("open with no key: %v, want ErrNeedsKey naming recipients", err)
		}
	})
	t.Run("a passphrase instead of a key", func(t *testing.T) {
		_, _, err := pkgOpen(t, path, exchange.OpenOptions{Passphrase: "not the right thing"})
		if !errors.Is(err, exchange.ErrNeedsKey) || !strings.Contains(err.Error(), "recipients' keys") {
			t.Errorf("open with a passphrase: %v, want ErrNeedsKey naming recipients", err)
		}
	})
	t.Run("not a key", func(t *testing.T) {
		_, _, err := pkgOpen(t, path, exchange.OpenOptions{Identities: []string{"AGE-SECRET-KEY-1NOTAKEY"}})
		if err == nil || errors.Is(err, exchange.ErrRefused) {
			t.Errorf("open with a malformed key: %v", err)
		}
	})
	t.Run("a recipient that is not a key", func(t *testing.T) {
		err := exchange.WritePackage(io.Discard, parts, by, exchange.Encryption{Recipients: []string{publicA, "age1nope"}})
		if err == nil || !strings.Contains(err.Error(), "age1nope") {
			t.Errorf("write to a bad recipient: %v", err)
		}
	})
}

func TestPackageToPassphrase(t *testing.T) {
	by := pkgSigner(t)
	parts := pkgParts(t)
	const passphrase = "correct horse battery staple"
	path := pkgWrite(t, parts, by, exchange.Encryption{Passphrase: passphrase})
	if s, err := exchange.PackageEncryption(path); err != nil || s != exchange.EncryptedToPassphrase {
		t.Errorf("PackageEncryption = %v, %v; want encrypted with a passphrase", s, err)
	}
	secret, _ := pkgIdentity(t)

	t.Run("right passphrase", func(t *testing.T) {
		p, _, err := pkgOpen(t, path, exchange.OpenOptions{Passphrase: passphrase, Identities: []string{secret}})
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		pkgCheckSame(t, p, parts, by)
	})
	t.Run("wrong passphrase", func(t *testing.T) {
		_, dir, err := pkgOpen(t, path, exchange.OpenOptions{Passphrase: "correct horse battery stapler"})
		if !errors.Is(err, exchange.ErrWrongKey) || !strings.Contains(err.Error(), "passphrase is wrong") {
			t.Errorf("open with the wrong passphrase: %v, want ErrWrongKey", err)
		}
		pkgCheckEmpty(t, dir)
	})
	t.Run("no passphrase", func(t *testing.T) {
		_, _, err := pkgOpen(t, path, exchange.OpenOptions{Identities: []string{secret}})
		if !errors.Is(err, exchange.ErrNeedsKey) || !strings.Contains(err.Error(), "passphrase") {
			t.Errorf("open with a key only: %v, want ErrNeedsKey naming the passphrase", err)
		}
	})
	t.Run("too short", func(t *testing.T) {
		err := exchange.WritePackage(io.Discard, parts, by, exchange.Encryption{Passphrase: "secret"})
		if err == nil || !strings.Contains(err.Error(), "too short") {
			t.Errorf("write with a short passphrase: %v", err)
		}
	})
	t.Run("both a passphrase and recipients", func(t *testing.T) {
		_, public := pkgIdentity(t)
		err := exchange.WritePackage(io.Discard, parts, by, exchange.Encryption{Passphrase: passphrase, Recipients: []string{public}})
		if err == nil || !strings.Contains(err.Error(), "not both") {
			t.Errorf("write to both: %v", err)
		}
	})
}

func TestPackageWriteRefusesDamagedFile(t *testing.T) {
	by := pkgSigner(t)
	parts := pkgParts(t)
	good := parts.Files[0]
	for name, bad := range map[string]exchange.PackageFile{
		"bytes differ": {SHA256: good.SHA256, Size: good.Size, Open: func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(make([]byte, good.Size))), nil
		}},
		"shorter":         {SHA256: good.SHA256, Size: good.Size + 1, Open: good.Open},
		"longer":          {SHA256: good.SHA256, Size: good.Size - 1, Open: good.Open},
		"hash not hex":    {SHA256: strings.ToUpper(good.SHA256), Size: good.Size, Open: good.Open},
		"cannot be read":  {SHA256: good.SHA256, Size: good.Size, Open: func() (io.ReadCloser, error) { return nil, os.ErrNotExist }},
		"nothing to read": {SHA256: good.SHA256, Size: good.Size},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			broken := parts
			broken.Files = []exchange.PackageFile{parts.Files[1], bad}
			err := exchange.CreatePackage(filepath.Join(dir, "case.bollard"), broken, by, exchange.Encryption{})
			if err == nil {
				t.Fatal("a damaged attachment file was packed")
			}
			pkgCheckEmpty(t, dir)
		})
	}
	t.Run("no signing key", func(t *testing.T) {
		err := exchange.WritePackage(io.Discard, parts, exchange.Signer{Name: "X"}, exchange.Encryption{})
		if err == nil {
			t.Error("a package was written without a key")
		}
	})
}

func TestRecipientFile(t *testing.T) {
	_, public := pkgIdentity(t)
	_, other := pkgIdentity(t)
	path := filepath.Join(t.TempDir(), "antwerp.age.txt")
	if err := exchange.WriteRecipientFile(path, public, "Insp. Lotte Peeters, Belgian Customs"); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err == nil && runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("the key file's mode is %v, want 0600 like every file Bollard writes", info.Mode().Perm())
	}
	keys, err := exchange.ReadRecipientFile(path)
	if err != nil || len(keys) != 1 || keys[0] != public {
		t.Errorf("read back %v, %v; want [%s]", keys, err, public)
	}
	keys, err = exchange.ReadRecipients(strings.NewReader("\uFEFF# two keys\r\n" + public + "\r\n\r\n  " + other + "  \n"))
	if err != nil || len(keys) != 2 || keys[1] != other {
		t.Errorf("two keys: %v, %v", keys, err)
	}
	for name, text := range map[string]string{
		"empty":      "",
		"comment":    "# nobody\n",
		"secret key": "AGE-SECRET-KEY-1QQQQ\n",
		"garbage":    public + "\nage1garbage\n",
	} {
		if _, err := exchange.ReadRecipients(strings.NewReader(text)); err == nil {
			t.Errorf("%s: read as a key file", name)
		}
	}
}
