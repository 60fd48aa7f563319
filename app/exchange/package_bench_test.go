package exchange_test

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"

	"bollard/app/exchange"
)

// benchParts is a package's worth of parts with 200 MB of attachment files
// (100 photos of 2 MB, incompressible as photos are) and 2 MB of JSON.
func benchParts(b *testing.B) exchange.PackageParts {
	b.Helper()
	parts := exchange.PackageParts{Content: make([]byte, 2<<20)}
	for i := range parts.Content {
		parts.Content[i] = "{}\"abc:,0123456789 \n"[i%20]
	}
	for range 100 {
		photo := make([]byte, 2<<20)
		rand.Read(photo)
		parts.Files = append(parts.Files, pkgFile(b, photo))
	}
	return parts
}

// BenchmarkPackage writes and opens a package of 200 MB of attachment
// files, plain and encrypted to a recipient. The container only: what
// export and import add (reading the workspace, merging) is not in it.
func BenchmarkPackage(b *testing.B) {
	parts := benchParts(b)
	by := pkgSigner(b)
	secret, public := pkgIdentity(b)
	for _, tc := range []struct {
		name string
		enc  exchange.Encryption
	}{
		{"plain", exchange.Encryption{}},
		{"to a recipient", exchange.Encryption{Recipients: []string{public}}},
	} {
		path := filepath.Join(b.TempDir(), "case.bollard")
		b.Run("write "+tc.name, func(b *testing.B) {
			b.SetBytes(200 << 20)
			for b.Loop() {
				if err := exchange.CreatePackage(path, parts, by, tc.enc); err != nil {
					b.Fatal(err)
				}
			}
			if st, err := os.Stat(path); err == nil {
				b.ReportMetric(float64(st.Size())/(1<<20), "MB/package")
			}
		})
		b.Run("open "+tc.name, func(b *testing.B) {
			b.SetBytes(200 << 20)
			for b.Loop() {
				p, err := exchange.OpenPackage(path, exchange.OpenOptions{Identities: []string{secret}, TempDir: b.TempDir()})
				if err != nil {
					b.Fatal(err)
				}
				p.Close()
			}
		})
	}
}
