package exchange_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bollard/app/exchange"
)

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func sha(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// entry is one entry of a zip made by hand.
type entry struct {
	name string
	data []byte
	// deflate compresses the entry; lieSize, when set, is the unpacked
	// size the zip's headers claim.
	deflate bool
	lieSize uint64
}

// craft is a package made by hand, to be spoiled: its manifest, signed or
// not, and the entries beside it.
type craft struct {
	key      ed25519.PrivateKey
	manifest []byte // as stored; nil: made from parts
	sig      []byte // nil: signed with key
	noSig    bool
	parts    []exchange.ManifestPart
	entries  []entry
	// mutate changes the manifest before it is serialised and signed.
	mutate func(m map[string]any)
}

// goodCraft is a well-formed package with content and one file.
func goodCraft(t testing.TB) *craft {
	t.Helper()
	_, key, _ := ed25519.GenerateKey(nil)
	content := []byte(`{"cases":[]}`)
	file := []byte("a scanned customs declaration")
	return &craft{
		key: key,
		parts: []exchange.ManifestPart{
			{Path: "content.json", SHA256: sha(content), Size: int64(len(content))},
			{Path: "files/" + sha(file), SHA256: sha(file), Size: int64(len(file))},
		},
		entries: []entry{
			{name: "content.json", data: content, deflate: true},
			{name: "files/" + sha(file), data: file},
		},
	}
}

// manifestBytes is the manifest as the craft stores it.
func (c *craft) manifestBytes(t testing.TB) []byte {
	if c.manifest != nil {
		return c.manifest
	}
	m := map[string]any{
		"format":     "bollard-package",
		"version":    1,
		"created_at": "2026-03-14T09:30:00Z",
		"signer": map[string]any{"name": "Insp. Lotte Peeters", "agency": "Belgian Customs", "workspace": "ws",
			"public_key": b64(c.key.Public().(ed25519.PublicKey))},
		"parts": c.parts,
	}
	if c.mutate != nil {
		c.mutate(m)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// bytes is the package file.
func (c *craft) bytes(t testing.TB) []byte {
	t.Helper()
	manifest := c.manifestBytes(t)
	entries := []entry{{name: "manifest.json", data: manifest, deflate: true}}
	if !c.noSig {
		sig := c.sig
		if sig == nil {
			sig = []byte(b64(ed25519.Sign(c.key, append([]byte("bollard-package-manifest-v1\n"), manifest...))) + "\n")
		}
		entries = append(entries, entry{name: "manifest.sig", data: sig})
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range append(entries, c.entries...) {
		writeEntry(t, zw, e)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeEntry(t testing.TB, zw *zip.Writer, e entry) {
	t.Helper()
	body := e.data
	h := &zip.FileHeader{Name: e.name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(e.data),
		UncompressedSize64: uint64(len(e.data)), Modified: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)}
	if e.deflate {
		var packed bytes.Buffer
		fw, _ := flate.NewWriter(&packed, flate.BestCompression)
		fw.Write(e.data)
		fw.Close()
		body, h.Method = packed.Bytes(), zip.Deflate
	}
	h.CompressedSize64 = uint64(len(body))
	if e.lieSize != 0 {
		h.UncompressedSize64 = e.lieSize
	}
	w, err := zw.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	if len(body) > 0 {
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
}

// file writes the craft to a package file.
func (c *craft) file(t testing.TB) string {
	t.Helper()
	return writeBytes(t, c.bytes(t))
}

func writeBytes(t testing.TB, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bad.bollard")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// mustRefuse opens a package that must be refused whole with a message
// containing want, leaving nothing behind.
func mustRefuse(t *testing.T, path string, opt exchange.OpenOptions, want string) {
	t.Helper()
	dir := t.TempDir()
	opt.TempDir = dir
	p, err := exchange.OpenPackage(path, opt)
	if err == nil {
		p.Close()
		t.Fatalf("the package was opened; want it refused with %q", want)
	}
	if p != nil {
		t.Error("a refused package returned something")
	}
	if !errors.Is(err, exchange.ErrRefused) {
		t.Errorf("error %q does not wrap ErrRefused", err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q; want it to say %q", err, want)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error %q is more than one line", err)
	}
	pkgCheckEmpty(t, dir)
	mustRefuseImport(t, path, opt, want)
}

func TestPackageCraftIsGood(t *testing.T) {
	// The refusals below each spoil one thing of this package.
	p, _, err := pkgOpen(t, goodCraft(t).file(t), exchange.OpenOptions{})
	if err != nil {
		t.Fatalf("the hand-made package is refused: %v", err)
	}
	p.Close()
}

func TestPackageRefusesDamagedFiles(t *testing.T) {
	by := pkgSigner(t)
	parts := pkgParts(t)
	plain, _ := os.ReadFile(pkgWrite(t, parts, by, exchange.Encryption{}))
	secret, public := pkgIdentity(t)
	sealed, _ := os.ReadFile(pkgWrite(t, parts, by, exchange.Encryption{Recipients: []string{public}}))
	withKey := exchange.OpenOptions{Identities: []string{secret}}

	t.Run("empty file", func(t *testing.T) {
		mustRefuse(t, writeBytes(t, nil), exchange.OpenOptions{}, "empty")
	})
	t.Run("not a package", func(t *testing.T) {
		mustRefuse(t, writeBytes(t, []byte("%PDF-1.7\n...")), exchange.OpenOptions{}, "not a Bollard case package")
	})
	t.Run("a zip of something else", func(t *testing.T) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		writeEntry(t, zw, entry{name: "manifest.json", data: []byte(`{"format":"something-else","version":1}`)})
		writeEntry(t, zw, entry{name: "manifest.sig", data: []byte("x")})
		zw.Close()
		mustRefuse(t, writeBytes(t, buf.Bytes()), exchange.OpenOptions{}, `not a Bollard case package (the manifest says format "something-else")`)
	})
	t.Run("an empty zip", func(t *testing.T) {
		var buf bytes.Buffer
		zip.NewWriter(&buf).Close()
		mustRefuse(t, writeBytes(t, buf.Bytes()), exchange.OpenOptions{}, "has no manifest.json")
	})
	t.Run("armored age", func(t *testing.T) {
		mustRefuse(t, writeBytes(t, []byte("-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n")), exchange.OpenOptions{}, "armored")
	})
	for _, cut := range []int{2, 30, len(plain) / 2, len(plain) - 100, len(plain) - 1} {
		t.Run("truncated", func(t *testing.T) {
			mustRefuse(t, writeBytes(t, plain[:cut]), exchange.OpenOptions{}, "truncated")
		})
	}
	for _, cut := range []int{10, 40, 200, len(sealed) / 2, len(sealed) - 1} {
		t.Run("encrypted and truncated", func(t *testing.T) {
			mustRefuse(t, writeBytes(t, sealed[:cut]), withKey, "truncated")
		})
	}
	t.Run("a byte changed in an attachment", func(t *testing.T) {
		// The noise file is stored as it is: find it and change a byte.
		bad := bytes.Clone(plain)
		noise := parts.Files[0]
		r, _ := noise.Open()
		head := make([]byte, 64)
		r.Read(head)
		r.Close()
		i := bytes.Index(bad, head)
		if i < 0 {
			t.Fatal("the attachment is not stored as it is")
		}
		bad[i+10] ^= 0x40
		mustRefuse(t, writeBytes(t, bad), exchange.OpenOptions{}, "does not match its SHA-256")
	})
	t.Run("a byte changed in the compressed content", func(t *testing.T) {
		c := goodCraft(t)
		c.entries[0].data = bytes.Repeat([]byte(`{"cases":[]}`), 100)
		c.parts[0].SHA256, c.parts[0].Size = sha(c.entries[0].data), int64(len(c.entries[0].data))
		good := c.bytes(t)
		if _, _, err := pkgOpen(t, writeBytes(t, good), exchange.OpenOptions{}); err != nil {
			t.Fatal(err)
		}
		// Every byte of the deflated content, changed one at a time, is
		// refused (or, rarely, still decodes to the same bytes).
		start := bytes.Index(good, []byte("content.json")) + len("content.json")
		for i := start; i < start+20; i++ {
			bad := bytes.Clone(good)
			bad[i] ^= 0x01
			if p, _, err := pkgOpen(t, writeBytes(t, bad), exchange.OpenOptions{}); err == nil {
				if !bytes.Equal(p.Content, c.entries[0].data) {
					t.Fatalf("byte %d changed: opened with other content", i)
				}
			} else if !errors.Is(err, exchange.ErrRefused) {
				t.Fatalf("byte %d changed: %v", i, err)
			}
		}
	})
	t.Run("a byte changed in the encrypted file", func(t *testing.T) {
		for _, at := range []int{len(sealed) / 3, len(sealed) - 20} {
			bad := bytes.Clone(sealed)
			bad[at] ^= 0x01
			mustRefuse(t, writeBytes(t, bad), withKey, "damaged")
		}
	})
}

func TestPackageRefusesBadSignatures(t *testing.T) {
	t.Run("no signature", func(t *testing.T) {
		c := goodCraft(t)
		c.noSig = true
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "has no manifest.sig")
	})
	t.Run("signed by another key", func(t *testing.T) {
		c := goodCraft(t)
		_, other, _ := ed25519.GenerateKey(nil)
		c.sig = []byte(b64(ed25519.Sign(other, append([]byte("bollard-package-manifest-v1\n"), c.manifestBytes(t)...))))
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "signature does not match")
	})
	t.Run("signed without the tag", func(t *testing.T) {
		c := goodCraft(t)
		c.sig = []byte(b64(ed25519.Sign(c.key, c.manifestBytes(t))))
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "signature does not match")
	})
	t.Run("manifest changed after signing", func(t *testing.T) {
		c := goodCraft(t)
		signed := c.manifestBytes(t)
		c.sig = []byte(b64(ed25519.Sign(c.key, append([]byte("bollard-package-manifest-v1\n"), signed...))))
		c.manifest = bytes.Replace(signed, []byte("Belgian Customs"), []byte("Belgian Customz"), 1)
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "changed after it was signed")
	})
	t.Run("signature not base64", func(t *testing.T) {
		c := goodCraft(t)
		c.sig = []byte("not a signature at all")
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "not an ed25519 signature")
	})
	t.Run("public key not a key", func(t *testing.T) {
		c := goodCraft(t)
		c.mutate = func(m map[string]any) { m["signer"].(map[string]any)["public_key"] = "AAAA" }
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "not an ed25519 key")
	})
	t.Run("signature too long", func(t *testing.T) {
		c := goodCraft(t)
		c.sig = bytes.Repeat([]byte("A"), 4096)
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "manifest.sig is larger than")
	})
}

