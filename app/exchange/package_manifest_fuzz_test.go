package exchange

import (
	"strings"
	"testing"
)

// FuzzManifest feeds the manifest's checks any JSON at all, past the
// signature that keeps FuzzOpenPackage's mutations from reaching them: they
// must never panic, and a manifest they accept must declare only parts a
// package may hold.
//
//	go test -fuzz FuzzManifest -fuzztime 1m ./app/exchange/
func FuzzManifest(f *testing.F) {
	sum := strings.Repeat("ab", 32)
	f.Add([]byte(`{"format":"bollard-package","version":1,"created_at":"2026-03-14T09:30:00Z",
		"signer":{"name":"L. Peeters","agency":"Belgian Customs","workspace":"ws","public_key":"AAAA"},
		"parts":[{"path":"content.json","sha256":"` + sum + `","size":12},{"path":"files/` + sum + `","sha256":"` + sum + `","size":3}]}`))
	f.Add([]byte(`{"format":"bollard-package","version":2}`))
	f.Add([]byte(`{"format":"bollard-package","version":1,"parts":[{"path":"../x","sha256":"","size":-1}]}`))
	f.Add([]byte(`{"format":"bollard-package","version":1,"parts":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decodeManifest(data)
		if err != nil {
			return
		}
		if m.Format != PackageFormat || m.Version != PackageFormatVersion {
			t.Fatalf("accepted format %q version %d", m.Format, m.Version)
		}
		if err := checkManifest(m); err != nil {
			return
		}
		content := 0
		seen := map[string]bool{}
		for _, p := range m.Parts {
			if seen[p.Path] {
				t.Fatalf("%s accepted twice", p.Path)
			}
			seen[p.Path] = true
			switch {
			case p.Path == ContentPath:
				content++
			case p.Path != FilesDir+p.SHA256 || !isSHA256(p.SHA256):
				t.Fatalf("part %q accepted", p.Path)
			}
			if p.Size < 0 || p.Size > maxFile {
				t.Fatalf("size %d accepted", p.Size)
			}
		}
		if content != 1 {
			t.Fatalf("%d content parts accepted", content)
		}
	})
}
