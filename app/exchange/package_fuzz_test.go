package exchange_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bollard/app/exchange"
)

// The age identity the fuzzer's encrypted seeds are encrypted to, and that
// every input is opened with: fixed, so that the corpus in
// testdata/fuzz/FuzzOpenPackage stays meaningful from run to run.
const (
	fuzzSecret    = "AGE-SECRET-KEY-1C7KYHGF83AHX78DUHDE59K8WHV4WXR8ML3CPW09KEXPL463AE8CSDAL76W"
	fuzzRecipient = "age1xlthxy7w6hx4w6g9r2c8r350u7w4vnvsm96qrjzwlz8hcn5p5faqgxv8hc"
)

// fuzzSeeds are small packages, good and bad, for the fuzzer to start from.
func fuzzSeeds(t testing.TB) [][]byte {
	by := pkgSigner(t)
	small := exchange.PackageParts{
		Content:   []byte(`{"format":"bollard-cases","version":1,"cases":[{"ref":"BEA-2026-0001"}]}`),
		CreatedAt: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC),
		Files:     []exchange.PackageFile{pkgFile(t, []byte("seal 4471203")), pkgFile(t, nil)},
	}
	write := func(enc exchange.Encryption) []byte {
		var buf bytes.Buffer
		if err := exchange.WritePackage(&buf, small, by, enc); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	plain := write(exchange.Encryption{})
	seeds := [][]byte{
		plain,
		write(exchange.Encryption{Recipients: []string{fuzzRecipient}}),
		write(exchange.Encryption{Passphrase: "correct horse battery staple"}),
		goodCraft(t).bytes(t),
		plain[:len(plain)/2],
		nil,
		[]byte("PK\x05\x06" + strings.Repeat("\x00", 18)),
	}
	bomb := goodCraft(t)
	zeros := make([]byte, 1<<20)
	bomb.parts = append(bomb.parts, exchange.ManifestPart{Path: "files/" + sha(zeros), SHA256: sha(zeros), Size: int64(len(zeros))})
	bomb.entries = append(bomb.entries, entry{name: "files/" + sha(zeros), data: zeros, deflate: true})
	seeds = append(seeds, bomb.bytes(t))
	dup := goodCraft(t)
	dup.entries = append(dup.entries, dup.entries[1])
	seeds = append(seeds, dup.bytes(t))
	return seeds
}

// FuzzOpenPackage feeds the reader any bytes at all: it must never panic,
// never hang, never leave anything in its temporary folder when it refuses,
// and never return a package that is not what its manifest says.
//
//	go test -fuzz FuzzOpenPackage -fuzztime 2m ./app/exchange/
func FuzzOpenPackage(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "fuzz.bollard")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		tmp := filepath.Join(dir, "extract")
		if err := os.Mkdir(tmp, 0o700); err != nil {
			t.Fatal(err)
		}
		p, err := exchange.OpenPackage(path, exchange.OpenOptions{Identities: []string{fuzzSecret}, TempDir: tmp})
		if err != nil {
			if p != nil {
				t.Fatal("a refused package returned something")
			}
			if !errors.Is(err, exchange.ErrRefused) && !errors.Is(err, exchange.ErrNeedsKey) && !errors.Is(err, exchange.ErrWrongKey) {
				t.Fatalf("refused with an error of no known kind: %v", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of more than one line: %q", err)
			}
			fuzzCheckEmpty(t, tmp)
			return
		}
		// Opened: everything must be as the manifest says.
		for _, part := range p.Manifest.Parts {
			var got []byte
			if part.Path == exchange.ContentPath {
				got = p.Content
			} else {
				// Files are extracted only into a folder of their own in tmp.
				entries, _ := os.ReadDir(tmp)
				for _, e := range entries {
					if !e.IsDir() {
						t.Fatalf("%s extracted beside its own folder in %s", e.Name(), tmp)
					}
				}
				f, err := p.File(part.SHA256)
				if err != nil {
					t.Fatalf("%s: %v", part.Path, err)
				}
				h := sha256.New()
				n, _ := io.Copy(h, f)
				f.Close()
				if n != part.Size || hex.EncodeToString(h.Sum(nil)) != part.SHA256 {
					t.Fatalf("%s: extracted file is not what the manifest says", part.Path)
				}
				continue
			}
			if int64(len(got)) != part.Size || sha(got) != part.SHA256 {
				t.Fatalf("%s is not what the manifest says", part.Path)
			}
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		fuzzCheckEmpty(t, tmp)
	})
}

func fuzzCheckEmpty(t *testing.T, dir string) {
	t.Helper()
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Fatalf("%s left in the temporary folder", left[0].Name())
	}
}