func TestPackageRefusesPartsThatDoNotMatch(t *testing.T) {
	t.Run("hash does not match", func(t *testing.T) {
		c := goodCraft(t)
		c.entries[1].data = []byte("a scanned customs declaratiom")
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "does not match its SHA-256")
	})
	t.Run("content hash does not match", func(t *testing.T) {
		c := goodCraft(t)
		c.entries[0].data = []byte(`{"cases":[1]}`)
		c.parts[0].Size = int64(len(c.entries[0].data))
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "content.json does not match its SHA-256")
	})
	t.Run("larger than declared", func(t *testing.T) {
		c := goodCraft(t)
		c.parts[1].Size--
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "unpacks to more than")
	})
	t.Run("smaller than declared", func(t *testing.T) {
		c := goodCraft(t)
		c.parts[1].Size++
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "not the 30 bytes the manifest gives")
	})
	t.Run("zip header lies about the size", func(t *testing.T) {
		// The zip says 5 bytes; the manifest (and the bytes) say more: the
		// header is not what is believed, the manifest and the hash are.
		c := goodCraft(t)
		c.entries[1].lieSize = 5
		p, _, err := pkgOpen(t, c.file(t), exchange.OpenOptions{})
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		p.Close()
		// And a header that claims less than the manifest declares, with the
		// bytes beyond the manifest's size, is stopped at the manifest's size.
		c = goodCraft(t)
		c.entries[1].lieSize = 3
		c.parts[1].Size = 3
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "unpacks to more than the 3 bytes")
	})
	t.Run("an entry the manifest does not list", func(t *testing.T) {
		c := goodCraft(t)
		extra := []byte("slipped in")
		c.entries = append(c.entries, entry{name: "files/" + sha(extra), data: extra})
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "which the manifest does not list")
	})
	t.Run("a part the package does not hold", func(t *testing.T) {
		c := goodCraft(t)
		c.entries = c.entries[:1]
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "which the package does not hold")
	})
	t.Run("no content", func(t *testing.T) {
		c := goodCraft(t)
		c.parts, c.entries = c.parts[1:], c.entries[1:]
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "lists no content.json")
	})
	t.Run("a file named by another hash", func(t *testing.T) {
		c := goodCraft(t)
		other := sha([]byte("other"))
		c.parts[1].Path, c.entries[1].name = "files/"+other, "files/"+other
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "by another hash than its own")
	})
	t.Run("listed twice", func(t *testing.T) {
		c := goodCraft(t)
		c.parts = append(c.parts, c.parts[1])
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "lists files/"+c.parts[1].SHA256+" twice")
	})
	t.Run("the manifest among its parts", func(t *testing.T) {
		c := goodCraft(t)
		c.parts = append(c.parts, exchange.ManifestPart{Path: "manifest.json", SHA256: sha(nil)})
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "lists manifest.json among its parts")
	})
	t.Run("hash in capitals", func(t *testing.T) {
		c := goodCraft(t)
		c.parts[0].SHA256 = strings.ToUpper(c.parts[0].SHA256)
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "not a SHA-256 in lowercase hex")
	})
}

