package storage

import (
	"bufio"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkPutOneGigabyte measures adding a 1 GB attachment against
// sha256sum hashing the same file (issue 6: Put must reach 80% of its
// speed). The file is made in the benchmark's temp folder, which should be
// on the disk a workspace would live on; set TMPDIR to move it.
//
//	go test ./storage/ -run '^$' -bench PutOneGigabyte -benchtime 3x -benchmem
func BenchmarkPutOneGigabyte(b *testing.B) { benchmarkPut(b, nil) }

// BenchmarkPutOneGigabyteEncrypted is the same into an encrypted
// workspace's store (issue 19: at least 70% of sha256sum's speed), the
// file sealed as it is hashed.
//
//	go test ./storage/ -run '^$' -bench PutOneGigabyteEncrypted -benchtime 3x -benchmem
func BenchmarkPutOneGigabyteEncrypted(b *testing.B) {
	key := make([]byte, 32)
	rand.NewChaCha8([32]byte{19}).Read(key)
	benchmarkPut(b, key)
}

// BenchmarkCheckOneGigabyteEncrypted measures Check (verify's work) of a
// 1 GB sealed file: decrypted and hashed at once.
func BenchmarkCheckOneGigabyteEncrypted(b *testing.B) {
	if testing.Short() {
		b.Skip("writes 1 GB")
	}
	const size = 1 << 30
	dir := b.TempDir()
	src := filepath.Join(dir, "one.gb")
	writeRandomFile(b, src, size)
	key := make([]byte, 32)
	rand.NewChaCha8([32]byte{19}).Read(key)
	blobs, err := OpenBlobs(filepath.Join(dir, "bollard.files"), key)
	if err != nil {
		b.Fatal(err)
	}
	defer blobs.Close()
	blob, err := blobs.PutFile(src)
	if err != nil {
		b.Fatal(err)
	}
	os.Remove(src)
	b.SetBytes(size)
	for b.Loop() {
		if err := blobs.Check(blob.SHA256); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkPut(b *testing.B, key []byte) {
	if testing.Short() {
		b.Skip("writes 1 GB")
	}
	const size = 1 << 30
	dir := b.TempDir()
	src := filepath.Join(dir, "one.gb")
	writeRandomFile(b, src, size)

	// sha256sum on the same file, with the same page-cache state Put sees.
	var sumSeconds float64
	if tool, err := exec.LookPath("sha256sum"); err == nil {
		start := time.Now()
		if out, err := exec.Command(tool, src).CombinedOutput(); err != nil {
			b.Fatalf("sha256sum: %v: %s", err, out)
		}
		sumSeconds = time.Since(start).Seconds()
	}

	blobs, err := OpenBlobs(filepath.Join(dir, "bollard.files"), key)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	rounds := 0
	for b.Loop() {
		rounds++
		blob, err := blobs.PutFile(src)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if !blob.New || blob.Size != size {
			b.Fatalf("Put = %+v", blob)
		}
		// Remove it so the next round stores (and fsyncs) it afresh.
		if err := blobs.Remove(blob.SHA256); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	if sumSeconds > 0 {
		putSeconds := b.Elapsed().Seconds() / float64(rounds)
		b.ReportMetric(sumSeconds, "sha256sum-s")
		b.ReportMetric(putSeconds, "put-s")
		// At or above 0.80 (plaintext, issue 6) or 0.70 (encrypted,
		// issue 19) meets the target.
		b.ReportMetric(sumSeconds/putSeconds, "speed-vs-sha256sum")
	}
}

// writeRandomFile writes size random bytes to path and syncs them, so the
// benchmark starts with the file on disk, not only in dirty pages.
func writeRandomFile(b *testing.B, path string, size int64) {
	b.Helper()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.NewChaCha8([32]byte{6})
	buf := make([]byte, 1<<20)
	for left := size; left > 0; left -= int64(len(buf)) {
		rng.Read(buf)
		if _, err := w.Write(buf); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		b.Fatal(err)
	}
}