func TestPackageRefusesOtherVersions(t *testing.T) {
	for name, tc := range map[string]struct {
		mutate func(m map[string]any)
		want   string
	}{
		"newer version":    {func(m map[string]any) { m["version"] = 2 }, "written by a newer Bollard"},
		"newer and longer": {func(m map[string]any) { m["version"] = 3; m["compression"] = "zstd" }, "written by a newer Bollard"},
		"version zero":     {func(m map[string]any) { m["version"] = 0 }, "not one Bollard ever wrote"},
		"no version":       {func(m map[string]any) { delete(m, "version") }, "not one Bollard ever wrote"},
		"unknown format":   {func(m map[string]any) { m["format"] = "bollard-cases" }, `format "bollard-cases"`},
		"unknown field":    {func(m map[string]any) { m["encrypted_to"] = []string{"x"} }, `unknown field "encrypted_to"`},
		"version as text":  {func(m map[string]any) { m["version"] = "1" }, "not valid JSON"},
	} {
		t.Run(name, func(t *testing.T) {
			c := goodCraft(t)
			c.mutate = tc.mutate
			mustRefuse(t, c.file(t), exchange.OpenOptions{}, tc.want)
		})
	}
	t.Run("something after the manifest", func(t *testing.T) {
		c := goodCraft(t)
		c.manifest = append(c.manifestBytes(t), []byte(` {}`)...)
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "not valid JSON")
	})
}

func TestPackageRefusesBadPaths(t *testing.T) {
	for name, tc := range map[string]struct{ path, want string }{
		"parent":             {"../evil.sh", "escapes the package"},
		"parent inside":      {"files/../../evil.sh", "escapes the package"},
		"absolute":           {"/etc/cron.d/evil", "absolute path"},
		"drive":              {"C:/Windows/evil.exe", "absolute path"},
		"backslash":          {`files\` + sha([]byte("x")), "backslash"},
		"backslash parent":   {`..\..\evil.exe`, "backslash"},
		"somewhere else":     {"notes.txt", "not where anything in a package belongs"},
		"a folder":           {"files/", "not where anything in a package belongs"},
		"nested":             {"files/a/" + sha([]byte("x")), "not where anything in a package belongs"},
		"hash in capitals":   {"files/" + strings.ToUpper(sha([]byte("x"))), "not where anything in a package belongs"},
		"no name":            {"", "no name"},
		"dot":                {"./content.json", "not where anything in a package belongs"},
		"content in a place": {"files/content.json", "not where anything in a package belongs"},
	} {
		t.Run("entry "+name, func(t *testing.T) {
			c := goodCraft(t)
			data := []byte("x")
			if strings.HasSuffix(tc.path, "/") {
				data = nil // a folder holds nothing
			}
			c.entries = append(c.entries, entry{name: tc.path, data: data})
			mustRefuse(t, c.file(t), exchange.OpenOptions{}, tc.want)
		})
		t.Run("manifest "+name, func(t *testing.T) {
			c := goodCraft(t)
			c.parts = append(c.parts, exchange.ManifestPart{Path: tc.path, SHA256: sha([]byte("x")), Size: 1})
			mustRefuse(t, c.file(t), exchange.OpenOptions{}, tc.want)
		})
	}
}

func TestPackageRefusesDuplicates(t *testing.T) {
	for _, name := range []string{"manifest.json", "manifest.sig", "content.json", "files/"} {
		t.Run(name, func(t *testing.T) {
			c := goodCraft(t)
			e := entry{name: name, data: []byte(`{"cases":[]}`)}
			if name == "files/" {
				e = c.entries[1]
				name = e.name
			}
			c.entries = append(c.entries, e)
			mustRefuse(t, c.file(t), exchange.OpenOptions{}, "holds "+name+" twice")
		})
	}
}

func TestPackageRefusesAbsurdSizes(t *testing.T) {
	t.Run("content too large", func(t *testing.T) {
		c := goodCraft(t)
		c.parts[0].Size = 65 << 20
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "content.json is 65.0 MB; a part may be at most 64.0 MB")
	})
	t.Run("file too large", func(t *testing.T) {
		c := goodCraft(t)
		c.parts[1].Size = 5 << 30
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "is 5.0 GB; a part may be at most 4.0 GB")
	})
	t.Run("negative size", func(t *testing.T) {
		c := goodCraft(t)
		c.parts[1].Size = -1
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "a part may be at most")
	})
	t.Run("too much in all", func(t *testing.T) {
		c := goodCraft(t)
		for i := range 20 {
			s := sha([]byte{byte(i)})
			c.parts = append(c.parts, exchange.ManifestPart{Path: "files/" + s, SHA256: s, Size: 4 << 30})
		}
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "more than a package may hold")
	})
	t.Run("more declared than the package could hold", func(t *testing.T) {
		// 3 GB declared in a package of a few hundred bytes: refused before
		// anything is unpacked.
		c := goodCraft(t)
		c.parts[1].Size = 3 << 30
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "more than any real package unpacks to")
	})
	t.Run("zip bomb", func(t *testing.T) {
		// 24 MB of zeros deflate to about 24 KB; with 200 KB of noise
		// beside them, what the manifest declares in all is plausible, and
		// the bomb is found while it is unpacked.
		zeros := make([]byte, 24<<20)
		noise := make([]byte, 200<<10)
		rand.Read(noise)
		c := goodCraft(t)
		c.parts = append(c.parts,
			exchange.ManifestPart{Path: "files/" + sha(zeros), SHA256: sha(zeros), Size: int64(len(zeros))},
			exchange.ManifestPart{Path: "files/" + sha(noise), SHA256: sha(noise), Size: int64(len(noise))})
		c.entries = append(c.entries, entry{name: "files/" + sha(noise), data: noise},
			entry{name: "files/" + sha(zeros), data: zeros, deflate: true, lieSize: 1000})
		// Unpacking stops at the bomb; the noise before it was extracted
		// and is removed with the rest.
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "zip bomb")
	})
	t.Run("a table of entries to fill memory", func(t *testing.T) {
		// Nothing but central directory headers of no name, 46 bytes each:
		// half a million of them, refused before they are all read.
		const n = 500_000
		header := make([]byte, 46)
		copy(header, "PK\x01\x02")
		toc := bytes.Repeat(header, n)
		end := make([]byte, 22)
		copy(end, "PK\x05\x06")
		binary.LittleEndian.PutUint16(end[8:], n%65536)
		binary.LittleEndian.PutUint16(end[10:], n%65536)
		binary.LittleEndian.PutUint32(end[12:], uint32(len(toc)))
		binary.LittleEndian.PutUint32(end[16:], 4)
		mustRefuse(t, writeBytes(t, append(append([]byte("PK\x03\x04"), toc...), end...)), exchange.OpenOptions{}, "table of entries is larger than any package's")
	})
	t.Run("too many entries", func(t *testing.T) {
		c := goodCraft(t)
		for i := range 100_000 {
			c.entries = append(c.entries, entry{name: "files/" + sha([]byte{byte(i), byte(i >> 8), byte(i >> 16)})})
		}
		mustRefuse(t, c.file(t), exchange.OpenOptions{}, "more than the 100000 a package may hold")
	})
}
